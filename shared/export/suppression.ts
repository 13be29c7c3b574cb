/**
 * Statistical disclosure control: the ONE suppression rule of every aggregate export (the
 * management figures and the knelpunten register). See docs/adr/0008-suppression.md.
 *
 * Primary suppression: a count under the threshold (0–4; zero included, see below) is shown as
 * "<5". That mark is never a lie: only a count under 5 carries it.
 *
 * Secondary (complementary) suppression: an export also publishes linear relations between its
 * cells: a row with its total, a table whose cells add up to a total shown in ANOTHER table, a
 * row that cannot exceed a total shown elsewhere. A reader who knows every published cell and
 * every relation (and this code) must not be able to work a "<5" back to one value, nor narrow
 * it to fewer than four of its five possible values. Where they could, another cell of 5 or more
 * is withheld and shown as "x" (afgeschermd). An "x" is never labelled "<5": two "<5" cells that
 * add up to 44 would say that one of them is 40 or more (both a lie and a leak).
 *
 * Zero: suppressed like 1–4 in every export. "No household in this wijk scores 1" or "nobody is
 * in evaluation" is a statement about a small group too (group disclosure), and a visible zero
 * would tell a reader that every "<5" is at least 1, which narrows what the totals leave open.
 *
 * The check of a suppression pattern is interval propagation over the relations (what a reader
 * can do with a pencil, repeated until nothing changes): every cell starts at what its mark
 * claims (a number; "<5" = 0–4; "x" = 5 or more) and every relation narrows its cells' bounds.
 * When adding a table to an export: add its cells and EVERY relation it publishes (sums shown,
 * sums that equal a cell elsewhere, upper bounds) to the same plan, then suppress once.
 */

import { fixed, type Section } from './document';

export const SUPPRESSION_THRESHOLD = 5;
/** A count under the threshold (0 to 4). */
export const MARK_SMALL = `<${SUPPRESSION_THRESHOLD}`;
/** A count of 5 or more withheld so that a "<5" elsewhere cannot be worked back (complementary suppression). */
export const MARK_PROTECTED = 'x';

export type CellMark = 'shown' | 'small' | 'protected';

/**
 * A published relation between cells (indices into the plan's values):
 * `sum`: the parts add up to the total; `atMost`: the parts add up to no more than the total.
 */
export type Relation = Readonly<{ kind: 'sum' | 'atMost'; total: number; parts: readonly number[] }>;

export type Interval = Readonly<{ lo: number; hi: number }>;

/**
 * How much a reader may narrow a "<5" cell beyond what its mark says: by at most one value (so
 * 0–4 may become 0–3 or 1–4, never 0–1 or a single value). Full 0–4 is not always attainable: two
 * "<5" cells next to a total of 5 are each at least 1, whatever else is withheld.
 */
export const MAY_RULE_OUT = 1;

/**
 * A cell of the plan: its true count, and the least it can be that a reader knows anyway from
 * the layout (a wijk is listed only when it has a household, so its row is at least 1).
 */
export type PlanCell = Readonly<{ value: number; floor: number }>;

export function primaryMark(n: number): CellMark {
  return n < SUPPRESSION_THRESHOLD ? 'small' : 'shown';
}

export function markText(value: number, mark: CellMark): string {
  return mark === 'small' ? MARK_SMALL : mark === 'protected' ? MARK_PROTECTED : String(value);
}

/** What a published cell tells a reader about its value. */
export function claimOf(cell: PlanCell, mark: CellMark): Interval {
  if (mark === 'small') return { lo: cell.floor, hi: SUPPRESSION_THRESHOLD - 1 };
  if (mark === 'protected') return { lo: Math.max(cell.floor, SUPPRESSION_THRESHOLD), hi: Infinity };
  return { lo: cell.value, hi: cell.value };
}

const sumOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Narrow every cell's interval by the relations until nothing changes. Returns null when the
 * claims contradict the relations (a mark that lies). Bounds are integers; `hi` may be Infinity.
 */
export function propagate(start: readonly Interval[], relations: readonly Relation[]): Interval[] | null {
  const lo = start.map((i) => i.lo);
  const hi = start.map((i) => i.hi);
  const get = (a: number[], i: number) => a[i] ?? 0;
  const tighten = (i: number, l: number, h: number): boolean => {
    let changed = false;
    if (l > get(lo, i)) {
      lo[i] = l;
      changed = true;
    }
    if (h < get(hi, i)) {
      hi[i] = h;
      changed = true;
    }
    return changed;
  };
  // Bounds only move towards the true values, so this ends; the cap is a guard for lying claims.
  for (let round = 0; round < 10_000; round++) {
    let changed = false;
    for (const r of relations) {
      const partLo = r.parts.map((p) => get(lo, p));
      const partHi = r.parts.map((p) => get(hi, p));
      const sumLo = sumOf(partLo);
      const sumHi = sumOf(partHi);
      const tLo = get(lo, r.total);
      const tHi = get(hi, r.total);
      r.parts.forEach((p, j) => {
        const othersLo = sumLo - (partLo[j] ?? 0);
        // Infinity minus a finite bound stays Infinity; never subtract Infinity from Infinity.
        const othersHi = partHi.reduce((a, b, k) => (k === j ? a : a + b), 0);
        const h = tHi - othersLo;
        const l = r.kind === 'sum' ? tLo - othersHi : -Infinity;
        if (tighten(p, l, h)) changed = true;
      });
      if (tighten(r.total, sumLo, r.kind === 'sum' ? sumHi : Infinity)) changed = true;
    }
    for (let i = 0; i < lo.length; i++) if (get(lo, i) > get(hi, i)) return null;
    if (!changed) break;
  }
  return lo.map((l, i) => ({ lo: l, hi: get(hi, i) }));
}

function auditOf(cells: readonly PlanCell[], marks: readonly CellMark[], relations: readonly Relation[]): Interval[] {
  const claims = cells.map((c, i) => claimOf(c, marks[i] ?? 'shown'));
  // Marks made here are true, so the claims cannot contradict the relations.
  return propagate(claims, relations) ?? claims;
}

/**
 * The width a "<5" cell must keep: all but MAY_RULE_OUT of the values 0–4, or, where that cannot
 * be had, as much as withholding EVERY other cell would leave. Some narrowing comes from the
 * layout and the true "<5" marks alone and no "x" can undo it: three wijken listed under a total
 * of "<5" are each 1 or 2.
 */
function requiredWidths(cells: readonly PlanCell[], relations: readonly Relation[]): number[] {
  const all = auditOf(cells, cells.map((c) => (primaryMark(c.value) === 'small' ? 'small' : 'protected')), relations);
  return all.map((i) => Math.min(i.hi - i.lo, SUPPRESSION_THRESHOLD - 1 - MAY_RULE_OUT));
}

const wideEnough = (required: number | undefined, i: Interval | undefined) => required !== undefined && i !== undefined && i.hi - i.lo >= required;

/**
 * The marks of every cell: primary suppression, then complementary suppression until no "<5"
 * can be narrowed by more than MAY_RULE_OUT values through the published relations.
 */
export function protect(cells: readonly PlanCell[], relations: readonly Relation[]): CellMark[] {
  const marks = cells.map((c) => primaryMark(c.value));
  const required = requiredWidths(cells, relations);
  // A weak cell with nothing left to withhold around it is as protected as this layout allows.
  const givenUp = new Set<number>();
  for (let guard = 0; guard <= 2 * cells.length; guard++) {
    const audit = auditOf(cells, marks, relations);
    const weak = marks.findIndex((m, i) => m === 'small' && !givenUp.has(i) && !wideEnough(required[i], audit[i]));
    if (weak < 0) return marks;
    const pick = complementFor(weak, required, cells, marks, relations);
    if (pick === undefined) givenUp.add(weak);
    else marks[pick] = 'protected';
  }
  return marks;
}

/**
 * The cell to withhold for a weak "<5": among the shown cells of the relations it is in (then of
 * the relations next to those), the smallest that protects it on its own, parts before totals
 * (a total is the most useful figure); if none does alone, the largest, and the caller goes on.
 */
function complementFor(weak: number, required: readonly number[], cells: readonly PlanCell[], marks: readonly CellMark[], relations: readonly Relation[]): number | undefined {
  const reached = new Set([weak]);
  const used = new Set<Relation>();
  for (;;) {
    const level = relations.filter((r) => !used.has(r) && (reached.has(r.total) || r.parts.some((p) => reached.has(p))));
    if (level.length === 0) return undefined;
    for (const r of level) used.add(r);
    const totals = new Set(level.map((r) => r.total));
    const candidates = [...new Set(level.flatMap((r) => [...r.parts, r.total]))]
      .filter((c) => marks[c] === 'shown')
      .sort((a, b) => Number(totals.has(a)) - Number(totals.has(b)) || (cells[a]?.value ?? 0) - (cells[b]?.value ?? 0) || a - b);
    for (const c of candidates) {
      const trial = marks.map((m, i) => (i === c ? 'protected' : m));
      if (wideEnough(required[weak], auditOf(cells, trial, relations)[weak])) return c;
    }
    const parts = candidates.filter((c) => !totals.has(c));
    const fallback = parts.length ? parts[parts.length - 1] : candidates[0];
    if (fallback !== undefined) return fallback;
    for (const r of level) [...r.parts, r.total].forEach((c) => reached.add(c));
  }
}

/**
 * A suppression plan for one export: add every cell and relation of all its tables, then
 * `text(cell)` gives what to print. Marks are computed once, over the whole export.
 */
export function suppressionPlan() {
  const cells: PlanCell[] = [];
  const relations: Relation[] = [];
  let marks: CellMark[] | null = null;
  const plan = {
    /** A count; `floor`: the least a reader knows it is from the layout alone. */
    cell(value: number, floor = 0): number {
      marks = null;
      cells.push({ value, floor });
      return cells.length - 1;
    },
    sum(total: number, parts: readonly number[]): void {
      marks = null;
      relations.push({ kind: 'sum', total, parts });
    },
    atMost(total: number, parts: readonly number[]): void {
      marks = null;
      relations.push({ kind: 'atMost', total, parts });
    },
    marks(): readonly CellMark[] {
      marks ??= protect(cells, relations);
      return marks;
    },
    text(cell: number): string {
      return markText(cells[cell]?.value ?? 0, plan.marks()[cell] ?? 'small');
    },
  };
  return plan;
}

/**
 * The legend of an export's marks, in Dutch like every export, for the marks that occur. It is a
 * table so that it also reaches the CSV (which holds tables only).
 */
export const LEGEND_TITLE = 'Tekens in de tabellen';
export const LEGEND_HEAD = ['Teken', 'Betekenis'] as const;
export const LEGEND_SMALL = `Minder dan ${SUPPRESSION_THRESHOLD} (0 tot en met ${SUPPRESSION_THRESHOLD - 1}). Ook 0 staat zo: ook "geen" zegt iets over een kleine groep.`;
export const LEGEND_PROTECTED = `Afgeschermd: een aantal van ${SUPPRESSION_THRESHOLD} of meer dat is weggelaten, zodat een aantal onder de ${SUPPRESSION_THRESHOLD} niet uit een totaal of een andere tabel is terug te rekenen.`;

export function legendSection(marks: readonly CellMark[]): Section | undefined {
  const rows: (readonly [string, string])[] = [];
  if (marks.includes('small')) rows.push([MARK_SMALL, LEGEND_SMALL]);
  if (marks.includes('protected')) rows.push([MARK_PROTECTED, LEGEND_PROTECTED]);
  if (rows.length === 0) return undefined;
  return {
    id: 'legend',
    title: fixed(LEGEND_TITLE),
    blocks: [{ type: 'table', head: LEGEND_HEAD, rows: rows.map((r) => r.map(fixed)) }],
  };
}
