import type { Action, Assessment } from '../domain/casefile';
import type { Household } from '../domain/household';
import { HOUSEHOLD_STATUSES } from '../domain/household';
import type { AgendaItem, Meeting } from '../domain/meeting';
import type { LifeDomain } from '../domain/partners';
import { ACTION_LAYERS, ACTION_STATUSES } from '../domain/casefile';
import { fixed, type ExportDocument, type Section } from './document';
import { nlDate, nlLabel } from './labels';
import { PROFILE_PURPOSE, latestScores, type ProjectedExport } from './profiles';
import { wijkFor } from '../privacy/pseudonym';
import { LEGEND_TITLE, MARK_PROTECTED, MARK_SMALL, SUPPRESSION_THRESHOLD, legendSection, suppressionPlan } from './suppression';

/**
 * Management figures: aggregates only. Suppression is done once over ALL tables of the export
 * (shared/export/suppression.ts): a count under 5 shows as "<5", and a count of 5 or more that
 * would let a reader work a "<5" back (from a row total, or from the households' total that the
 * wijk table adds up to) shows as "x", with a legend. Zero is suppressed like 1–4.
 */
export type FiguresInput = Readonly<{
  households: readonly Pick<Household, 'id' | 'status' | 'wijk'>[];
  actions: readonly Pick<Action, 'layer' | 'status'>[];
  assessments: readonly Assessment[];
  meetings: readonly Meeting[];
  items: readonly Pick<AgendaItem, 'status' | 'decisions' | 'kind'>[];
  domains: readonly LifeDomain[];
  today: string;
  madeOn: string;
}>;

/**
 * The management export. Holds counts only: no id, no pseudonym, no text anyone typed.
 * When adding a table: add its cells to the plan with every relation a reader can see (a total
 * it shows, a total elsewhere it adds up to or stays under), so suppression covers it.
 */
export function projectManagementFigures(input: FiguresInput): ProjectedExport {
  const plan = suppressionPlan();
  const cellText = (cell: number) => fixed(plan.text(cell));

  // Households per status, with the total. The same total is what the wijk table adds up to and
  // what each domain's scores stay under.
  const statusCells = HOUSEHOLD_STATUSES.map((s) => plan.cell(input.households.filter((h) => h.status === s).length));
  const total = plan.cell(input.households.length);
  plan.sum(total, statusCells);

  // Households per wijk (no total of its own: the households' total above is the same sum).
  // The same reduction as in a pack: a postcode typed as the wijk is never a row label.
  const wijkOf = (h: Pick<Household, 'wijk'>) => wijkFor({ wijk: h.wijk });
  const wijken = [...new Set(input.households.map(wijkOf))].sort((a, b) => a.localeCompare(b, 'nl'));
  // A wijk is listed only when it has a household: a reader knows its row is at least 1.
  const wijkCells = wijken.map((w) => plan.cell(input.households.filter((h) => wijkOf(h) === w).length, 1));
  plan.sum(total, wijkCells);

  // Actions per layer and status, each row with its total.
  const actionCells = ACTION_LAYERS.map((layer) => {
    const counts = ACTION_STATUSES.map((st) => plan.cell(input.actions.filter((a) => a.layer === layer && a.status === st).length));
    const rowTotal = plan.cell(input.actions.filter((a) => a.layer === layer).length);
    plan.sum(rowTotal, counts);
    return { layer, counts, rowTotal };
  });

  // Latest self-reliance score per domain: how many households score 1–5. A household has at most
  // one latest score per domain, so a row never exceeds the households' total.
  const latest = input.households.flatMap((h) => latestScores(input.assessments, h.id));
  const domainCells = input.domains
    .filter((d) => d.active)
    .map((d) => {
      const counts = [1, 2, 3, 4, 5].map((s) => plan.cell(latest.filter((a) => a.domainId === d.id && a.score === s).length));
      plan.atMost(total, counts);
      return { label: d.label, counts };
    });

  // Meetings: counts of items and decisions (no total is shown, no relation between them).
  const held = input.meetings.filter((m) => m.status === 'afgerond').length;
  const discussed = input.items.filter((i) => i.status === 'besproken');
  const decisions = discussed.flatMap((i) => i.decisions);
  const meetingFacts = [
    { label: 'Overleggen gehouden', cell: plan.cell(held) },
    { label: 'Casussen besproken', cell: plan.cell(discussed.filter((i) => i.kind === 'case').length) },
    { label: 'Opvolgingen besproken', cell: plan.cell(discussed.filter((i) => i.kind === 'follow_up').length) },
    { label: 'Adviezen', cell: plan.cell(decisions.filter((d) => d.kind === 'advies').length) },
    { label: 'Besluiten', cell: plan.cell(decisions.filter((d) => d.kind === 'besluit').length) },
  ];

  const sections: Section[] = [
    {
      id: 'households',
      title: fixed('Huishoudens per status'),
      blocks: [{ type: 'table', head: [...HOUSEHOLD_STATUSES.map(nlLabel), 'Totaal'], rows: [[...statusCells.map(cellText), cellText(total)]] }],
    },
    {
      id: 'wijken',
      title: fixed('Huishoudens per wijk'),
      blocks: [{ type: 'table', head: ['Wijk', 'Aantal'], rows: wijken.map((w, i) => [fixed(w), cellText(wijkCells[i] ?? total)]) }],
    },
    {
      id: 'actions',
      title: fixed('Acties per laag (eigen kracht eerst)'),
      blocks: [
        {
          type: 'table',
          head: ['Laag', 'Open', 'Gedaan', 'Vervallen', 'Totaal'],
          rows: actionCells.map((r) => [fixed(nlLabel(r.layer)), ...r.counts.map(cellText), cellText(r.rowTotal)]),
        },
      ],
    },
    {
      id: 'scores',
      title: fixed('Zelfredzaamheid: laatste score per levensdomein'),
      blocks: [{ type: 'table', head: ['Levensdomein', '1', '2', '3', '4', '5'], rows: domainCells.map((r) => [fixed(r.label), ...r.counts.map(cellText)]) }],
    },
    { id: 'meetings', title: fixed('Teamoverleg'), blocks: [{ type: 'facts', rows: meetingFacts.map((f) => ({ label: f.label, value: cellText(f.cell) })) }] },
  ];
  const legend = legendSection(plan.marks());
  if (legend) sections.push(legend);

  const meta = PROFILE_PURPOSE.management;
  const document: ExportDocument = {
    purposeId: 'management',
    title: meta.title,
    purpose: meta.purpose,
    audience: meta.audience,
    date: nlDate(input.today),
    madeOn: nlDate(input.madeOn),
    notice: `Alleen aantallen. Een aantal onder de ${SUPPRESSION_THRESHOLD} staat als "${MARK_SMALL}"; een aantal waaruit dat terug te rekenen zou zijn staat als "${MARK_PROTECTED}" (zie "${LEGEND_TITLE}").`,
    sections,
  };
  // Aggregates name no household: the audit log records the export without household ids.
  return { profile: 'management', document, householdIds: [], excluded: [] };
}
