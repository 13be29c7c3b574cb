import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnlockedDb } from '../../support/test-db';
import { createHousehold } from '../../../renderer/src/data/stores/households/households';
import { seal } from '../../../renderer/src/data/stores/kit';
import {
  createKnelpunt,
  createPartnerReportDuty,
  escalateNextStep,
  letterInputFor,
  linkKnelpunt,
  listDuties,
  listFollowUp,
  listKnelpunten,
  recordActionResult,
  loadEvaluationContext,
  markDutyDone,
  resolveEscalation,
  startEscalation,
  syncFeedbackDuties,
} from '../../../renderer/src/data/stores/feedback/feedback';
import { loadAttention } from '../../../renderer/src/data/views/attention';
import { saveEvaluation } from '../../../renderer/src/data/usecases/save-evaluation';
import type { WijktafelDB } from '../../../renderer/src/data/db';
import { listMeetings, loadCaseSummary, nominate } from '../../../renderer/src/data/stores/meetings/meetings';
import { loadMeetingExportInput } from '../../../renderer/src/data/views/exports';
import { isGoalInWork } from '@shared/domain/feedback-rules';
import { buildTimeline } from '@shared/domain/casefile-rules';
import { loadCaseFile } from '../../../renderer/src/data/stores/casefile/casefile';
import type { GoalResult, NextStep } from '@shared/domain/feedback';
import { projectMeetingPack } from '@shared/export/profiles';
import { plainText } from '@shared/export/document';

const NOW = '2026-03-02T09:00:00.000Z';
let db: WijktafelDB;

beforeEach(async () => {
  ({ db } = await freshUnlockedDb());
});

async function seedCase(decided = true) {
  const decision = decided ? 'oppakken' : undefined;
  const h = await createHousehold({ displayName: 'Familie Test', members: [{ role: 'ouder', firstName: 'Kanarie' }, { role: 'kind', firstName: 'Zwaluw' }] });
  const intake = { id: 'i-' + h.id.slice(0, 8), householdId: h.id, date: '2026-03-02', referrerType: 'huisarts', referrerName: 'Dokter Visser', channel: 'telefoon', question: 'Vraag', decision, decidedAt: decision ? '2026-03-06' : undefined, createdAt: NOW };
  const plan = { id: 'p-' + h.id.slice(0, 8), householdId: h.id, status: 'actief', startedAt: '2026-03-09', createdAt: NOW };
  const goal = { id: 'g-' + h.id.slice(0, 8), householdId: h.id, planId: plan.id, domainId: 'financien', text: 'Rust in de schulden', status: 'open', createdAt: NOW };
  await db.intakes.add(await seal('intakes', intake));
  await db.plans.add(await seal('plans', plan));
  await db.goals.add(await seal('goals', goal));
  return { h, intake, plan, goal };
}

describe('feedback duties in the database', () => {
  it('derives duties once, however often the sync runs', async () => {
    const { h } = await seedCase();
    expect(await syncFeedbackDuties()).toBe(2); // intake decision + plan made
    expect(await syncFeedbackDuties()).toBe(0);
    expect(await syncFeedbackDuties(h.id)).toBe(0);
    const duties = await listDuties(h.id);
    expect(duties.map((d) => d.kind).sort()).toEqual(['intake_decision', 'plan_made']);
    expect(duties.find((d) => d.kind === 'intake_decision')?.dueDate).toBe('2026-03-20');
    // Stored rows hold nothing but the plain index fields and the sealed payload.
    const row = await db.feedbackDuties.get(duties[0]?.id ?? '');
    expect(Object.keys(row ?? {}).sort()).toEqual(['dueDate', 'enc', 'householdId', 'id', 'status']);
  });

  it('a done duty is never re-created or reopened by a later sync', async () => {
    const { h, intake } = await seedCase();
    await syncFeedbackDuties();
    await markDutyDone(`fd:intake:${intake.id}`, { doneAt: '2026-03-10', doneHow: 'telefoon' });
    await syncFeedbackDuties();
    const d = (await listDuties(h.id)).find((x) => x.kind === 'intake_decision');
    expect(d).toMatchObject({ status: 'gedaan', doneHow: 'telefoon', doneAt: '2026-03-10' });
  });

  it('an undecided intake owes nothing yet', async () => {
    await seedCase(false);
    expect(await syncFeedbackDuties()).toBe(1); // only the plan
  });

  it('the letter input carries member and household names only for the scanner, and the attention list turns overdue with time', async () => {
    const { h, intake } = await seedCase();
    await syncFeedbackDuties();
    const input = await letterInputFor(`fd:intake:${intake.id}`);
    expect(input).toMatchObject({ kind: 'intake_decision', householdId: h.id, referrerName: 'Dokter Visser', decision: 'oppakken', memberNames: ['Kanarie', 'Zwaluw', 'Test'] });
    expect((await loadAttention('2026-03-20')).items.filter((i) => i.kind === 'feedback_overdue')).toHaveLength(0);
    const later = await loadAttention('2026-03-21');
    expect(later.items.filter((i) => i.kind === 'feedback_overdue').map((i) => i.householdId)).toEqual([h.id]);
  });

  it('a partner report duty is idempotent', async () => {
    const { h } = await seedCase();
    const a = await createPartnerReportDuty({ householdId: h.id, meetingId: 'm1', meetingDate: '2026-03-10', contactId: 'c1' });
    await createPartnerReportDuty({ householdId: h.id, meetingId: 'm1', meetingDate: '2026-03-10', contactId: 'c1' });
    expect((await listDuties(h.id)).filter((d) => d.id === a.id)).toHaveLength(1);
  });
});

describe('evaluation, escalation, knelpunten', () => {
  it('an evaluation writes scores and the next date together, and a goal still worked on stays open', async () => {
    const { h, goal } = await seedCase();
    await saveEvaluation(h.id, {
      date: '2026-06-09',
      goals: [{ goalId: goal.id, result: 'deels', next: 'meer' }],
      narrative: 'Het gaat beter.',
      scores: [{ domainId: 'financien', score: 3, narrative: 'Regeling loopt.' }],
      nextEvaluationDate: '2026-09-09',
    });
    const ctx = await loadEvaluationContext(h.id);
    expect(ctx.plan?.nextEvaluationDate).toBe('2026-09-09');
    // "Deels bereikt, meer": the work status stays open; the result is in the evaluation.
    expect(ctx.goals[0]?.status).toBe('open');
    expect(ctx.evaluations[0]?.goals).toEqual([{ goalId: goal.id, result: 'deels', next: 'meer' }]);
    expect(ctx.lastScores.get('financien')?.score).toBe(3);
    expect(ctx.lastScores.get('financien')?.evaluationId).toBe(ctx.evaluations[0]?.id);
    // The evaluation is on the household's timeline.
    const cf = await loadCaseFile(h.id);
    expect(cf && buildTimeline(cf).filter((e) => e.kind === 'evaluation').map((e) => e.date)).toEqual(['2026-06-09']);
    // So meeting mode and the meeting pack still show it.
    const summary = await loadCaseSummary(h.id);
    expect(summary?.goals.filter(isGoalInWork).map((g) => g.id)).toEqual([goal.id]);
    await nominate({ householdId: h.id, question: 'Hoe verder?', timeBoxMinutes: 15 }, undefined, '2026-06-09');
    const [meeting] = await listMeetings();
    const pack = projectMeetingPack(await loadMeetingExportInput(meeting?.id ?? '', '2026-06-09'), { kind: 'binnenring' });
    expect(plainText(pack.document)).toContain('Rust in de schulden');
  });

  it('"goed genoeg" finishes a goal with its result; a later "meer" opens it again', async () => {
    const { h, goal } = await seedCase();
    const evaluate = (date: string, next: NextStep, result: GoalResult, nextDate: string) =>
      saveEvaluation(h.id, { date, goals: [{ goalId: goal.id, result, next }], narrative: 'Evaluatie.', scores: [], nextEvaluationDate: nextDate });
    await evaluate('2026-06-09', 'goed_genoeg', 'deels', '2026-09-09');
    expect((await loadEvaluationContext(h.id)).goals[0]?.status).toBe('deels');
    const summary = await loadCaseSummary(h.id);
    expect(summary?.goals.filter(isGoalInWork)).toEqual([]);
    await evaluate('2026-09-09', 'meer', 'bereikt', '2026-12-09');
    expect((await loadEvaluationContext(h.id)).goals[0]?.status).toBe('open');
  });

  it('an escalation runs its route and is resolved', async () => {
    const { h } = await seedCase();
    let e = await startEscalation(h.id, { reason: 'wachtlijst' }, '2026-03-10');
    expect(e.log.map((s) => s.step)).toEqual([0]);
    e = await escalateNextStep(e.id, '2026-03-17');
    e = await escalateNextStep(e.id, '2026-03-24');
    expect(e.log.map((s) => s.startedAt)).toEqual(['2026-03-10', '2026-03-17', '2026-03-24']);
    await expect(escalateNextStep(e.id, '2026-03-25')).rejects.toThrow();
    e = await resolveEscalation(e.id, 'Plek gevonden', '2026-03-30');
    expect(e).toMatchObject({ status: 'opgelost', resolvedAt: '2026-03-30' });
  });

  it('a knelpunt links households and is stored without plain content', async () => {
    const { h } = await seedCase();
    const { h: h2 } = await seedCase();
    const k = await createKnelpunt({ category: 'wachtlijst', title: 'Wachtlijst GGZ' }, h.id);
    await linkKnelpunt(k.id, h2.id, true);
    const [stored] = await listKnelpunten();
    expect(stored?.householdIds.sort()).toEqual([h.id, h2.id].sort());
    const row = await db.knelpunten.get(k.id);
    expect(Object.keys(row ?? {}).sort()).toEqual(['enc', 'id']);
  });
});

describe('follow-up of actions', () => {
  async function seedActions() {
    const one = await seedCase();
    const two = await seedCase();
    const action = (id: string, c: typeof one, over: Record<string, unknown>) => ({
      id, householdId: c.h.id, planId: c.plan.id, goalId: c.goal.id, text: `Actie ${id}`, layer: 'eigen_kracht',
      owner: { kind: 'team_member', refId: 'tm-1' }, ownerId: 'tm-1', dueDate: '2026-03-10',
      reportTo: { kind: 'contact', refId: 'c-huisarts', name: 'Dokter Visser' }, status: 'open', createdAt: NOW, ...over,
    });
    const rows = [
      action('a1', one, {}),
      action('a2', one, { owner: { kind: 'team_member', refId: 'tm-2' }, ownerId: 'tm-2', dueDate: '2026-03-12' }),
      action('a3', two, { dueDate: '2026-03-11' }),
      action('a4', one, { dueDate: '2026-04-30' }), // after the window
      action('a5', one, { status: 'gedaan', result: 'Al gedaan', completedAt: '2026-03-05' }),
      // Owner and "terugkoppelen aan" are the same person: nothing to report back.
      action('a6', two, { dueDate: '2026-03-13', reportTo: { kind: 'team_member', refId: 'tm-1' } }),
    ];
    for (const r of rows) await db.actions.add(await seal('actions', r));
    return { one, two };
  }
  const until = '2026-03-20';

  it('lists open actions due in the window for the team, per owner and per household, earliest first', async () => {
    const { one, two } = await seedActions();
    expect((await listFollowUp({ until })).map((a) => a.id)).toEqual(['a1', 'a3', 'a2', 'a6']);
    expect((await listFollowUp({ ownerId: 'tm-1', until })).map((a) => a.id)).toEqual(['a1', 'a3', 'a6']);
    expect((await listFollowUp({ ownerId: 'tm-2', until })).map((a) => a.id)).toEqual(['a2']);
    expect((await listFollowUp({ householdId: one.h.id, until })).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect((await listFollowUp({ householdId: two.h.id, ownerId: 'tm-1', until })).map((a) => [a.id, a.householdName])).toEqual([
      ['a3', 'Familie Test'],
      ['a6', 'Familie Test'],
    ]);
  });

  it('recording a result closes the action and creates the duty to its "terugkoppelen aan"', async () => {
    const { one, two } = await seedActions();
    await syncFeedbackDuties();
    const before = (await listDuties(one.h.id)).filter((d) => d.kind === 'action_result');
    expect(before.map((d) => d.sourceId)).toEqual(['a5']);
    const done = await recordActionResult(one.h.id, 'a1', { result: 'Aanmelding gedaan', completedAt: '2026-03-11' });
    expect(done).toMatchObject({ status: 'gedaan', result: 'Aanmelding gedaan', completedAt: '2026-03-11' });
    const duty = (await listDuties(one.h.id)).find((d) => d.sourceId === 'a1');
    expect(duty).toMatchObject({
      kind: 'action_result',
      status: 'open',
      factDate: '2026-03-11',
      dueDate: '2026-03-25',
      ownerId: 'tm-1',
      recipient: { kind: 'party', party: { kind: 'contact', refId: 'c-huisarts', name: 'Dokter Visser' } },
    });
    expect((await listFollowUp({ ownerId: 'tm-1', until })).map((a) => a.id)).toEqual(['a3', 'a6']);
    // Reported to the owner themself: closed without a duty.
    await recordActionResult(two.h.id, 'a6', { result: 'Klaar', completedAt: '2026-03-11' });
    expect((await listDuties(two.h.id)).filter((d) => d.kind === 'action_result')).toEqual([]);
  });
});
