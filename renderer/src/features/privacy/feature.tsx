import type { Feature } from '../../app/feature';
import { AuditLog } from './components/AuditLog';
import { PrivacySettings } from './components/PrivacySettings';

/** Instellingen & privacy: lock, keys, retention, legal bases, and the audit log. */
export const privacyFeature: Feature = {
  id: 'privacy',
  nav: [{ path: '/privacy', label: 'privacy.navTitle', order: 90 }],
  route([section, sub]) {
    if (section !== 'privacy') return undefined;
    if (sub === 'audit') return <AuditLog />;
    if (sub === undefined) return <PrivacySettings />;
    return undefined;
  },
};
