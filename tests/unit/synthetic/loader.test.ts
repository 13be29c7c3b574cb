import { beforeEach, describe, expect, it } from 'vitest';
import { HouseholdSchema } from '@shared/domain/household';
import { ActionSchema, NoteSchema } from '@shared/domain/casefile';
import { SIZES, SYNTHETIC_MARKER, generateMunicipality } from '@shared/synthetic';
import { freshUnlockedDb } from '../../support/test-db';
import { listHouseholds } from '../../../renderer/src/data/stores/households/households';
import { open } from '../../../renderer/src/data/stores/kit';
import { AlreadyLoadedError, isSyntheticLoaded, loadSyntheticMunicipality } from '../../../renderer/src/data/usecases/synthetic';
import type { WijktafelDB } from '../../../renderer/src/data/db';

const TODAY = '2025-03-14';

describe('synthetic loader', () => {
  let db: WijktafelDB;
  beforeEach(async () => {
    ({ db } = await freshUnlockedDb());
  });

  it('seals and writes the whole small municipality, with progress, readable through the repositories', async () => {
    const progress: number[] = [];
    const result = await loadSyntheticMunicipality({ seed: 1, size: 'small', today: TODAY, batchSize: 20, onProgress: (p) => progress.push(p.households) });
    const expected = generateMunicipality({ seed: 1, size: 'small', today: TODAY });
    expect(result.households).toBe(SIZES.small.households);
    expect(progress).toEqual([0, 20, 40, 50]);

    expect(await db.households.count()).toBe(50);
    expect(await db.householdKeys.count()).toBe(50);
    const count = (k: 'actions' | 'notes' | 'agendaItems' | 'feedbackDuties') => expected.households.reduce((s, h) => s + h[k].length, 0);
    expect(await db.actions.count()).toBe(count('actions'));
    expect(await db.notes.count()).toBe(count('notes'));
    expect(await db.agendaItems.count()).toBe(count('agendaItems'));
    expect(await db.feedbackDuties.count()).toBe(count('feedbackDuties'));
    expect(await db.meetings.count()).toBe(SIZES.small.meetings);
    expect(await db.teamMembers.count()).toBe(SIZES.small.teamMembers);

    const households = await listHouseholds();
    expect(households).toHaveLength(50);
    for (const h of households) expect(h.displayName.startsWith(SYNTHETIC_MARKER)).toBe(true);
    const first = expected.households[0];
    const stored = households.find((h) => h.id === first?.household.id);
    expect(stored).toEqual(HouseholdSchema.parse(first?.household));

    // Household-scoped rows open with their household's key and validate.
    const actionRow = await db.actions.where('householdId').equals(first?.household.id ?? '').first();
    expect(actionRow).toBeDefined();
    if (actionRow) expect(ActionSchema.parse(await open('actions', actionRow, ActionSchema)).householdId).toBe(first?.household.id);
    const noteRow = await db.notes.toCollection().first();
    if (noteRow) await open('notes', noteRow, NoteSchema);
  });

  it('stores no names or narratives in plain text', async () => {
    await loadSyntheticMunicipality({ seed: 2, size: 'small', today: TODAY });
    const expected = generateMunicipality({ seed: 2, size: 'small', today: TODAY });
    const plain = JSON.stringify([await db.households.toArray(), await db.notes.toArray(), await db.intakes.toArray()], (_k, v: unknown) =>
      v instanceof Uint8Array ? undefined : v,
    );
    const h = expected.households[3];
    expect(plain).not.toContain(SYNTHETIC_MARKER);
    expect(plain).not.toContain(h?.household.members[0]?.firstName ?? 'x');
    expect(plain).not.toContain(h?.notes[0]?.text ?? 'x');
  });

  it('refuses to load the same seed twice and writes nothing the second time', async () => {
    expect(await isSyntheticLoaded(3)).toBe(false);
    await loadSyntheticMunicipality({ seed: 3, size: 'small', today: TODAY });
    expect(await isSyntheticLoaded(3)).toBe(true);
    const before = await db.households.count();
    await expect(loadSyntheticMunicipality({ seed: 3, size: 'small', today: TODAY })).rejects.toBeInstanceOf(AlreadyLoadedError);
    expect(await db.households.count()).toBe(before);
  });

  it('does not overwrite a team that already has settings', async () => {
    await db.settings.put({ id: 'team', enc: new Uint8Array([1, 2, 3]) });
    await loadSyntheticMunicipality({ seed: 4, size: 'small', today: TODAY });
    expect((await db.settings.get('team'))?.enc).toEqual(new Uint8Array([1, 2, 3]));
  });
});
