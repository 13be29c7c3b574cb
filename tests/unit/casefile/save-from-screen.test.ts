import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Action } from '../../../shared/domain/casefile';
import { RuleViolation, type CaseFile } from '../../../shared/domain/casefile-rules';
import { loadCaseFile } from '../../../renderer/src/data/stores/casefile/casefile';
import { addAction, addGoal, startPlan, updateActionProgress } from '../../../renderer/src/data/stores/casefile/plan';
import { closeHousehold } from '../../../renderer/src/data/stores/casefile/regie';
import { updateHousehold } from '../../../renderer/src/data/stores/households/households';
import { createHouseholdWithIntake } from '../../../renderer/src/data/usecases/create-intake';
import { seal } from '../../../renderer/src/data/stores/kit';
import type { WijktafelDB } from '../../../renderer/src/data/db';
import { freshUnlockedDb } from '../../support/test-db';

/**
 * Saving progress on an action from the plan on screen (updateActionProgress with `seen`): one
 * round of requests checks that the stored action and household are still what the screen came
 * from and writes. Whatever changed meanwhile must never be overwritten by the screen's copy.
 */
let db: WijktafelDB;
beforeEach(async () => {
  ({ db } = await freshUnlockedDb());
});

const OWNER = { kind: 'resident' } as const;

async function setUp(): Promise<{ id: string; action: Action; screen: CaseFile }> {
  const { household } = await createHouseholdWithIntake({ displayName: 'Familie De Vries', wijk: 'Oost', members: [{ role: 'ouder', firstName: 'Anouk', birthDate: '1984-02-02' }] });
  const plan = await startPlan(household.id, { startedAt: '2026-03-03' });
  const goal = await addGoal(household.id, plan.id, { domainId: 'financien', text: 'Ik wil mijn post weer openen.' });
  const action = await addAction(household.id, { goalId: goal.id, text: 'Post sorteren', layer: 'eigen_kracht', owner: OWNER, reportTo: OWNER, dueDate: '2026-03-20' });
  const screen = await loadCaseFile(household.id);
  if (!screen) throw new Error('no case file');
  return { id: household.id, action, screen };
}

function onScreen(screen: CaseFile, actionId: string) {
  const record = screen.actions.find((a) => a.id === actionId);
  if (!record) throw new Error('action not on screen');
  return { record, household: screen.household };
}

/** Where each read of an action happens from now on: inside a write transaction or before it. Call the result to stop and get them. */
function watchActionReads(): () => string[] {
  const where: string[] = [];
  const original = db.actions.get.bind(db.actions);
  const spy = vi.spyOn(db.actions, 'get').mockImplementation(((...args: Parameters<typeof original>) => {
    where.push(Dexie.currentTransaction?.mode === 'readwrite' ? 'in the write' : 'before');
    return original(...args);
  }) as typeof original);
  return () => {
    spy.mockRestore();
    return where;
  };
}

const DONE = { status: 'gedaan', result: 'Samen met dochter gedaan' } as const;

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof RuleViolation ? e.code : (e as Error).message;
  }
  return 'resolved';
}

describe('saving an action from the plan on screen', () => {
  it('writes the change, the activity and the audit entry without reading the action first', async () => {
    const { id, action, screen } = await setUp();
    const before = await db.households.get(id);
    const audits = await db.audit.count();
    const reads = watchActionReads();
    const saved = await updateActionProgress(id, action.id, DONE, '2026-03-10', onScreen(screen, action.id));
    // One read of the action: the check inside the write transaction, none before it.
    expect(reads()).toEqual(['in the write']);
    expect(saved).toMatchObject({ status: 'gedaan', result: DONE.result, completedAt: '2026-03-10', text: 'Post sorteren' });
    const after = await loadCaseFile(id);
    expect(after?.actions.find((a) => a.id === action.id)).toMatchObject({ status: 'gedaan', result: DONE.result });
    const row = await db.households.get(id);
    expect(String(row?.lastActivityAt) > String(before?.lastActivityAt)).toBe(true);
    expect(row?.enc).toEqual(before?.enc);
    expect(await db.audit.count()).toBe(audits + 1);
  });

  it('a second save of the same action from the returned record also skips the read', async () => {
    const { id, action, screen } = await setUp();
    const first = await updateActionProgress(id, action.id, DONE, '2026-03-10', onScreen(screen, action.id));
    const fresh = await loadCaseFile(id); // the household's activity moved: the screen re-reads it
    const reads = watchActionReads();
    await updateActionProgress(id, action.id, { status: 'open' }, '2026-03-11', { record: first, household: fresh?.household });
    expect(reads()).toEqual(['in the write']);
    expect((await loadCaseFile(id))?.actions.find((a) => a.id === action.id)?.status).toBe('open');
  });

  it('applies the change to the stored action when it changed after the screen read it', async () => {
    const { id, action, screen } = await setUp();
    // Elsewhere the action was closed on the 9th meanwhile — written around the household row,
    // so only the action's own check can notice.
    await db.actions.put(await seal('actions', { ...action, status: 'gedaan', result: 'Eerste stapel gedaan', completedAt: '2026-03-09' }));
    const saved = await updateActionProgress(id, action.id, { status: 'gedaan', result: 'Alles gesorteerd' }, '2026-03-10', onScreen(screen, action.id));
    // The change lands on the stored action: its completion date stays the 9th (from the
    // screen's stale open copy it would have become the 10th).
    expect(saved).toMatchObject({ status: 'gedaan', result: 'Alles gesorteerd', completedAt: '2026-03-09' });
    expect((await loadCaseFile(id))?.actions.find((a) => a.id === action.id)).toMatchObject({ result: 'Alles gesorteerd', completedAt: '2026-03-09' });
  });

  it('never writes back a household row that changed after the screen read it', async () => {
    const { id, action, screen } = await setUp();
    await updateHousehold(id, { displayName: 'Familie De Vries', wijk: 'Noord', members: screen.household.members });
    const changed = await db.households.get(id);
    await updateActionProgress(id, action.id, DONE, '2026-03-10', onScreen(screen, action.id));
    const row = await db.households.get(id);
    expect(row?.wijk).toBe('Noord');
    expect(row?.enc).toEqual(changed?.enc);
    expect((await loadCaseFile(id))?.household.wijk).toBe('Noord');
    expect((await loadCaseFile(id))?.actions[0]?.status).toBe('gedaan');
  });

  it.each([
    {
      what: 'the household was closed',
      meanwhile: (id: string) => closeHousehold(id, { outcome: 'Verhuisd naar een andere gemeente', acknowledgeOpen: true }),
      today: '2026-03-10',
      refusal: 'household.closed',
    },
    { what: 'the plan was replaced', meanwhile: (id: string) => startPlan(id, { startedAt: '2026-06-01' }), today: '2026-06-02', refusal: 'plan.archivedReadOnly' },
  ])('refuses the save when $what after the screen read it, and writes nothing', async ({ meanwhile, today, refusal }) => {
    const { id, action, screen } = await setUp();
    await meanwhile(id);
    const rowBefore = await db.households.get(id);
    const actionBefore = await db.actions.get(action.id);
    const audits = await db.audit.count();
    expect(await code(updateActionProgress(id, action.id, DONE, today, onScreen(screen, action.id)))).toBe(refusal);
    expect(await db.households.get(id)).toEqual(rowBefore);
    expect(await db.actions.get(action.id)).toEqual(actionBefore);
    expect(await db.audit.count()).toBe(audits);
  });

  it('refuses an action of another household, whatever the screen says', async () => {
    const a = await setUp();
    const b = await setUp();
    expect(await code(updateActionProgress(b.id, a.action.id, DONE, '2026-03-10', onScreen(a.screen, a.action.id)))).toBe('action not found');
  });
});
