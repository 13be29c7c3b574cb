import { createContext, useContext, type ReactNode } from 'react';
import { useFocusFromRoute } from '../../app/router';

/** A section another feature adds to a household's page (e.g. partners, the meeting, feedback). */
export type HouseholdSection = Readonly<{ id: string; order: number; render: (householdId: string) => ReactNode }>;

/**
 * The slot on the household page where other features' sections appear. The app shell fills it
 * (app/App.tsx, from every feature's `householdSections`), so the households feature never
 * reaches into app/ for them: app/ imports every feature, and a feature importing the list back
 * was an import cycle. null until a provider is mounted.
 */
const HouseholdSectionsContext = createContext<readonly HouseholdSection[] | null>(null);

export function HouseholdSectionsProvider({ sections, children }: Readonly<{ sections: readonly HouseholdSection[]; children: ReactNode }>) {
  return <HouseholdSectionsContext.Provider value={sections}>{children}</HouseholdSectionsContext.Provider>;
}

/** Sections other features add to a household's page, in order. */
export function HouseholdSectionsSlot({ householdId }: Readonly<{ householdId: string }>) {
  const sections = useContext(HouseholdSectionsContext);
  // A link into one section (e.g. the attention list's "consent expiring" → the consent ledger).
  useFocusFromRoute();
  // A developer error, not a user's: without the provider the page would silently lose sections.
  if (sections === null) throw new Error('HouseholdSectionsProvider is not mounted');
  return (
    <>
      {[...sections]
        .sort((a, b) => a.order - b.order)
        .map((s) => (
          <div key={s.id} className="household-section" data-section={s.id}>
            {s.render(householdId)}
          </div>
        ))}
    </>
  );
}
