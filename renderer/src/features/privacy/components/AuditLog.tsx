import { useMemo, useState, type FormEvent } from 'react';
import { localDay } from '@shared/dates';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry, type AuditFilter } from '../../../data/stores/audit/audit';
import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { useDates } from '../../../i18n/format';
import { SelectField, TextField } from '../../../ui/Field';
import { useOrganisations } from '../../team/queries';
import { useExportAudit } from '../mutations';
import { AUDIT_VIEW_LIMIT, useAudit, useTeamMembers } from '../queries';
import { Table } from '../../../ui/Table';

type Draft = { from: string; to: string; action: string; actorId: string; entityId: string };
const EMPTY: Draft = { from: '', to: '', action: '', actorId: '', entityId: '' };

function toFilter(d: Draft): AuditFilter {
  return {
    ...(d.from ? { from: d.from } : {}),
    ...(d.to ? { to: d.to } : {}),
    ...(d.action ? { actions: [d.action as AuditAction] } : {}),
    ...(d.actorId ? { actorId: d.actorId } : {}),
    ...(d.entityId.trim() ? { entityId: d.entityId.trim() } : {}),
  };
}

/**
 * An export's audit entry records a partner by organisation id, never by name; the view shows
 * the organisation's current name after the audience, looked up here.
 */
function detailsText(e: AuditEntry, orgName: (id: string) => string | undefined): string {
  if (!e.details) return '';
  const org = typeof e.details.organisationId === 'string' ? orgName(e.details.organisationId) : undefined;
  return Object.entries(e.details)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}${k === 'audience' && org ? `: ${org}` : ''}`)
    .join(' · ');
}

/** The audit log for the coordinator: filter, read, export as CSV (the export is itself logged). */
export function AuditLog() {
  const { t, tx } = useI18n();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>({});
  const audit = useAudit(filter);
  const members = useTeamMembers();
  const organisations = useOrganisations();
  const orgNames = useMemo(() => new Map((organisations.data ?? []).map((o) => [o.id, o.name])), [organisations.data]);
  const exporter = useExportAudit();
  const names = useMemo(() => new Map((members.data ?? []).map((m) => [m.id, m.name])), [members.data]);
  const actorName = (id: string | undefined) => (id ? (names.get(id) ?? t('privacy.unknownActor')) : t('privacy.unknownActor'));
  const { stampSeconds } = useDates();
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilter(toFilter(draft));
  }

  function exportCsv() {
    const stamp = localDay();
    exporter.mutate({
      filter,
      fileName: `wijktafel-logboek-${stamp}.csv`,
      header: [t('privacy.colWhen'), t('privacy.colWho'), t('privacy.colWhat'), t('privacy.colEntity'), t('privacy.colRecord'), t('privacy.colDetails')],
      actorName,
    });
  }

  const rows = audit.data ?? [];
  return (
    <section aria-labelledby="audit-title" className="privacy" data-ready={audit.isSuccess && members.isSuccess && organisations.isSuccess ? 'audit' : undefined}>
      <div className="page-head">
        <h1 id="audit-title">{t('privacy.auditTitle')}</h1>
        <a href={href('/privacy')}>{t('privacy.backToSettings')}</a>
      </div>
      <p className="muted">{t('privacy.auditIntro')}</p>
      <form className="privacy-filters" onSubmit={apply} aria-label={t('privacy.filters')}>
        <TextField label={t('privacy.from')} type="date" value={draft.from} onChange={set('from')} />
        <TextField label={t('privacy.to')} type="date" value={draft.to} onChange={set('to')} />
        <SelectField
          label={t('privacy.action')}
          value={draft.action}
          onChange={set('action')}
          options={[{ value: '', label: t('privacy.allActions') }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: tx(`privacy.actions.${a}`) }))]}
        />
        <SelectField
          label={t('privacy.actor')}
          value={draft.actorId}
          onChange={set('actorId')}
          options={[{ value: '', label: t('privacy.allActors') }, ...(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))]}
        />
        <TextField label={t('privacy.record')} hint={t('privacy.recordHint')} value={draft.entityId} onChange={set('entityId')} autoComplete="off" spellCheck={false} />
        <div className="privacy-actions">
          <button type="submit" className="button">
            {t('privacy.apply')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDraft(EMPTY);
              setFilter({});
            }}
          >
            {t('privacy.reset')}
          </button>
        </div>
      </form>
      <div className="toolbar">
        <span className="muted" aria-live="polite" data-testid="audit-count">
          {t('privacy.count', { count: rows.length })}
        </span>
        <button type="button" className="button" onClick={exportCsv} disabled={exporter.isPending || !audit.isSuccess}>
          {t('privacy.exportCsv')}
        </button>
      </div>
      {exporter.isSuccess ? (
        <p role="status" className="privacy-ok">
          {exporter.data.saved ? t('privacy.exported', { count: exporter.data.count }) : t('privacy.exportCancelled')}
        </p>
      ) : null}
      {audit.isSuccess && rows.length === 0 ? <p className="empty">{t('privacy.auditEmpty')}</p> : null}
      {rows.length > 0 ? (
        <Table className="privacy-audit" caption={t('privacy.auditCaption')} captionHidden columns={[{ label: t('privacy.colWhen') }, { label: t('privacy.colWho') }, { label: t('privacy.colWhat') }, { label: t('privacy.colRecord') }, { label: t('privacy.colDetails') }]}>
            {rows.slice(0, AUDIT_VIEW_LIMIT).map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td>
                  <time dateTime={e.at}>{stampSeconds(e.at)}</time>
                </td>
                <td>{actorName(e.actorId)}</td>
                <td>{tx(`privacy.actions.${e.action}`)}</td>
                <td>{e.entityId ? <code title={e.entityId}>{`${e.entity ?? ''} ${e.entityId.slice(0, 8)}`}</code> : (e.entity ?? '')}</td>
                <td>{detailsText(e, (id) => orgNames.get(id))}</td>
              </tr>
            ))}
        </Table>
      ) : null}
    </section>
  );
}
