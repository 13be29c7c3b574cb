import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnlockedDb } from '../../support/test-db';
import { createHousehold } from '../../../renderer/src/data/stores/households/households';
import { addMembers, defaultTeamSettingsDraft, getTeamSettings, saveTeamSettings } from '../../../renderer/src/data/stores/team/team';
import { escalateNextStep, startEscalation } from '../../../renderer/src/data/stores/feedback/feedback';
import { escalationRoute, escalationRows } from '../../../renderer/src/features/team/components/TeamSettingsForm';

/** Who holds each step of the escalation route: set in team settings, kept on save, carried by the escalation. */
describe('escalation route holders', () => {
  beforeEach(async () => {
    await freshUnlockedDb();
    await addMembers([
      { id: 'tm-coord', name: 'Coördinator Cor', active: true },
      { id: 'tm-man', name: 'Manager Mia', active: true },
    ]);
  });

  it('the settings form keeps a holder through edit and save (it used to drop it)', () => {
    const stored = [{ label: 'Coördinator', holderId: 'tm-coord' }, { label: 'Escalatieoverleg' }];
    const rows = escalationRows(stored);
    expect(rows).toEqual([{ label: 'Coördinator', holderId: 'tm-coord' }, { label: 'Escalatieoverleg', holderId: '' }]);
    expect(escalationRoute(rows)).toEqual(stored);
    // An empty step is left out; a holder chosen in the form is stored.
    expect(escalationRoute([...rows.slice(0, 1), { label: '  ', holderId: 'tm-man' }, { label: 'Gemeente ', holderId: 'tm-man' }])).toEqual([
      { label: 'Coördinator', holderId: 'tm-coord' },
      { label: 'Gemeente', holderId: 'tm-man' },
    ]);
  });

  it("an escalation starts with the first step's holder and moves to the next step's", async () => {
    await saveTeamSettings({
      ...defaultTeamSettingsDraft(),
      name: 'Team Test',
      escalationRoute: escalationRoute([
        { label: 'Coördinator', holderId: 'tm-coord' },
        { label: 'Manager sociaal domein', holderId: 'tm-man' },
      ]),
    });
    expect((await getTeamSettings())?.escalationRoute.map((s) => s.holderId)).toEqual(['tm-coord', 'tm-man']);
    const h = await createHousehold({ displayName: 'Familie Vast', members: [{ role: 'ouder', firstName: 'Henk' }] });
    let e = await startEscalation(h.id, { reason: 'wachtlijst' }, '2026-03-10');
    expect(e.log).toEqual([{ step: 0, label: 'Coördinator', startedAt: '2026-03-10', holderId: 'tm-coord' }]);
    e = await escalateNextStep(e.id, '2026-03-17');
    expect(e.log[1]).toMatchObject({ step: 1, holderId: 'tm-man' });
  });
});
