import { useMemo, type ReactNode } from 'react';
import type { Party } from '@shared/domain/casefile';
import { isRuleViolation } from '@shared/domain/casefile-rules';
import { useI18n } from '../../../i18n';
import { SaveError as UiSaveError } from '../../../ui/SaveError';
import { usePartnerContacts, useTeamMembers } from '../queries';

/**
 * Why a save failed, next to the button that tried: a broken rule in words, a full disk
 * ("nothing was lost; free space and try again"), or "nothing was half saved".
 */
export function SaveError({ error }: Readonly<{ error: unknown }>) {
  const { tx } = useI18n();
  return <UiSaveError error={error} diskFull explain={(e) => (isRuleViolation(e) ? tx(`casefile.rule.${e.code}`) : undefined)} />;
}

/** A card: a section of the case file with its own heading (the page is navigable by headings). */
export function Card({
  title,
  id,
  actions,
  children,
  level = 2,
}: Readonly<{ title: ReactNode; id: string; actions?: ReactNode; children: ReactNode; level?: 2 | 3 }>) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="cf-card" aria-labelledby={id}>
      <div className="cf-card__head">
        <Heading id={id}>{title}</Heading>
        {actions ? <div className="cf-card__actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** Names of team members and partner contacts, for showing owners and regisseurs. */
export function usePeople() {
  const members = useTeamMembers();
  const partners = usePartnerContacts();
  return useMemo(() => {
    const memberName = new Map((members.data ?? []).map((m) => [m.id, m.name]));
    const orgName = new Map((partners.data?.organisations ?? []).map((o) => [o.id, o.name]));
    const contactName = new Map(
      (partners.data?.contacts ?? []).map((c) => [c.id, orgName.get(c.organisationId) ? `${c.name} (${orgName.get(c.organisationId)})` : c.name]),
    );
    return {
      members: (members.data ?? []).filter((m) => m.active),
      contacts: (partners.data?.contacts ?? []).filter((c) => c.active),
      memberName: (id: string | undefined) => (id ? memberName.get(id) : undefined),
      contactName: (id: string | undefined) => (id ? contactName.get(id) : undefined),
    };
  }, [members.data, partners.data]);
}

export function usePartyLabel() {
  const { t } = useI18n();
  const people = usePeople();
  return (p: Party): string => {
    switch (p.kind) {
      case 'team_member':
        return people.memberName(p.refId) ?? t('casefile.unknownPerson');
      case 'contact':
        return people.contactName(p.refId) ?? t('casefile.unknownPerson');
      case 'resident':
        return p.name ? `${t('casefile.resident')} (${p.name})` : t('casefile.resident');
      case 'network':
        return p.name ?? t('casefile.unknownPerson');
    }
  };
}
