import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  CONSENT_PURPOSES,
  LEGAL_BASES,
  TEAM_MODELS,
  TeamSettingsDraftSchema,
  type ConsentPurpose,
  type LegalBasis,
  type LifeDomain,
  type TeamModel,
  type TeamSettingsDraft,
} from '@shared/domain/partners';
import { useI18n } from '../../../i18n';
import type { FieldErrors } from '../../../ui/errors';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { useMembers } from '../queries';
import { teamFieldErrors } from './errors';
import { FormActions } from '../../../ui/FormActions';

type FormState = {
  name: string;
  model: TeamModel;
  wijken: string;
  everyWeeks: string;
  weekday: string;
  lengthMinutes: string;
  lifeDomains: LifeDomain[];
  flags: string;
  alsoKnownBy: string;
  escalation: EscalationRow[];
  retentionMonths: string;
  maxProfessionals: string;
  feedbackDueWorkingDays: string;
  evaluationMonths: string;
  inactivityWeeks: string;
  legalBasis: Record<ConsentPurpose, LegalBasis>;
  example: boolean;
};

/** One step of the escalation route as the form edits it: the step's name and who holds it ('' = nobody yet). */
export type EscalationRow = { label: string; holderId: string };

/** The route as stored → as edited. The holder is kept (it was dropped before: every save lost it). */
export function escalationRows(route: TeamSettingsDraft['escalationRoute']): EscalationRow[] {
  return route.map((s) => ({ label: s.label, holderId: s.holderId ?? '' }));
}

/** The route as edited → as stored: steps without a name are left out; a step without a holder has none. */
export function escalationRoute(rows: readonly EscalationRow[]): TeamSettingsDraft['escalationRoute'] {
  return rows
    .map((r) => ({ label: r.label.trim(), holderId: r.holderId }))
    .filter((r) => r.label)
    .map((r) => ({ label: r.label, ...(r.holderId ? { holderId: r.holderId } : {}) }));
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

function fromDraft(d: TeamSettingsDraft): FormState {
  return {
    name: d.name,
    model: d.model,
    wijken: d.wijken.join('\n'),
    everyWeeks: String(d.meeting.everyWeeks),
    weekday: String(d.meeting.weekday),
    lengthMinutes: String(d.meeting.lengthMinutes),
    lifeDomains: d.lifeDomains.map((l) => ({ id: l.id, label: l.label, active: l.active ?? true })),
    flags: d.flags.join('\n'),
    alsoKnownBy: d.alsoKnownByOptions.join('\n'),
    escalation: escalationRows(d.escalationRoute),
    retentionMonths: String(d.retentionMonths),
    maxProfessionals: String(d.maxProfessionals ?? 5),
    feedbackDueWorkingDays: String(d.feedbackDueWorkingDays ?? 10),
    evaluationMonths: String(d.evaluationMonths ?? 3),
    inactivityWeeks: String(d.inactivityWeeks ?? 6),
    legalBasis: { bespreken: 'toestemming', delen: 'toestemming', verwijzen: 'toestemming', ...(d.legalBasis ?? {}) },
    example: d.example ?? false,
  };
}

function toDraft(f: FormState, previous: TeamSettingsDraft): TeamSettingsDraft {
  return {
    ...previous,
    name: f.name,
    model: f.model,
    wijken: lines(f.wijken),
    meeting: { everyWeeks: num(f.everyWeeks), weekday: num(f.weekday), lengthMinutes: num(f.lengthMinutes) },
    lifeDomains: f.lifeDomains,
    flags: lines(f.flags),
    alsoKnownByOptions: lines(f.alsoKnownBy),
    escalationRoute: escalationRoute(f.escalation),
    retentionMonths: num(f.retentionMonths),
    maxProfessionals: num(f.maxProfessionals),
    feedbackDueWorkingDays: num(f.feedbackDueWorkingDays),
    evaluationMonths: num(f.evaluationMonths),
    inactivityWeeks: num(f.inactivityWeeks),
    legalBasis: f.legalBasis,
    example: f.example,
  };
}

function slug(label: string, taken: readonly string[]): string {
  const base =
    label
      .toLocaleLowerCase('nl')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '') || 'domein';
  let id = base;
  for (let i = 2; taken.includes(id); i++) id = `${base}_${i}`;
  return id;
}

/** Which wizard step holds which fields, so an error sends the user to the right step. */
export const STEP_FIELDS: readonly (readonly string[])[] = [
  ['name', 'model', 'wijken', 'meeting'],
  ['lifeDomains'],
  ['escalationRoute', 'retentionMonths', 'maxProfessionals', 'feedbackDueWorkingDays', 'evaluationMonths', 'inactivityWeeks', 'legalBasis', 'flags', 'alsoKnownByOptions'],
];

type Props = Readonly<{
  initial: TeamSettingsDraft;
  /** Wizard: show only this step (0–2). Settings page: undefined shows every part. */
  step?: number;
  submitLabel: string;
  saving: boolean;
  onSubmit: (draft: TeamSettingsDraft) => Promise<void>;
  /** Extra buttons next to submit (wizard: back / next). */
  actions?: ReactNode;
  onStepError?: (step: number) => void;
}>;

/** Team settings: every part a coordinator can change. The wizard shows it in three steps. */
export function TeamSettingsForm({ initial, step, submitLabel, saving, onSubmit, actions, onStepError }: Props) {
  const { t, tx } = useI18n();
  const members = useMembers();
  const [form, setForm] = useState<FormState>(() => fromDraft(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const show = (s: number) => step === undefined || step === s;
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = toDraft(form, initial);
    const parsed = TeamSettingsDraftSchema.safeParse(draft);
    if (!parsed.success) {
      const errs = teamFieldErrors(parsed.error);
      setErrors(errs);
      const first = Object.keys(errs)[0] ?? '';
      const badStep = STEP_FIELDS.findIndex((fields) => fields.some((f) => first === f || first.startsWith(`${f}.`)));
      if (step !== undefined && badStep >= 0 && badStep !== step) onStepError?.(badStep);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors({});
    await onSubmit(draft);
  }

  const errorCount = Object.keys(errors).length;
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: tx(`team.weekday.${d}`) }));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-ready="team-settings-form" aria-label={t('team.settings.formLabel')}>
      <div ref={summaryRef} tabIndex={-1} className={errorCount ? 'form-summary' : 'visually-hidden'} role={errorCount ? 'alert' : undefined}>
        {errorCount ? t('common.formHasErrors', { count: errorCount }) : null}
      </div>
      {show(0) ? (
        <fieldset className="member-fieldset">
          <legend>{t('team.settings.basics')}</legend>
          <div className="grid-2">
            <TextField label={t('team.settings.name')} value={form.name} onChange={(e) => set({ name: e.target.value })} error={errors.name} required autoComplete="off" />
            <SelectField
              label={t('team.settings.model')}
              hint={t('team.settings.modelHint')}
              value={form.model}
              onChange={(e) => set({ model: e.target.value as TeamModel })}
              options={TEAM_MODELS.map((m) => ({ value: m, label: tx(`team.model.${m}`) }))}
              error={errors.model}
            />
          </div>
          <TextArea label={t('team.settings.wijken')} hint={t('team.settings.linesHint')} value={form.wijken} onChange={(e) => set({ wijken: e.target.value })} error={errors.wijken ?? errors['wijken.0']} rows={3} />
          <div className="grid-3">
            <TextField label={t('team.settings.everyWeeks')} type="number" min={1} max={12} value={form.everyWeeks} onChange={(e) => set({ everyWeeks: e.target.value })} error={errors['meeting.everyWeeks']} />
            <SelectField label={t('team.settings.weekday')} value={form.weekday} onChange={(e) => set({ weekday: e.target.value })} options={weekdays} error={errors['meeting.weekday']} />
            <TextField label={t('team.settings.lengthMinutes')} type="number" min={15} max={480} value={form.lengthMinutes} onChange={(e) => set({ lengthMinutes: e.target.value })} error={errors['meeting.lengthMinutes']} />
          </div>
        </fieldset>
      ) : null}
      {show(1) ? (
        <fieldset className="member-fieldset">
          <legend>{t('team.settings.domains')}</legend>
          <p className="field__hint">{t('team.settings.domainsHint')}</p>
          <ul className="domain-list">
            {form.lifeDomains.map((d, i) => (
              <li key={d.id}>
                <TextField
                  label={t('team.settings.domainLabel', { index: i + 1 })}
                  value={d.label}
                  onChange={(e) => set({ lifeDomains: form.lifeDomains.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)) })}
                  error={errors[`lifeDomains.${i}.label`]}
                  autoComplete="off"
                />
                <label className="check">
                  <input
                    autoComplete="off"
                    type="checkbox"
                    checked={d.active}
                    onChange={(e) => set({ lifeDomains: form.lifeDomains.map((x, j) => (j === i ? { ...x, active: e.target.checked } : x)) })}
                  />
                  {t('team.settings.domainActive', { label: d.label || String(i + 1) })}
                </label>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              const label = t('team.settings.newDomain');
              set({ lifeDomains: [...form.lifeDomains, { id: slug(`${label}_${form.lifeDomains.length + 1}`, form.lifeDomains.map((x) => x.id)), label, active: true }] });
            }}
          >
            {t('team.settings.addDomain')}
          </button>
        </fieldset>
      ) : null}
      {show(2) ? (
        <>
          <fieldset className="member-fieldset">
            <legend>{t('team.settings.escalation')}</legend>
            <p className="field__hint">{t('team.settings.escalationHint')}</p>
            <ol className="escalation-list">
              {form.escalation.map((row, i) => (
                <li key={i}>
                  <TextField
                    label={t('team.settings.escalationStep', { index: i + 1 })}
                    value={row.label}
                    onChange={(e) => set({ escalation: form.escalation.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)) })}
                    error={errors[`escalationRoute.${i}.label`]}
                    autoComplete="off"
                  />
                  <SelectField
                    label={t('team.settings.escalationHolder', { index: i + 1 })}
                    value={row.holderId}
                    onChange={(e) => set({ escalation: form.escalation.map((x, j) => (j === i ? { ...x, holderId: e.target.value } : x)) })}
                    error={errors[`escalationRoute.${i}.holderId`]}
                    options={[
                      { value: '', label: t('team.settings.escalationNoHolder') },
                      // A holder who left the team stays selectable until someone else is chosen.
                      ...(members.data ?? []).filter((m) => m.active || m.id === row.holderId).map((m) => ({ value: m.id, label: m.name })),
                    ]}
                  />
                  <button type="button" className="button button--secondary" onClick={() => set({ escalation: form.escalation.filter((_, j) => j !== i) })}>
                    {t('team.settings.removeStep', { index: i + 1 })}
                  </button>
                </li>
              ))}
            </ol>
            <button type="button" className="button button--secondary" onClick={() => set({ escalation: [...form.escalation, { label: '', holderId: '' }] })}>
              {t('team.settings.addStep')}
            </button>
          </fieldset>
          <fieldset className="member-fieldset">
            <legend>{t('team.settings.rules')}</legend>
            <div className="grid-3">
              <TextField label={t('team.settings.retentionMonths')} hint={t('team.settings.retentionHint')} type="number" min={1} value={form.retentionMonths} onChange={(e) => set({ retentionMonths: e.target.value })} error={errors.retentionMonths} />
              <TextField label={t('team.settings.maxProfessionals')} hint={t('team.settings.maxProfessionalsHint')} type="number" min={1} value={form.maxProfessionals} onChange={(e) => set({ maxProfessionals: e.target.value })} error={errors.maxProfessionals} />
              <TextField label={t('team.settings.feedbackDays')} type="number" min={1} value={form.feedbackDueWorkingDays} onChange={(e) => set({ feedbackDueWorkingDays: e.target.value })} error={errors.feedbackDueWorkingDays} />
              <TextField label={t('team.settings.evaluationMonths')} type="number" min={1} value={form.evaluationMonths} onChange={(e) => set({ evaluationMonths: e.target.value })} error={errors.evaluationMonths} />
              <TextField label={t('team.settings.inactivityWeeks')} type="number" min={1} value={form.inactivityWeeks} onChange={(e) => set({ inactivityWeeks: e.target.value })} error={errors.inactivityWeeks} />
            </div>
            <p className="field__hint">{t('team.settings.legalBasisHint')}</p>
            <div className="grid-3">
              {CONSENT_PURPOSES.map((p) => (
                <SelectField
                  key={p}
                  label={t('team.settings.legalBasisFor', { purpose: tx(`team.purpose.${p}`) })}
                  value={form.legalBasis[p]}
                  onChange={(e) => set({ legalBasis: { ...form.legalBasis, [p]: e.target.value as LegalBasis } })}
                  options={LEGAL_BASES.map((b) => ({ value: b, label: tx(`team.legalBasis.${b}`) }))}
                />
              ))}
            </div>
            <div className="grid-2">
              <TextArea label={t('team.settings.flags')} hint={t('team.settings.linesHint')} value={form.flags} onChange={(e) => set({ flags: e.target.value })} rows={3} />
              <TextArea label={t('team.settings.alsoKnownBy')} hint={t('team.settings.linesHint')} value={form.alsoKnownBy} onChange={(e) => set({ alsoKnownBy: e.target.value })} rows={3} />
            </div>
          </fieldset>
        </>
      ) : null}
      <FormActions before={actions} submitLabel={saving ? t('common.saving') : submitLabel} pending={saving} />
    </form>
  );
}
