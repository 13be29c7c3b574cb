import type { ComponentType, ReactNode } from 'react';
import type { HouseholdSection } from '../features/households/sections';
import type { MessageKey } from '../i18n';

/**
 * A feature plugs into the app through this shape, registered in ./features.ts:
 * navigation entries, the routes it answers, and sections it adds to a household's page.
 * So a new feature touches its own folder and one line in features.ts.
 */
export type Feature = Readonly<{
  id: string;
  /** `badge` renders inside the nav link (e.g. a count); it must carry its own screen-reader text. */
  nav?: readonly Readonly<{ path: string; label: MessageKey; order: number; badge?: ComponentType }>[];
  /** Return the screen for these route segments, or undefined when the route is not this feature's. */
  route?: (segments: readonly string[]) => ReactNode | undefined;
  /** Sections shown on the household page, in `order` (the case file uses 0–99). */
  householdSections?: readonly HouseholdSection[];
}>;
