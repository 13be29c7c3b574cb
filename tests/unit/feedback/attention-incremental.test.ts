import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshUnlockedDb } from '../../support/test-db';
import { createHousehold } from '../../../renderer/src/data/stores/households/households';
import { addAction, addGoal, startPlan, updateActionProgress } from '../../../renderer/src/data/stores/casefile/plan';
import { startEscalation } from '../../../renderer/src/data/stores/feedback/feedback';
import { loadAttention } from '../../../renderer/src/data/views/attention';
import { Session, getSession, setSession } from '../../../renderer/src/data/session';
import type { WijktafelDB } from '../../../renderer/src/data/db';

/**
 * The attention list is derived in full once, then per household after writes
 * (renderer/src/data/stores/feedback/feedback.ts). What the incremental path returns must equal a
 * full derivation of the same store, and it must not read every household to get there.
 */
const today = new Date().toISOString().slice(0, 10);
let db: WijktafelDB;

beforeEach(async () => {
  ({ db } = await freshUnlockedDb());
});

const me = { kind: 'resident' as const };

async function householdWithOverdueAction(name: string) {
  const h = await createHousehold({ displayName: name, members: [{ role: 'ouder', firstName: name.split(' ')[1] ?? 'X' }] });
  const plan = await startPlan(h.id, { startedAt: today });
  const goal = await addGoal(h.id, plan.id, { domainId: 'financien', text: 'Rust in de financiën' });
  const action = await addAction(h.id, { goalId: goal.id, text: 'Post openen', layer: 'eigen_kracht', owner: me, reportTo: me, dueDate: '2020-01-06' });
  return { h, plan, action };
}

/** The same store derived from scratch: a new session object drops every in-memory cache. */
async function fullDerivation() {
  setSession(new Session(db, getSession().dataKey));
  return loadAttention(today);
}

const summary = (items: readonly { kind: string; householdId: string }[]) => items.map((i) => `${i.kind}@${i.householdId}`).sort();

describe('attention list, derived per household after writes', () => {
  it('equals a full derivation after writes to some households, without reading all of them', async () => {
    const a = await householdWithOverdueAction('Familie Aalbers');
    const b = await householdWithOverdueAction('Familie Bosman');
    const c = await createHousehold({ displayName: 'Familie Claes', members: [{ role: 'ouder', firstName: 'Cor' }] });

    const first = await loadAttention(today);
    expect(summary(first.items)).toEqual(summary([
      { kind: 'action_overdue', householdId: a.h.id },
      { kind: 'action_overdue', householdId: b.h.id },
    ]));

    const everyHousehold = vi.spyOn(db.households, 'orderBy');
    await updateActionProgress(a.h.id, a.action.id, { status: 'gedaan', result: 'Post is open' }, today);
    await startEscalation(c.id, { reason: 'wachtlijst' }, today);
    const incremental = await loadAttention(today);
    expect(everyHousehold).not.toHaveBeenCalled();
    everyHousehold.mockRestore();

    expect(summary(incremental.items)).toEqual(summary([
      { kind: 'action_overdue', householdId: b.h.id },
      { kind: 'escalation_open', householdId: c.id },
    ]));
    const full = await fullDerivation();
    expect(incremental.items).toEqual(full.items);
    expect([...incremental.details].sort()).toEqual([...full.details].sort());
  });

  it('starts over when a changed row can no longer be traced to its household', async () => {
    const a = await householdWithOverdueAction('Familie Aalbers');
    await householdWithOverdueAction('Familie Bosman');
    await loadAttention(today);
    const everyHousehold = vi.spyOn(db.households, 'orderBy');
    await db.actions.delete(a.action.id); // gone: its household cannot be read from the row any more
    const after = await loadAttention(today);
    expect(everyHousehold).toHaveBeenCalled();
    everyHousehold.mockRestore();
    expect(after.items.some((i) => i.householdId === a.h.id)).toBe(false);
    expect(after.items).toEqual((await fullDerivation()).items);
  });

  it('a write that cannot move the list (a note, the audit log) derives nothing again', async () => {
    const a = await householdWithOverdueAction('Familie Aalbers');
    const before = await loadAttention(today);
    const anyRead = vi.spyOn(db.actions, 'where');
    await db.audit.add({ at: new Date().toISOString() });
    const after = await loadAttention(today);
    expect(anyRead).not.toHaveBeenCalled();
    anyRead.mockRestore();
    expect(after.items).toEqual(before.items);
    expect(after.items[0]?.householdId).toBe(a.h.id);
  });
});
