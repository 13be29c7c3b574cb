import { aggregateKnelpunten, suppress, SUPPRESS_BELOW } from '../domain/feedback-rules';
import type { Knelpunt, KnelpuntCategory } from '../domain/feedback';
import { fixed, freeTextFactory, type Block, type ExportDocument, type Section } from './document';
import { PROFILE_PURPOSE, type ProjectedExport } from './profiles';

/**
 * The knelpunten register for management as an export document: aggregates only, no household
 * ids, names or descriptions. Counts 1–4 are shown as "<5". A barrier's title (typed by a worker,
 * so free text: scanned, reviewed) appears only when it recurs in at least five households;
 * fewer is not yet a pattern for management, and a rare barrier's title could point at one case.
 * There is no total row: with suppressed cells a total would let a reader subtract them back.
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
  const recurring = agg.byBarrier.filter((b) => b.households >= SUPPRESS_BELOW);
  const categories: Block = {
    type: 'table',
    head: [labels.category, labels.barriers, labels.households],
    rows: agg.byCategory.map((r) => [fixed(labels.categoryLabel(r.category)), fixed(suppress(r.barriers)), fixed(suppress(r.households))]),
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
  return { document, householdIds: [], excluded: [] };
}

/** The household ids whose names the scanner needs: those of barriers whose title is shown. */
export function householdsToScan(list: readonly Knelpunt[]): string[] {
  return [...new Set(list.filter((k) => new Set(k.householdIds).size >= SUPPRESS_BELOW).flatMap((k) => k.householdIds))];
}
