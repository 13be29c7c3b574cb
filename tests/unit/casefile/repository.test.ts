import { beforeEach, describe, expect, it } from 'vitest';
import { RuleViolation } from '../../../shared/domain/casefile-rules';
import { loadCaseFile } from '../../../renderer/src/data/stores/casefile/casefile';
import { addAssessment, addNote } from '../../../renderer/src/data/stores/casefile/intake';
import { addAction, addGoal, startPlan, updateActionProgress } from '../../../renderer/src/data/stores/casefile/plan';
import { changeStatus, closeHousehold, handOver } from '../../../renderer/src/data/stores/casefile/regie';
import { loadAllNarratives } from '../../../renderer/src/data/stores/casefile/search';
import { createHouseholdWithIntake } from '../../../renderer/src/data/usecases/create-intake';
import { addMembers } from '../../../renderer/src/data/stores/team/team';
import type { WijktafelDB } from '../../../renderer/src/data/db';
import { freshUnlockedDb } from '../../support/test-db';

let db: WijktafelDB;
beforeEach(async () => {
  ({ db } = await freshUnlockedDb());
  // The people at the table a regie can go to; m3 has left the team.
  await addMembers([
    { id: 'm1', name: 'Sanne', active: true },
    { id: 'm2', name: 'Joost', active: true },
    { id: 'm3', name: 'Ria', active: false },
  ]);
});

const INTAKE = { date: '2026-03-02', referrerType: 'huisarts', referrerName: 'Dr. Kaya', channel: 'telefoon', question: 'Moeder slaapt niet meer door de schulden.' } as const;

async function household() {
  const { household: h } = await createHouseholdWithIntake(
    { displayName: 'Familie El Amrani', wijk: 'Oost', members: [{ role: 'ouder', firstName: 'Samira', birthDate: '1984-02-02' }] },
    INTAKE,
  );
  return h.id;
}

async function rejects(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof RuleViolation ? e.code : (e as Error).name;
  }
  return 'resolved';
}

describe('case-file repository', () => {
  it('saves household and intake together, or neither', async () => {
    const id = await household();
    const cf = await loadCaseFile(id);
    expect(cf?.intakes.map((i) => i.question)).toEqual([INTAKE.question]);
    const before = await db.households.count();
    await expect(createHouseholdWithIntake({ displayName: 'Familie Half', members: [] }, { ...INTAKE, question: ' ' })).rejects.toThrow();
    expect(await db.households.count()).toBe(before);
    expect(await db.householdKeys.count()).toBe(before);
    expect(await db.intakes.count()).toBe(1);
  });

  it('keeps at most one active plan: a new plan archives the old one in the same transaction', async () => {
    const id = await household();
    const p1 = await startPlan(id, { startedAt: '2026-03-03' });
    const p2 = await startPlan(id, { startedAt: '2026-06-01' });
    const rows = await db.plans.where('householdId').equals(id).toArray();
    expect(rows.filter((r) => r.status === 'actief').map((r) => r.id)).toEqual([p2.id]);
    const cf = await loadCaseFile(id);
    expect(cf?.plans.find((p) => p.id === p1.id)).toMatchObject({ status: 'vervangen', replacedAt: '2026-06-01' });
  });

  it('refuses a plan write when a second active plan appeared meanwhile (the check runs inside the transaction)', async () => {
    const id = await household();
    await startPlan(id, { startedAt: '2026-03-03' });
    // Simulate a racing writer: another "active" row appears after the repository read the plans.
    const original = db.plans.where.bind(db.plans);
    let calls = 0;
    db.plans.where = ((idx: string) => {
      calls++;
      if (calls === 2) void db.plans.put({ id: 'intruder', householdId: id, status: 'actief', enc: new Uint8Array(1) });
      return original(idx);
    }) as typeof db.plans.where;
    expect(await rejects(startPlan(id, { startedAt: '2026-04-01' }))).toBe('plan.changedMeanwhile');
    db.plans.where = original;
  });

  it('puts every action under a goal of the active plan, and asks a reason for a higher layer', async () => {
    const id = await household();
    const plan = await startPlan(id, { startedAt: '2026-03-03' });
    const goal = await addGoal(id, plan.id, { domainId: 'financien', text: 'Ik wil overzicht over mijn post.' });
    const owner = { kind: 'resident' } as const;
    const reportTo = { kind: 'resident' } as const;
    const ek = await addAction(id, { goalId: goal.id, text: 'Post sorteren met dochter', layer: 'eigen_kracht', owner, reportTo, dueDate: '2026-03-20' });
    expect(ek.planId).toBe(plan.id);
    expect(await rejects(addAction(id, { goalId: goal.id, text: 'Buurman helpt', layer: 'netwerk', owner, reportTo, dueDate: '2026-03-20' }))).toBe('action.layerReason');
    await addAction(id, { goalId: goal.id, text: 'Buurman helpt', layer: 'netwerk', layerReason: 'Dochter werkt overdag', owner, reportTo, dueDate: '2026-03-20' });
    expect(await rejects(addAction(id, { goalId: 'no-such-goal', text: 'x', layer: 'eigen_kracht', owner, reportTo, dueDate: '2026-03-20' }))).toBe('action.noGoal');
    // After a new plan the old goal is read-only.
    await startPlan(id, { startedAt: '2026-06-01' });
    expect(await rejects(addAction(id, { goalId: goal.id, text: 'Laat', layer: 'eigen_kracht', owner, reportTo, dueDate: '2026-06-20' }))).toBe('plan.archivedReadOnly');
    expect(await rejects(addGoal(id, plan.id, { domainId: 'werk', text: 'x' }))).toBe('plan.archivedReadOnly');
    expect(await rejects(updateActionProgress(id, ek.id, { status: 'gedaan', result: 'klaar' }, '2026-06-02'))).toBe('plan.archivedReadOnly');
    expect(await db.actions.count()).toBe(2);
  });

  it('has one regisseur: handovers change it with a record, status follows', async () => {
    const id = await household();
    expect(await rejects(changeStatus(id, 'actief'))).toBe('status.notAllowed');
    await handOver(id, undefined, { toId: 'm1', date: '2026-03-03', reason: 'Opgepakt in overleg', note: 'Moeder wil eerst bellen.' });
    let cf = await loadCaseFile(id);
    expect(cf?.household).toMatchObject({ regisseurId: 'm1', status: 'actief' });
    expect(await rejects(handOver(id, undefined, { toId: 'm2', date: '2026-03-04', reason: 'r', note: 'n' }))).toBe('regisseur.changedMeanwhile');
    await handOver(id, 'm1', { toId: 'm2', date: '2026-04-01', reason: 'Verlof', note: 'Beloofd: belt vrijdag.' });
    cf = await loadCaseFile(id);
    expect(cf?.household.regisseurId).toBe('m2');
    expect(cf?.handovers.map((h) => [h.fromId, h.toId])).toEqual([[undefined, 'm1'], ['m1', 'm2']]);
    await changeStatus(id, 'in_evaluatie');
    cf = await loadCaseFile(id);
    expect(cf?.household.status).toBe('in_evaluatie');
    const handovers = await db.handovers.count();
    // Only to an existing, active team member, and not to the current regisseur.
    expect(await rejects(handOver(id, 'm2', { toId: 'nobody', date: '2026-04-02', reason: 'r', note: 'n' }))).toBe('regisseur.notMember');
    expect(await rejects(handOver(id, 'm2', { toId: 'm3', date: '2026-04-02', reason: 'r', note: 'n' }))).toBe('regisseur.notMember');
    expect(await rejects(handOver(id, 'm2', { toId: 'm2', date: '2026-04-02', reason: 'r', note: 'n' }))).toBe('regisseur.unchanged');
    expect(await db.handovers.count()).toBe(handovers);
    expect((await loadCaseFile(id))?.household.regisseurId).toBe('m2');
    // Same-millisecond events may come back in either order; both must be there.
    expect(cf?.events.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['aangemeld>actief', 'actief>in_evaluatie']);
  });

  it('closes only with an outcome and acknowledged open actions, which are then dropped; closed is read-only', async () => {
    const id = await household();
    await handOver(id, undefined, { toId: 'm1', date: '2026-03-03', reason: 'r', note: 'n' });
    const plan = await startPlan(id, { startedAt: '2026-03-03' });
    const goal = await addGoal(id, plan.id, { domainId: 'financien', text: 'Rust' });
    await addAction(id, { goalId: goal.id, text: 'Bellen', layer: 'eigen_kracht', owner: { kind: 'resident' }, reportTo: { kind: 'team_member', refId: 'm1' }, dueDate: '2026-03-20' });
    await expect(closeHousehold(id, { outcome: '' })).rejects.toThrow();
    expect(await rejects(closeHousehold(id, { outcome: 'Rust in huis' }))).toBe('close.openItems');
    await db.feedbackDuties.put({ id: 'f1', householdId: id, status: 'open', dueDate: '2026-03-10', enc: new Uint8Array(1) });
    await closeHousehold(id, { outcome: 'Rust in huis', acknowledgeOpen: true });
    const cf = await loadCaseFile(id);
    expect(cf?.household).toMatchObject({ status: 'afgesloten', outcome: 'Rust in huis' });
    expect(cf?.actions.map((a) => a.status)).toEqual(['vervallen']);
    expect(await rejects(addNote(id, { text: 'Na afsluiten', internal: false }))).toBe('household.closed');
    expect(await rejects(addAssessment(id, { domainId: 'financien', score: '4', date: '2026-05-01', narrative: 'x' }))).toBe('household.closed');
  });

  it('stores narratives sealed and yields them for the in-memory search index', async () => {
    const id = await household();
    await addNote(id, { text: 'Interne zorg over de oudste zoon', internal: true });
    const row = await db.notes.where('householdId').equals(id).first();
    expect(Object.keys(row ?? {}).sort()).toEqual(['createdAt', 'enc', 'householdId', 'id']);
    const texts: string[] = [];
    let last = 0;
    await loadAllNarratives((b, fraction) => {
      last = fraction;
      for (const r of b.records) texts.push(JSON.stringify(r));
    }, { batchSize: 1 });
    expect(last).toBe(1);
    expect(texts.join()).toContain('oudste zoon');
    expect(texts.join()).toContain('slaapt niet meer');
  });
});
