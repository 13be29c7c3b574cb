import { useCallback, useState, type FormEvent } from 'react';
import { localDay } from '@shared/dates';
import {
  ACTION_LAYERS,
  ACTION_STATUSES,
  ActionDraftSchema,
  ActionProgressSchema,
  GoalDraftSchema,
  NewPlanDraftSchema,
  type Action,
  type ActionLayer,
  type Goal,
  type Plan,
} from '@shared/domain/casefile';
import { activePlanOf, layerBaseline, layerNeedsReason, type CaseFile } from '@shared/domain/casefile-rules';
import { useI18n } from '../../../i18n';
import { fieldErrors, type FieldErrors } from '../../../ui/errors';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { useDates } from '../../../i18n/format';
import { useAddAction, useAddGoal, useStartPlan, useUpdateAction } from '../mutations';
import { useLifeDomains } from '../queries';
import { Card, SaveError, usePartyLabel, usePeople } from './bits';
import { PartyPicker, emptyParty, partyDraft, type PartyValues } from '../../../ui/PartyPicker';
import { useZodForm } from '../../../ui/useZodForm';
import { FormActions } from '../../../ui/FormActions';

/** One household, one plan: the active plan editable, earlier plans read-only below it. */
export function PlanTab({ cf }: Readonly<{ cf: CaseFile }>) {
  const { t } = useI18n();
  const dates = useDates();
  const active = activePlanOf(cf.plans);
  const archived = cf.plans.filter((p) => p.status !== 'actief').reverse();
  const closed = cf.household.status === 'afgesloten';
  const [replacing, setReplacing] = useState(false);

  return (
    <div className="cf-stack" data-ready="plan">
      {active ? (
        <Card
          id="plan-title"
          title={t('casefile.planTitle')}
          actions={
            closed || replacing ? null : (
              <button type="button" className="button button--secondary" onClick={() => setReplacing(true)}>
                {t('casefile.newPlan')}
              </button>
            )
          }
        >
          <p className="muted">
            {t('casefile.planStarted', { date: dates.date(active.startedAt) })}
            {active.nextEvaluationDate ? ` · ${t('casefile.planNextEvaluation', { date: dates.date(active.nextEvaluationDate) })}` : ''}
          </p>
          {replacing ? <StartPlanForm householdId={cf.household.id} replacing onDone={() => setReplacing(false)} /> : null}
          <LayerLegend />
          <PlanGoals cf={cf} plan={active} readOnly={closed} />
          {closed ? null : <AddGoalForm householdId={cf.household.id} planId={active.id} />}
        </Card>
      ) : (
        <Card id="plan-title" title={t('casefile.planTitle')}>
          <p className="empty">{t('casefile.noPlan')}</p>
          {closed ? null : <StartPlanForm householdId={cf.household.id} replacing={false} />}
        </Card>
      )}
      {archived.length > 0 ? (
        <section aria-labelledby="archived-title">
          <h2 id="archived-title">{t('casefile.archivedPlans')}</h2>
          {archived.map((p) => (
            <details key={p.id} className="cf-card cf-archived">
              <summary>{t('casefile.archivedPlan', { from: dates.date(p.startedAt), to: p.replacedAt ? dates.date(p.replacedAt) : '—' })}</summary>
              <PlanGoals cf={cf} plan={p} readOnly />
            </details>
          ))}
        </section>
      ) : null}
    </div>
  );
}

function LayerLegend() {
  const { t, tx } = useI18n();
  return (
    <p className="cf-layer-legend">
      <span className="muted">{t('casefile.layerOrder')}</span>{' '}
      {ACTION_LAYERS.map((l, i) => (
        <span key={l}>
          {i > 0 ? <span aria-hidden="true"> → </span> : null}
          <span className={`badge cf-layer cf-layer--${l}`}>{tx(`casefile.layer.${l}`)}</span>
        </span>
      ))}
    </p>
  );
}

function StartPlanForm({ householdId, replacing, onDone }: Readonly<{ householdId: string; replacing: boolean; onDone?: () => void }>) {
  const { t } = useI18n();
  const init = useCallback(() => ({ startedAt: localDay(), nextEvaluationDate: '' }), []);
  const f = useZodForm(NewPlanDraftSchema, init);
  const start = useStartPlan(householdId);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = f.validate();
    if (!draft) return;
    await start.mutateAsync(draft);
    onDone?.();
  }
  return (
    <form className="cf-subform" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate aria-label={replacing ? t('casefile.newPlan') : t('casefile.startPlan')}>
      {replacing ? <p className="notice">{t('casefile.newPlanHint')}</p> : null}
      <div className="grid-2">
        <TextField label={t('casefile.planStartDate')} type="date" value={f.values.startedAt} onChange={(e) => f.set({ startedAt: e.target.value })} error={f.errors.startedAt} required />
        <TextField
          label={t('casefile.planEvaluationDate')}
          type="date"
          value={f.values.nextEvaluationDate}
          onChange={(e) => f.set({ nextEvaluationDate: e.target.value })}
          error={f.errors.nextEvaluationDate}
        />
      </div>
      <SaveError error={start.error} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={start.isPending}>
          {replacing ? t('casefile.newPlanConfirm') : t('casefile.startPlan')}
        </button>
        {onDone ? (
          <button type="button" className="button button--secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function PlanGoals({ cf, plan, readOnly }: Readonly<{ cf: CaseFile; plan: Plan; readOnly: boolean }>) {
  const { t } = useI18n();
  const goals = cf.goals.filter((g) => g.planId === plan.id);
  if (goals.length === 0) return <p className="muted">{t('casefile.noGoals')}</p>;
  return (
    <ol className="cf-goals">
      {goals.map((g, i) => (
        <li key={g.id}>
          <GoalCard goal={g} index={i + 1} actions={cf.actions.filter((a) => a.goalId === g.id)} readOnly={readOnly} />
        </li>
      ))}
    </ol>
  );
}

function GoalCard({ goal, index, actions, readOnly }: Readonly<{ goal: Goal; index: number; actions: readonly Action[]; readOnly: boolean }>) {
  const { t } = useI18n();
  const { domains } = useLifeDomains();
  const [adding, setAdding] = useState(false);
  const domain = domains.find((d) => d.id === goal.domainId)?.label ?? goal.domainId;
  const headingId = `goal-${goal.id}`;
  return (
    <section className="cf-goal" aria-labelledby={headingId} data-testid="goal">
      <div className="cf-goal__head">
        <span className="badge badge--domain">{domain}</span>
        <h3 id={headingId}>
          <span className="visually-hidden">{t('casefile.goalNumber', { index })} </span>
          <q>{goal.text}</q>
        </h3>
      </div>
      {actions.length === 0 ? (
        <p className="muted cf-small">{t('casefile.noActions')}</p>
      ) : (
        <ul className="cf-actions" aria-label={t('casefile.actionsOf', { index })}>
          {actions.map((a) => (
            <ActionRow key={a.id} action={a} readOnly={readOnly} />
          ))}
        </ul>
      )}
      {readOnly ? null : adding ? (
        <ActionForm goal={goal} siblings={actions} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button button--secondary cf-button--small" onClick={() => setAdding(true)}>
          {t('casefile.addActionTo', { index })}
        </button>
      )}
    </section>
  );
}

function ActionRow({ action, readOnly }: Readonly<{ action: Action; readOnly: boolean }>) {
  const { t, tx } = useI18n();
  const dates = useDates();
  const party = usePartyLabel();
  const [editing, setEditing] = useState(false);
  const overdue = action.status === 'open' && action.dueDate < localDay();
  return (
    <li className={`cf-action cf-action--${action.status}`} data-testid="action">
      <div className="cf-action__main">
        <span className={`badge cf-layer cf-layer--${action.layer}`}>{tx(`casefile.layer.${action.layer}`)}</span>
        <strong className="cf-action__text">{action.text}</strong>
        <span className={`badge badge--action-${action.status}`}>{tx(`casefile.actionStatus.${action.status}`)}</span>
        {overdue ? <span className="badge badge--overdue">{t('casefile.overdue')}</span> : null}
      </div>
      <dl className="cf-action__facts">
        <div>
          <dt>{t('casefile.owner')}</dt>
          <dd>{party(action.owner)}</dd>
        </div>
        <div>
          <dt>{t('casefile.dueDate')}</dt>
          <dd>{dates.date(action.dueDate)}</dd>
        </div>
        <div>
          <dt>{t('casefile.reportTo')}</dt>
          <dd>{party(action.reportTo)}</dd>
        </div>
      </dl>
      {action.layerReason ? <p className="cf-small muted">{t('casefile.layerReasonShown', { reason: action.layerReason })}</p> : null}
      {action.result ? <p className="cf-small">{t('casefile.resultShown', { result: action.result })}</p> : null}
      {readOnly ? null : editing ? (
        <ProgressForm action={action} onDone={() => setEditing(false)} />
      ) : (
        <button type="button" className="button button--link" onClick={() => setEditing(true)} aria-label={t('casefile.updateActionNamed', { text: action.text })}>
          {t('casefile.updateAction')}
        </button>
      )}
    </li>
  );
}

function ProgressForm({ action, onDone }: Readonly<{ action: Action; onDone: () => void }>) {
  const { t, tx } = useI18n();
  const init = useCallback(
    (): { status: string; result: string; completedAt: string } => ({ status: action.status === 'open' ? 'gedaan' : action.status, result: action.result ?? '', completedAt: action.completedAt ?? localDay() }),
    [action],
  );
  const f = useZodForm(ActionProgressSchema, init);
  const update = useUpdateAction(action.householdId);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = f.validate();
    if (!draft) return;
    await update.mutateAsync({ actionId: action.id, draft, today: localDay(), seen: action });
    onDone();
  }
  return (
    <form className="cf-subform" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate aria-label={t('casefile.updateActionNamed', { text: action.text })}>
      <div className="grid-2">
        <SelectField
          label={t('casefile.actionStatus')}
          value={f.values.status}
          onChange={(e) => f.set({ status: e.target.value })}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: tx(`casefile.actionStatus.${s}`) }))}
          error={f.errors.status}
        />
        <TextField label={t('casefile.completedAt')} type="date" value={f.values.completedAt} onChange={(e) => f.set({ completedAt: e.target.value })} error={f.errors.completedAt} />
      </div>
      <TextArea label={t('casefile.result')} hint={t('casefile.resultHint')} rows={2} value={f.values.result} onChange={(e) => f.set({ result: e.target.value })} error={f.errors.result} required={f.values.status === 'gedaan'} />
      <SaveError error={update.error} />
      <FormActions submitLabel={t('common.save')} pending={update.isPending} onCancel={onDone} />
    </form>
  );
}

type ActionValues = { text: string; layer: ActionLayer; layerReason: string; dueDate: string; owner: PartyValues; reportTo: PartyValues };

function ActionForm({ goal, siblings, onDone }: Readonly<{ goal: Goal; siblings: readonly Action[]; onDone: () => void }>) {
  const { t, tx } = useI18n();
  const [v, setV] = useState<ActionValues>(() => ({
    text: '',
    layer: layerBaseline(siblings),
    layerReason: '',
    dueDate: '',
    owner: emptyParty(),
    reportTo: emptyParty('team_member'),
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useAddAction(goal.householdId);
  const people = usePeople();
  const needsReason = layerNeedsReason(v.layer, siblings);
  const baseline = layerBaseline(siblings);
  const set = (patch: Partial<ActionValues>) => setV((x) => ({ ...x, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = ActionDraftSchema.safeParse({ ...v, goalId: goal.id, owner: partyDraft(v.owner), reportTo: partyDraft(v.reportTo) });
    const errs: Record<string, string> = parsed.success ? {} : { ...fieldErrors(parsed.error) };
    // The layer rule (casefile-rules.ts) is checked here too, so the message stands next to the field.
    if (needsReason && !v.layerReason.trim()) errs.layerReason = 'validation.reasonRequired';
    setErrors(errs);
    if (!parsed.success || Object.keys(errs).length > 0) return;
    await add.mutateAsync(parsed.data);
    onDone();
  }

  return (
    <form className="cf-subform" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate aria-label={t('casefile.addAction')} data-ready="action-form">
      <TextField label={t('casefile.actionText')} value={v.text} onChange={(e) => set({ text: e.target.value })} error={errors.text} required autoComplete="off" />
      <div className="grid-2">
        <SelectField
          label={t('casefile.layer')}
          hint={t('casefile.layerHint')}
          value={v.layer}
          onChange={(e) => set({ layer: e.target.value as ActionLayer })}
          options={ACTION_LAYERS.map((l) => ({ value: l, label: tx(`casefile.layer.${l}`) }))}
          error={errors.layer}
        />
        {needsReason ? (
          <TextField
            label={t('casefile.layerReason')}
            hint={t('casefile.layerReasonHint', { baseline: tx(`casefile.layer.${baseline}`) })}
            value={v.layerReason}
            onChange={(e) => set({ layerReason: e.target.value })}
            error={errors.layerReason}
            required
            autoComplete="off"
          />
        ) : null}
      </div>
      <div className="grid-2">
        <PartyPicker legend={t('casefile.owner')} value={v.owner} onChange={(owner) => set({ owner })} errors={errors} path="owner" people={people} />
        <PartyPicker legend={t('casefile.reportTo')} value={v.reportTo} onChange={(reportTo) => set({ reportTo })} errors={errors} path="reportTo" people={people} />
      </div>
      <TextField label={t('casefile.dueDate')} type="date" value={v.dueDate} onChange={(e) => set({ dueDate: e.target.value })} error={errors.dueDate} required />
      <SaveError error={add.error} />
      <FormActions submitLabel={t('casefile.saveAction')} pending={add.isPending} onCancel={onDone} />
    </form>
  );
}

function AddGoalForm({ householdId, planId }: Readonly<{ householdId: string; planId: string }>) {
  const { t } = useI18n();
  const { domains } = useLifeDomains();
  const init = useCallback(() => ({ domainId: '', text: '' }), []);
  const f = useZodForm(GoalDraftSchema, init);
  const add = useAddGoal(householdId);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = f.validate();
    if (!draft) return;
    await add.mutateAsync({ planId, draft });
    f.reset();
  }
  return (
    <form className="cf-subform" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate aria-labelledby="add-goal-title">
      <h3 id="add-goal-title">{t('casefile.addGoal')}</h3>
      <div className="grid-2">
        <SelectField
          label={t('casefile.goalDomain')}
          value={f.values.domainId}
          onChange={(e) => f.set({ domainId: e.target.value })}
          options={[{ value: '', label: t('casefile.choose') }, ...domains.filter((d) => d.active).map((d) => ({ value: d.id, label: d.label }))]}
          error={f.errors.domainId}
          required
        />
        <TextField label={t('casefile.goalText')} hint={t('casefile.goalTextHint')} value={f.values.text} onChange={(e) => f.set({ text: e.target.value })} error={f.errors.text} required autoComplete="off" />
      </div>
      <SaveError error={add.error} />
      <button type="submit" className="button" disabled={add.isPending}>
        {t('casefile.saveGoal')}
      </button>
    </form>
  );
}
