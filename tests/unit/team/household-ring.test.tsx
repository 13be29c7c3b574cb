import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Contact, Involvement, Organisation, Placement } from '../../../shared/domain/partners';
import { HouseholdRing, ringSpots } from '../../../renderer/src/features/team/components/HouseholdRing';
import { I18nProvider } from '../../../renderer/src/i18n';

const T = '2025-03-01T09:00:00.000Z';
const org = (id: string, name: string): Organisation => ({ id, name, type: 'anders', createdAt: T });
const inv = (organisationId: string): Involvement => ({ id: `i-${organisationId}`, householdId: 'h', organisationId, level: 'afstemmen', since: '2025-01-01', createdAt: T });
const placed = (organisationId: string, ring: Placement['ring']): Placement => ({
  id: `p-${organisationId}`,
  organisationId,
  ring,
  reason: 'omdat',
  updatedAt: T,
  ...(ring === 'buitenring' ? { shell: 'eerste' as const } : {}),
});
const organisations = [org('amw', 'AMW Noord'), org('ggz', 'GGZ Noord'), org('new', 'Buurtteam Jeugd')];
const placements = [placed('amw', 'binnenring'), placed('ggz', 'invliegen')];
const contacts: Contact[] = [];

function render(involvements: readonly Involvement[]): string {
  return renderToStaticMarkup(
    <I18nProvider>
      <HouseholdRing involvements={involvements} organisations={organisations} contacts={contacts} placements={placements} />
    </I18nProvider>,
  );
}

describe('household ring: organisations without a ring placement', () => {
  it('are drawn in the outer band as unplaced, after the invliegen partners, never as invliegen', () => {
    const spots = ringSpots([inv('new'), inv('ggz'), inv('amw')], placements);
    expect(spots.map((s) => [s.inv.organisationId, s.ring, s.spot])).toEqual([
      ['amw', 'binnenring', 'binnenring'],
      ['ggz', 'invliegen', 'invliegen'],
      ['new', 'invliegen', 'unplaced'],
    ]);
  });

  it('are shown distinctly and named in words, visible and for screen readers', () => {
    const html = render([inv('amw'), inv('new')]);
    expect(html).toContain('data-spot="unplaced"');
    expect(html).toContain('stroke-dasharray="5 3"');
    expect(html).toContain('Buurtteam Jeugd, Nog niet geplaatst, Afstemmen');
    expect(html).toContain('data-testid="ring-unplaced"');
    expect(html).toContain('Nog niet in een ring van het team geplaatst (open rondje, buiten de tafel getekend): Buurtteam Jeugd.');
    expect(html).not.toContain('Buurtteam Jeugd, Invliegen');
  });

  it('say nothing extra when every organisation is placed', () => {
    const html = render([inv('amw'), inv('ggz')]);
    expect(html).not.toContain('data-spot="unplaced"');
    expect(html).not.toContain('ring-unplaced');
    expect(html).toContain('GGZ Noord, Invliegen, Afstemmen');
  });
});
