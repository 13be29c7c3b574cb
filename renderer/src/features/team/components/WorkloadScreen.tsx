import { useMemo } from 'react';
import { localDay } from '@shared/dates';
import { computeWorkload } from '@shared/domain/partner-rules';
import { useI18n } from '../../../i18n';
import { useMembers, useOrganisations, useWorkloadInput } from '../queries';
import { TeamNav } from './TeamNav';
import { Table } from '../../../ui/Table';

type Row = Readonly<{ id: string; name: string; households: number; openActions: number }>;

/**
 * Who carries what: households and open actions per organisation and per team member.
 * Counts to see balance — never a score, a rate or a ranking (002:3319, "tellen en vertellen").
 */
export function WorkloadScreen() {
  const { t } = useI18n();
  const input = useWorkloadInput();
  const orgs = useOrganisations();
  const members = useMembers();
  const today = localDay();

  const rows = useMemo(() => {
    if (!input.data) return undefined;
    const w = computeWorkload(input.data, today);
    const orgRows: Row[] = (orgs.data ?? []).map((o) => {
      const r = w.organisations.find((x) => x.id === o.id);
      return { id: o.id, name: o.name, households: r?.households ?? 0, openActions: r?.openActions ?? 0 };
    });
    const memberRows: Row[] = w.members.map((r) => ({ ...r, name: (members.data ?? []).find((m) => m.id === r.id)?.name ?? '—' }));
    // Alphabetical, not by load: the view shows balance, it does not rank people.
    const byName = (a: Row, b: Row) => a.name.localeCompare(b.name, 'nl');
    return { orgRows: orgRows.sort(byName), memberRows: memberRows.sort(byName) };
  }, [input.data, orgs.data, members.data, today]);

  if (!rows) return <p>{t('common.loading')}</p>;
  return (
    <section aria-labelledby="workload-title" data-ready="team-workload">
      <h1 id="workload-title">{t('team.workload.title')}</h1>
      <TeamNav />
      <p className="notice">{t('team.workload.intro')}</p>
      <div className="workload-legend" aria-hidden="true">
        <span>
          <span className="bar-swatch bar-swatch--households" /> {t('team.workload.households')}
        </span>
        <span>
          <span className="bar-swatch bar-swatch--actions" /> {t('team.workload.openActions')}
        </span>
      </div>
      <WorkloadBars id="wl-members" title={t('team.workload.perMember')} rows={rows.memberRows} />
      <WorkloadBars id="wl-orgs" title={t('team.workload.perOrganisation')} rows={rows.orgRows} />
    </section>
  );
}

function WorkloadBars({ id, title, rows }: Readonly<{ id: string; title: string; rows: readonly Row[] }>) {
  const { t } = useI18n();
  const max = Math.max(1, ...rows.flatMap((r) => [r.households, r.openActions]));
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('team.workload.none')}</p>
      ) : (
        <Table className="workload" columns={[{ label: t('team.workload.who') }, { label: t('team.workload.households') }, { label: t('team.workload.openActions') }]}>
            {rows.map((r) => (
              <tr key={r.id} data-workload={r.name}>
                <th scope="row">{r.name}</th>
                <td>
                  <Bar value={r.households} max={max} kind="households" />
                </td>
                <td>
                  <Bar value={r.openActions} max={max} kind="actions" />
                </td>
              </tr>
            ))}
        </Table>
      )}
    </section>
  );
}

/** A horizontal bar with its number; the number is the content, the bar only helps the eye. */
function Bar({ value, max, kind }: Readonly<{ value: number; max: number; kind: 'households' | 'actions' }>) {
  return (
    <span className="bar">
      <span className="bar__track" aria-hidden="true">
        <span className={`bar__fill bar__fill--${kind}`} style={{ width: value === 0 ? 0 : `max(3px, ${(value / max) * 100}%)` }} />
      </span>
      <span className="bar__value">{value}</span>
    </span>
  );
}
