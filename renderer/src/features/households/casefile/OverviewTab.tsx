import { useCallback, useState, type FormEvent } from 'react';
import { localDay } from '@shared/dates';
import { HandoverDraftSchema, INTAKE_DECISIONS, IntakeDecisionDraftSchema, IntakeDraftSchema, type Intake } from '@shared/domain/casefile';
import { allowedStatusChanges, type CaseFile } from '@shared/domain/casefile-rules';
import { ageOn, type HouseholdStatus } from '@shared/domain/household';
import { useI18n } from '../../../i18n';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { useDates } from '../../../i18n/format';
import { HouseholdSectionsSlot } from '../sections';
import { useAddIntake, useChangeStatus, useDecideIntake, useHandOver } from '../mutations';
import { Card, SaveError, usePeople } from './bits';
import { IntakeFields, emptyIntake, type IntakeValues } from './IntakeFields';
import { useZodForm } from '../../../ui/useZodForm';
import { FormActions } from '../../../ui/FormActions';

export function OverviewTab({ cf }: Readonly<{ cf: CaseFile }>) {
  const { t, tx } = useI18n();
  const h = cf.household;
  const today = localDay();
  const closed = h.status === 'afgesloten';
  return (
    <div className="casefile__grid">
      <div className="casefile__main">
        <Card id="members-title" title={t('households.members')}>
          {h.members.length === 0 ? (
            <p className="muted">{t('households.noMembers')}</p>
          ) : (
            <ul className="cf-members">
              {h.members.map((m) => (
                <li key={m.id}>
                  <strong>{[m.firstName, m.lastName].filter(Boolean).join(' ')}</strong>{' '}
                  <span className="muted">
                    {tx(`households.role.${m.role}`)}
                    {m.birthDate ? ` · ${t('households.age', { age: ageOn(m.birthDate, today) })}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <IntakesCard cf={cf} closed={closed} />
      </div>
      <div className="casefile__side">
        <RegieCard cf={cf} closed={closed} />
        {h.outcome ? (
          <Card id="outcome-title" title={t('casefile.outcome')}>
            <p className="cf-prewrap">{h.outcome}</p>
          </Card>
        ) : null}
      </div>
      <div className="casefile__wide">
        <HouseholdSectionsSlot householdId={h.id} />
      </div>
    </div>
  );
}

function IntakesCard({ cf, closed }: Readonly<{ cf: CaseFile; closed: boolean }>) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      id="intakes-title"
      title={t('casefile.intakesTitle')}
      actions={
        closed || adding ? null : (
          <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
            {t('casefile.addIntake')}
          </button>
        )
      }
    >
      {adding ? <AddIntakeForm householdId={cf.household.id} onDone={() => setAdding(false)} /> : null}
      {cf.intakes.length === 0 ? <p className="muted">{t('casefile.noIntakes')}</p> : null}
      {[...cf.intakes].reverse().map((i) => (
        <IntakeView key={i.id} intake={i} closed={closed} />
      ))}
    </Card>
  );
}

function AddIntakeForm({ householdId, onDone }: Readonly<{ householdId: string; onDone: () => void }>) {
  const { t } = useI18n();
  const init = useCallback(() => emptyIntake(localDay()), []);
  const f = useZodForm<typeof IntakeDraftSchema, IntakeValues>(IntakeDraftSchema, init);
  const add = useAddIntake(householdId);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = f.validate();
    if (!draft) return;
    await add.mutateAsync(draft);
    onDone();
  }
  return (
    <form className="cf-subform" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate aria-label={t('casefile.addIntake')}>
      <IntakeFields values={f.values} set={f.set} errors={f.errors} />
      <SaveError error={add.error} />
      <FormActions submitLabel={t('casefile.saveIntake')} pending={add.isPending} onCancel={onDone} />
    </form>
  );
}

function IntakeView({ intake, closed }: Readonly<{ intake: Intake; closed: boolean }>) {
  const { t, tx } = useI18n();
  const dates = useDates();
  const who = [intake.referrerName, intake.referrerOrganisation].filter(Boolean).join(', ');
  return (
    <div className="cf-intake" data-testid="intake">
      <p className="cf-intake__meta">
        <span className="badge">{tx(`casefile.referrer.${intake.referrerType}`)}</span> {who ? <strong>{who}</strong> : null}{' '}
        <span className="muted">
          · {dates.date(intake.date)} · {tx(`casefile.channel.${intake.channel}`)}
          {intake.referrerContact ? ` · ${intake.referrerContact}` : ''}
        </span>
      </p>
      <blockquote className="cf-quote">{intake.question}</blockquote>
      {intake.decision ? (
        <p>
          <span className={`badge badge--decision-${intake.decision}`}>{tx(`casefile.decision.${intake.decision}`)}</span>{' '}
          {intake.decidedAt ? <span className="muted">{t('casefile.decidedOn', { date: dates.date(intake.decidedAt) })}</span> : null}
          {intake.decisionReason ? <span className="cf-block">{intake.decisionReason}</span> : null}
        </p>
      ) : closed ? null : (
        <DecideForm intake={intake} />
      )}
    </div>
  );
}

function DecideForm({ intake }: Readonly<{ intake: Intake }>) {
  const { t, tx } = useI18n();
  const init = useCallback(() => ({ decision: '', decisionReason: '', decidedAt: localDay() }), []);
  const f = useZodForm(IntakeDecisionDraftSchema, init);
  const decide = useDecideIntake(intake.householdId);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = f.validate();
    if (!draft) return;
    await decide.mutateAsync({ intakeId: intake.id, draft });
  }
  return (
    <form className="cf-subform cf-subform--inline" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate aria-label={t('casefile.decide')}>
      <p className="muted">{t('casefile.noDecision')}</p>
      <div className="grid-3">
        <SelectField
          label={t('casefile.decision')}
          value={f.values.decision}
          onChange={(e) => f.set({ decision: e.target.value })}
          options={[{ value: '', label: t('casefile.choose') }, ...INTAKE_DECISIONS.map((d) => ({ value: d, label: tx(`casefile.decision.${d}`) }))]}
          error={f.errors.decision}
          required
        />
        <TextField label={t('casefile.decisionReason')} value={f.values.decisionReason} onChange={(e) => f.set({ decisionReason: e.target.value })} error={f.errors.decisionReason} autoComplete="off" />
        <TextField label={t('casefile.decidedAt')} type="date" value={f.values.decidedAt} onChange={(e) => f.set({ decidedAt: e.target.value })} error={f.errors.decidedAt} />
      </div>
      <SaveError error={decide.error} />
      <button type="submit" className="button" disabled={decide.isPending}>
        {t('casefile.decide')}
      </button>
    </form>
  );
}

function RegieCard({ cf, closed }: Readonly<{ cf: CaseFile; closed: boolean }>) {
  const { t, tx } = useI18n();
  const dates = useDates();
  const people = usePeople();
  const h = cf.household;
  const [open, setOpen] = useState(false);
  const status = useChangeStatus(h.id);
  const choices = allowedStatusChanges(h);
  const name = (id: string | undefined) => people.memberName(id) ?? t('casefile.nobody');
  return (
    <Card id="regie-title" title={t('casefile.regieTitle')}>
      <p className="cf-regie__current">
        <span className="muted">{t('casefile.regisseur')}: </span>
        <strong>{people.memberName(h.regisseurId) ?? t('casefile.noRegisseur')}</strong>
      </p>
      {!h.regisseurId && !closed ? <p className="notice">{t('casefile.regisseurNeeded')}</p> : null}
      {closed ? null : open ? (
        <HandoverForm cf={cf} onDone={() => setOpen(false)} />
      ) : (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {h.regisseurId ? t('casefile.handover') : t('casefile.assignRegisseur')}
        </button>
      )}
      {!closed && choices.length > 0 ? (
        <div className="cf-status-change">
          <h3>{t('casefile.changeStatus')}</h3>
          <div className="cf-button-row">
            {choices.map((s: HouseholdStatus) => (
              <button key={s} type="button" className="button button--secondary" disabled={status.isPending} onClick={() => status.mutate(s)}>
                {t('casefile.setStatus', { status: tx(`households.status.${s}`) })}
              </button>
            ))}
          </div>
          <SaveError error={status.error} />
        </div>
      ) : null}
      <h3>{t('casefile.handoverHistory')}</h3>
      {cf.handovers.length === 0 ? (
        <p className="muted">{t('casefile.noHandovers')}</p>
      ) : (
        <ol className="cf-history" data-testid="handover-history">
          {[...cf.handovers].reverse().map((x) => (
            <li key={x.id}>
              <p>
                <strong>{t('casefile.handoverItem', { from: name(x.fromId), to: name(x.toId) })}</strong>{' '}
                <span className="muted">{dates.date(x.date)}</span>
              </p>
              <p className="muted">{x.reason}</p>
              <p className="cf-prewrap">{x.note}</p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function HandoverForm({ cf, onDone }: Readonly<{ cf: CaseFile; onDone: () => void }>) {
  const { t } = useI18n();
  const people = usePeople();
  const h = cf.household;
  const first = !h.regisseurId;
  const init = useCallback(() => ({ toId: '', date: localDay(), reason: '', note: '' }), []);
  const f = useZodForm(HandoverDraftSchema, init);
  const hand = useHandOver(h.id);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = f.validate();
    if (!draft) return;
    await hand.mutateAsync({ fromId: h.regisseurId, draft });
    onDone();
  }
  const options = people.members.filter((m) => m.id !== h.regisseurId).map((m) => ({ value: m.id, label: m.name }));
  return (
    <form className="cf-subform" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate aria-label={first ? t('casefile.assignRegisseur') : t('casefile.handover')}>
      <SelectField
        label={first ? t('casefile.regisseur') : t('casefile.handoverTo')}
        value={f.values.toId}
        onChange={(e) => f.set({ toId: e.target.value })}
        options={[{ value: '', label: t('casefile.choose') }, ...options]}
        error={f.errors.toId}
        required
      />
      <TextField label={t('casefile.handoverDate')} type="date" value={f.values.date} onChange={(e) => f.set({ date: e.target.value })} error={f.errors.date} required />
      <TextField
        label={t('casefile.handoverReason')}
        hint={first ? t('casefile.firstAssignReasonHint') : undefined}
        value={f.values.reason}
        onChange={(e) => f.set({ reason: e.target.value })}
        error={f.errors.reason}
        required
        autoComplete="off"
      />
      <TextArea
        label={t('casefile.handoverNote')}
        hint={first ? t('casefile.firstAssignNoteHint') : t('casefile.handoverNoteHint')}
        rows={4}
        value={f.values.note}
        onChange={(e) => f.set({ note: e.target.value })}
        error={f.errors.note}
        required
      />
      <SaveError error={hand.error} />
      <FormActions submitLabel={first ? t('casefile.assignRegisseur') : t('casefile.confirmHandover')} pending={hand.isPending} onCancel={onDone} />
    </form>
  );
}
