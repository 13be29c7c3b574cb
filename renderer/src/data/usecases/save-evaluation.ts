import { AssessmentSchema, GoalSchema, PlanSchema } from '@shared/domain/casefile';
import { EvaluationDraftSchema, EvaluationSchema, type Evaluation, type EvaluationDraft } from '@shared/domain/feedback';
import { goalStatusAfterEvaluation } from '@shared/domain/feedback-rules';
import { getSession } from '../session';
import { sealAudit, writeAudit } from '../stores/audit/audit';
import { addAssessmentRows } from '../stores/casefile/intake';
import { goalRowsOfPlan, planRowsOf, putPlanAndGoalRows } from '../stores/casefile/plan';
import { addEvaluationRow } from '../stores/feedback/feedback';
import { putHouseholdRow, sealHouseholdActivity } from '../stores/households/touch';
import { newId, nowIso, openChunked, seal } from '../stores/kit';

/**
 * Use case: record an evaluation (feedback × case file × households × audit): the evaluation,
 * one assessment per re-scored domain, the plan's next evaluation date, the work status of goals
 * it finished (or opened again) and the household's activity — sealed first, written in ONE
 * transaction through the owning stores' writers, so an evaluation is never half there.
 * Rows of plans and goals that do not open are skipped (lenient), as the feedback store reads them.
 */
export async function saveEvaluation(householdId: string, input: EvaluationDraft, authorId?: string): Promise<Evaluation> {
  const draft = EvaluationDraftSchema.parse(input);
  const db = getSession().db;
  const plans = await openChunked('plans', await planRowsOf(db, householdId), PlanSchema, true);
  const plan = plans.find((p) => p.status === 'actief');
  if (!plan) throw new Error('no active plan');
  const goals = await openChunked('goals', await goalRowsOfPlan(db, plan.id), GoalSchema, true);
  const now = nowIso();
  const evaluation = EvaluationSchema.parse({ ...draft, id: newId(), householdId, planId: plan.id, createdAt: now, ...(authorId ? { authorId } : {}) });
  const assessments = draft.scores.map((s) =>
    AssessmentSchema.parse({ id: newId(), householdId, date: draft.date, domainId: s.domainId, score: s.score, narrative: s.narrative, evaluationId: evaluation.id, createdAt: now }),
  );
  // The goal keeps its work status; the result itself lives in the evaluation (see goalStatusAfterEvaluation).
  const outcome = new Map(draft.goals.map((g) => [g.goalId, goalStatusAfterEvaluation(g)]));
  const changedGoals = goals.filter((g) => outcome.has(g.id) && outcome.get(g.id) !== g.status).map((g) => GoalSchema.parse({ ...g, status: outcome.get(g.id) }));
  const [evalRow, assessmentRows, planRow, goalRowsOut, hhRow, audit] = await Promise.all([
    seal('evaluations', evaluation),
    Promise.all(assessments.map((a) => seal('assessments', a))),
    seal('plans', PlanSchema.parse({ ...plan, nextEvaluationDate: draft.nextEvaluationDate })),
    Promise.all(changedGoals.map((g) => seal('goals', g))),
    sealHouseholdActivity(householdId),
    sealAudit({ action: 'plan.change', entity: 'evaluation', entityId: evaluation.id, details: { change: 'evaluation' } }),
  ]);
  await db.transaction('rw', [db.evaluations, db.assessments, db.plans, db.goals, db.households, db.audit], async () => {
    await addEvaluationRow(db, evalRow);
    if (assessmentRows.length) await addAssessmentRows(db, assessmentRows);
    await putPlanAndGoalRows(db, planRow, goalRowsOut);
    if (hhRow) await putHouseholdRow(db, hhRow);
    await writeAudit(db, audit);
  });
  return evaluation;
}
