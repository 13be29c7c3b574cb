import { backupFeature } from '../features/backup/feature';
import { feedbackFeature } from '../features/feedback/feature';
import { householdsFeature } from '../features/households/feature';
import { meetingsFeature } from '../features/meetings/feature';
import { partnersFeature } from '../features/partners/feature';
import { privacyFeature } from '../features/privacy/feature';
import { syntheticFeature } from '../features/synthetic/feature';
import { teamFeature } from '../features/team/feature';
import type { Feature } from './feature';

/** Every feature of the app, in navigation order. When adding a feature: one line here. */
export const FEATURES: readonly Feature[] = [householdsFeature, meetingsFeature, feedbackFeature, privacyFeature, syntheticFeature, backupFeature, teamFeature, partnersFeature];
