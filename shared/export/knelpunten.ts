import { aggregateKnelpunten } from '../domain/feedback-rules';
import type { Knelpunt, KnelpuntCategory } from '../domain/feedback';
import { fixed, freeTextFactory, type Block, type ExportDocument, type Section } from './document';
import { PROFILE_PURPOSE, type ProjectedExport } from './profiles';
import { SUPPRESSION_THRESHOLD, legendSection, suppressionPlan } from './suppression';

/**
 * The knelpunten register for management as an export document: aggregates only, no household
 * ids, names or descriptions. Counts are suppressed by the same rule as the management figures
 * (shared/export/suppression.ts): 0–4 are shown as "<5", with a legend. A barrier's title (typed by a worker,
 * so free text: scanned, reviewed) appears only when it recurs in at least five households;
 * fewer is not yet a pattern for management, and a rare barrier's title could point at one case.
 * There is no total row: with suppressed cells a total would let a reader subtract them back.
 * The only relations a reader can see are lower bounds: a category holds at least the barriers,
 * and at least as many households as each barrier, listed under it. A listed barrier has 5 or
 * more households, so its category's household count is shown; its barrier count may stay "<5"
 * with the listed ones as its known floor (those barriers are named on purpose, and a barrier
 * count says nothing about a small group of households).
 * The texts come from the caller (the feedback catalogue, in Dutch, like every export).
 */
export type KnelpuntenLabels = Readonly<{
  note: string;
  categoriesTitle: string;
  category: string;
  barriers: string;
  households: string;
  barrier: string;
  recurringTitle: string;
  noRecurring: string;
  categoryLabel: (c: KnelpuntCategory) => string;
}>;

export function projectKnelpunten(
  list: readonly Knelpunt[],
  /** Per household id, the names the scanner looks for (members and household name) in the titles that are shown. */
  namesByHousehold: ReadonlyMap<string, readonly string[]>,
  labels: KnelpuntenLabels,
  formatDate: (iso: string) => string,
  madeOn: string,
): ProjectedExport {
  const agg = aggregateKnelpunten(list);
  const free = freeTextFactory();
  const byId = new Map(list.map((k) => [k.id, k]));
  const recurring = agg.byBarrier.filter((b) => b.households >= SUPPRESSION_THRESHOLD);
  const plan = suppressionPlan();
  const cells = agg.byCategory.map((r) => ({ category: r.category, barriers: plan.cell(r.barriers), households: plan.cell(r.households) }));
  const categories: Block = {
    type: 'table',
    head: [labels.category, labels.barriers, labels.households],
    rows: cells.map((r) => [fixed(labels.categoryLabel(r.category)), fixed(plan.text(r.barriers)), fixed(plan.text(r.households))]),
  };
  const recurringBlock: Block = recurring.length
    ? {
        type: 'table',
        head: [labels.barrier, labels.category, labels.households],
        rows: recurring.map((b) => [
          free(b.title, { names: (byId.get(b.id)?.householdIds ?? []).flatMap((id) => namesByHousehold.get(id) ?? []) }),
          fixed(labels.categoryLabel(b.category)),
          fixed(String(b.households)),
        ]),
      }
    : { type: 'paragraph', text: fixed(labels.noRecurring), muted: true };
  const sections: Section[] = [
    { id: 'categories', title: fixed(labels.categoriesTitle), blocks: [categories] },
    { id: 'recurring', title: fixed(labels.recurringTitle), blocks: [recurringBlock] },
  ];
  const legend = legendSection(plan.marks());
  if (legend) sections.push(legend);
  const meta = PROFILE_PURPOSE.knelpunten;
  const document: ExportDocument = {
    purposeId: 'knelpunten',
    title: meta.title,
    purpose: meta.purpose,
    audience: meta.audience,
    date: formatDate(madeOn),
    madeOn: formatDate(madeOn),
    notice: labels.note,
    sections,
  };
  // Aggregates name no household: the audit log records the export without household ids.
  return { profile: 'knelpunten', document, householdIds: [], excluded: [] };
}

/** The household ids whose names the scanner needs: those of barriers whose title is shown. */
export function householdsToScan(list: readonly Knelpunt[]): string[] {
  return [...new Set(list.filter((k) => new Set(k.householdIds).size >= SUPPRESSION_THRESHOLD).flatMap((k) => k.householdIds))];
}
