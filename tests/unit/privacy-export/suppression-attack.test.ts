import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action, Assessment } from '@shared/domain/casefile';
import { ACTION_LAYERS, ACTION_STATUSES } from '@shared/domain/casefile';
import type { Knelpunt, KnelpuntCategory } from '@shared/domain/feedback';
import { KNELPUNT_CATEGORIES } from '@shared/domain/feedback';
import { HOUSEHOLD_STATUSES, type Household } from '@shared/domain/household';
import { DEFAULT_LIFE_DOMAINS } from '@shared/domain/partners';
import type { Block, ExportDocument } from '@shared/export/document';
import { projectManagementFigures } from '@shared/export/figures';
import { projectKnelpunten, type KnelpuntenLabels } from '@shared/export/knelpunten';
import { nlDate } from '@shared/export/labels';

/**
 * The attacker: someone holding one export and a pencil, who knows how it is made. They read
 * every published cell of ALL its tables, write down every relation the export publishes (a row
 * and its total; the wijk counts add up to the households' total of another table; a domain's
 * scores add up to no more than that total; a category holds at least the barriers listed under
 * it), and then, again and again, solve each relation for its unknowns as far as it goes
 * (one unknown: its value; several: bounds from the known sum) until nothing changes.
 * This is written independently of shared/export/suppression.ts on purpose.
 */

type Bound = { lo: number; hi: number };
/** A relation: Σ parts = total (eq) or Σ parts ≤ total (le); a term is a cell id or a known constant. */
type Rel = { kind: 'eq' | 'le'; total: string; parts: string[] };
/** `floors`: what the layout tells anyway (a listed wijk has at least 1 household). */
type Published = { text: Map<string, string>; rels: Rel[]; constants: Map<string, number>; floors?: Map<string, number> };

function claim(text: string, floor = 0): Bound {
  if (text === '<5') return { lo: floor, hi: 4 };
  // An "x" is, by the export's own legend, a count of 5 or more that is withheld.
  if (text === 'x') return { lo: Math.max(5, floor), hi: Infinity };
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a count: ${text}`);
  return { lo: n, hi: n };
}

/** Repeatedly solve every relation; null when the published cells contradict each other. */
function attack(start: Map<string, Bound>, rels: readonly Rel[]): Map<string, Bound> | null {
  const b = new Map([...start].map(([k, v]) => [k, { ...v }]));
  const at = (k: string): Bound => {
    const v = b.get(k);
    if (!v) throw new Error(`unknown cell ${k}`);
    return v;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of rels) {
      const t = at(r.total);
      for (const p of r.parts) {
        const others = r.parts.filter((q, i) => r.parts.indexOf(p) !== i);
        const minOthers = others.reduce((s, q) => s + at(q).lo, 0);
        const maxOthers = others.reduce((s, q) => s + at(q).hi, 0);
        const cell = at(p);
        const hi = Math.min(cell.hi, t.hi - minOthers);
        const lo = r.kind === 'eq' ? Math.max(cell.lo, t.lo - maxOthers) : cell.lo;
        if (hi < cell.hi || lo > cell.lo) [cell.hi, cell.lo, changed] = [hi, lo, true];
      }
      const sumLo = r.parts.reduce((s, q) => s + at(q).lo, 0);
      const sumHi = r.parts.reduce((s, q) => s + at(q).hi, 0);
      const lo = Math.max(t.lo, sumLo);
      const hi = r.kind === 'eq' ? Math.min(t.hi, sumHi) : t.hi;
      if (hi < t.hi || lo > t.lo) [t.hi, t.lo, changed] = [hi, lo, true];
    }
    for (const v of b.values()) if (v.lo > v.hi) return null;
  }
  return b;
}

/**
 * What the reader would learn if every cell were withheld ("<5" where true, "x" elsewhere): the
 * layout and the true small marks alone (three wijken listed under a total "<5" are each 1 or 2).
 * No suppression can do better than that.
 */
function allWithheld(pub: Published, truth: ReadonlyMap<string, number>): Map<string, Bound> {
  const m = new Map<string, Bound>();
  for (const k of pub.text.keys()) m.set(k, claim((truth.get(k) ?? 0) < 5 ? '<5' : 'x', pub.floors?.get(k)));
  for (const [k, n] of pub.constants) m.set(k, { lo: n, hi: n });
  return attack(m, pub.rels) ?? m;
}

function startOf(pub: Published, relax?: string): Map<string, Bound> {
  const m = new Map<string, Bound>();
  for (const [k, t] of pub.text) m.set(k, k === relax ? { lo: 0, hi: Infinity } : claim(t, pub.floors?.get(k)));
  for (const [k, n] of pub.constants) m.set(k, { lo: n, hi: n });
  return m;
}

/** What the attacker learns, checked against the true counts. Returns the problems found. */
function breaches(pub: Published, truth: ReadonlyMap<string, number>): string[] {
  const problems: string[] = [];
  const learned = attack(startOf(pub), pub.rels);
  const best = allWithheld(pub, truth);
  if (!learned) return ['the published cells contradict each other: some mark is not true'];
  for (const [k, t] of pub.text) {
    const value = truth.get(k);
    if (value === undefined) throw new Error(`no true value for ${k}`);
    const bound = learned.get(k);
    // A "<5" shown to be 5 or more: relax its own claim and see what the rest forces. (Bounds
    // only ever close in on true values, so a "<5" that is true can never be shown to be 5 or
    // more: the check runs where it can find something, to keep the property test quick.)
    if (t === '<5' && value >= 5) {
      const without = attack(startOf(pub, k), pub.rels)?.get(k);
      if (without && without.lo >= 5) problems.push(`${k} is marked "<5" but is at least ${without.lo}`);
    }
    // Derivable: the reader rules out more than one of the values 0–4, beyond what withholding
    // everything would still let them rule out.
    const b = best.get(k);
    const required = Math.min(3, b ? b.hi - b.lo : 3);
    if (value < 5 && bound && (t !== '<5' || bound.hi - bound.lo < required)) {
      problems.push(`${k} (a count of ${value}) is derivable to ${bound.lo}..${bound.hi} from "${t}"`);
    }
  }
  return problems;
}

// --- Reading an export as the attacker does ----------------------------------------------------

function tableOf(doc: ExportDocument, sectionId: string): Extract<Block, { type: 'table' }> | undefined {
  const block = doc.sections.find((s) => s.id === sectionId)?.blocks.find((bl) => bl.type === 'table');
  return block?.type === 'table' ? block : undefined;
}

type FiguresWorld = {
  households: Pick<Household, 'id' | 'status' | 'wijk'>[];
  actions: Pick<Action, 'layer' | 'status'>[];
  assessments: Assessment[];
};

function figuresDoc(w: FiguresWorld): ExportDocument {
  return projectManagementFigures({ ...w, meetings: [], items: [], domains: DEFAULT_LIFE_DOMAINS, today: '2026-12-03', madeOn: '2026-12-03' }).document;
}

/** The published cells and relations of the management figures, and the true counts behind them. */
function readFigures(doc: ExportDocument, w: FiguresWorld): { pub: Published; truth: Map<string, number> } {
  const text = new Map<string, string>();
  const truth = new Map<string, number>();
  const floors = new Map<string, number>();
  const rels: Rel[] = [];
  const put = (id: string, t: string | undefined, value: number) => {
    if (t === undefined) throw new Error(`missing cell ${id}`);
    text.set(id, t);
    truth.set(id, value);
  };

  const statusRow = tableOf(doc, 'households')?.rows[0] ?? [];
  HOUSEHOLD_STATUSES.forEach((s, i) => put(`status:${s}`, statusRow[i]?.text, w.households.filter((h) => h.status === s).length));
  put('status:total', statusRow[HOUSEHOLD_STATUSES.length]?.text, w.households.length);
  rels.push({ kind: 'eq', total: 'status:total', parts: HOUSEHOLD_STATUSES.map((s) => `status:${s}`) });

  // The wijken add up to the households' total shown in the other table.
  const wijkRows = tableOf(doc, 'wijken')?.rows ?? [];
  for (const row of wijkRows) {
    const name = row[0]?.text ?? '';
    put(`wijk:${name}`, row[1]?.text, w.households.filter((h) => h.wijk === name).length);
    // A wijk is listed because it has a household: its row is at least 1.
    floors.set(`wijk:${name}`, 1);
  }
  rels.push({ kind: 'eq', total: 'status:total', parts: wijkRows.map((r) => `wijk:${r[0]?.text ?? ''}`) });

  const actionRows = tableOf(doc, 'actions')?.rows ?? [];
  ACTION_LAYERS.forEach((layer, li) => {
    const row = actionRows[li] ?? [];
    ACTION_STATUSES.forEach((st, si) => put(`action:${layer}:${st}`, row[si + 1]?.text, w.actions.filter((a) => a.layer === layer && a.status === st).length));
    put(`action:${layer}:total`, row[ACTION_STATUSES.length + 1]?.text, w.actions.filter((a) => a.layer === layer).length);
    rels.push({ kind: 'eq', total: `action:${layer}:total`, parts: ACTION_STATUSES.map((st) => `action:${layer}:${st}`) });
  });

  // Each household has at most one latest score per domain: a domain's row is at most the total.
  const scoreRows = tableOf(doc, 'scores')?.rows ?? [];
  DEFAULT_LIFE_DOMAINS.filter((d) => d.active).forEach((d, di) => {
    const row = scoreRows[di] ?? [];
    const scores = [1, 2, 3, 4, 5];
    scores.forEach((s, si) => put(`score:${d.id}:${s}`, row[si + 1]?.text, w.assessments.filter((a) => a.domainId === d.id && a.score === s).length));
    rels.push({ kind: 'le', total: 'status:total', parts: scores.map((s) => `score:${d.id}:${s}`) });
  });
  return { pub: { text, rels, constants: new Map(), floors }, truth };
}

function household(id: string, status: Household['status'], wijk: string) {
  return { id, status, wijk };
}
function many(n: number, status: Household['status'], wijk: string, prefix: string) {
  return Array.from({ length: n }, (_, i) => household(`${prefix}${i}`, status, wijk));
}

describe('attacker: management figures', () => {
  it('a small wijk (1 household) among large ones cannot be worked back from the per-status total', () => {
    const w: FiguresWorld = {
      households: [...many(30, 'actief', 'Centrum', 'c'), ...many(22, 'actief', 'Noord', 'n'), household('z', 'aangemeld', 'Zuid')],
      actions: [],
      assessments: [],
    };
    const doc = figuresDoc(w);
    const { pub, truth } = readFigures(doc, w);
    expect(pub.text.get('status:total')).toBe('53');
    expect(pub.text.get('wijk:Zuid')).toBe('<5');
    expect(breaches(pub, truth)).toEqual([]);
  });

  it('two cells of one row are never both "<5" when they add up to 44', () => {
    const w: FiguresWorld = {
      households: [...many(4, 'aangemeld', 'Centrum', 'a'), ...many(120, 'actief', 'Centrum', 'b'), ...many(40, 'in_evaluatie', 'Centrum', 'c'), ...many(100, 'afgesloten', 'Centrum', 'd')],
      actions: [],
      assessments: [],
    };
    const { pub, truth } = readFigures(figuresDoc(w), w);
    expect(pub.text.get('status:total')).toBe('264');
    for (const [k, t] of pub.text) if (t === '<5') expect(truth.get(k), k).toBeLessThan(5);
    expect(breaches(pub, truth)).toEqual([]);
  });

  it('an action row whose only small cell sits next to a cell of exactly 5 keeps the small cell open', () => {
    const w: FiguresWorld = {
      households: many(12, 'actief', 'Centrum', 'h'),
      actions: [
        ...Array.from({ length: 5 }, () => ({ layer: 'netwerk' as const, status: 'open' as const })),
        ...Array.from({ length: 30 }, () => ({ layer: 'netwerk' as const, status: 'gedaan' as const })),
      ],
      assessments: [],
    };
    const { pub, truth } = readFigures(figuresDoc(w), w);
    expect(breaches(pub, truth)).toEqual([]);
  });

  it('a domain where every household has a score does not reveal that nobody scores 1 to 3', () => {
    const assess = (i: number, score: number): Assessment => ({
      id: `as${i}`, householdId: `h${i}`, date: '2026-01-01', domainId: 'financien', score, narrative: 'n', createdAt: '2026-01-01T00:00:00.000Z',
    });
    const w: FiguresWorld = {
      households: many(12, 'actief', 'Centrum', 'h'),
      actions: [],
      assessments: [...Array.from({ length: 7 }, (_, i) => assess(i, 4)), ...Array.from({ length: 5 }, (_, i) => assess(i + 7, 5))],
    };
    const { pub, truth } = readFigures(figuresDoc(w), w);
    expect(breaches(pub, truth)).toEqual([]);
  });

  it('property: no random small municipality yields a derivable small cell or a "<5" that is 5 or more', () => {
    const wijken = ['Centrum', 'Noord', 'Oost', 'Zuid'];
    const world = fc.record({
      // At least one household: with none the export is about nobody (an empty wijk table says so).
      households: fc.array(fc.record({ status: fc.constantFrom(...HOUSEHOLD_STATUSES), wijk: fc.constantFrom(...wijken) }), { minLength: 1, maxLength: 40 }),
      actions: fc.array(fc.record({ layer: fc.constantFrom(...ACTION_LAYERS), status: fc.constantFrom(...ACTION_STATUSES) }), { maxLength: 40 }),
      scores: fc.array(fc.record({ domain: fc.constantFrom('financien', 'werk'), score: fc.integer({ min: 1, max: 5 }) }), { maxLength: 40 }),
    });
    fc.assert(
      fc.property(world, (r) => {
        const households = r.households.map((h, i) => household(`h${i}`, h.status, h.wijk));
        // At most one latest score per household and domain, as the app keeps them.
        const seen = new Set<string>();
        const assessments: Assessment[] = [];
        r.scores.forEach((s, i) => {
          const hh = households[i % Math.max(1, households.length)];
          if (!hh || seen.has(`${hh.id}:${s.domain}`)) return;
          seen.add(`${hh.id}:${s.domain}`);
          assessments.push({ id: `as${i}`, householdId: hh.id, date: '2026-01-01', domainId: s.domain, score: s.score, narrative: 'n', createdAt: '2026-01-01T00:00:00.000Z' });
        });
        const w: FiguresWorld = { households, actions: r.actions, assessments };
        const { pub, truth } = readFigures(figuresDoc(w), w);
        expect(breaches(pub, truth)).toEqual([]);
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });
});

// --- Knelpunten ----------------------------------------------------------------------------------

const LABELS: KnelpuntenLabels = {
  note: 'Alleen aantallen.', categoriesTitle: 'Per categorie', category: 'Categorie', barriers: 'Knelpunten', households: 'Huishoudens', barrier: 'Knelpunt',
  recurringTitle: 'Terugkerend', noRecurring: 'Geen', categoryLabel: (c) => c,
};

function readKnelpunten(doc: ExportDocument, list: readonly Knelpunt[]): { pub: Published; truth: Map<string, number> } {
  const text = new Map<string, string>();
  const truth = new Map<string, number>();
  const constants = new Map<string, number>();
  const rels: Rel[] = [];
  const rows = tableOf(doc, 'categories')?.rows ?? [];
  const recurring = tableOf(doc, 'recurring')?.rows ?? [];
  KNELPUNT_CATEGORIES.forEach((c: KnelpuntCategory, i) => {
    const row = rows[i] ?? [];
    const inCat = list.filter((k) => k.category === c);
    text.set(`barriers:${c}`, row[1]?.text ?? '');
    truth.set(`barriers:${c}`, inCat.length);
    text.set(`households:${c}`, row[2]?.text ?? '');
    truth.set(`households:${c}`, new Set(inCat.flatMap((k) => k.householdIds)).size);
    // A category holds at least the barriers listed under it, and at least as many households as each.
    const listed = recurring.filter((r) => r[1]?.text === c);
    constants.set(`listed:${c}`, listed.length);
    rels.push({ kind: 'le', total: `barriers:${c}`, parts: [`listed:${c}`] });
    listed.forEach((r, j) => {
      constants.set(`listed:${c}:${j}`, Number(r[2]?.text));
      rels.push({ kind: 'le', total: `households:${c}`, parts: [`listed:${c}:${j}`] });
    });
  });
  return { pub: { text, rels, constants }, truth };
}

describe('attacker: knelpunten export', () => {
  const k = (id: string, category: KnelpuntCategory, hh: string[]): Knelpunt => ({ id, category, title: `Knelpunt ${id}`, householdIds: hh, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });

  it('no household count is derivable, and no "<5" is 5 or more', () => {
    const list = [k('1', 'wachtlijst', ['h1']), k('2', 'regel', ['a', 'b', 'c', 'd', 'e', 'f']), k('3', 'regel', ['a', 'b'])];
    const doc = projectKnelpunten(list, new Map(), LABELS, nlDate, '2026-12-03').document;
    const { pub, truth } = readKnelpunten(doc, list);
    expect(breaches(pub, truth).filter((p) => p.startsWith('households') || p.includes('"<5" but'))).toEqual([]);
  });

  it('one rule for both exports: a count gets the same mark in the knelpunten register as in the figures (zero included)', () => {
    for (const n of [0, 1, 4, 5, 9]) {
      const list = n ? [k('1', 'wachtlijst', Array.from({ length: n }, (_, i) => `h${i}`))] : [];
      const kDoc = projectKnelpunten(list, new Map(), LABELS, nlDate, '2026-12-03').document;
      const kCell = tableOf(kDoc, 'categories')?.rows.find((r) => r[0]?.text === 'wachtlijst')?.[2]?.text;
      const w: FiguresWorld = { households: [...many(n, 'actief', 'Klein', 'k'), ...many(40, 'actief', 'Groot', 'g')], actions: [], assessments: [] };
      const fDoc = figuresDoc(w);
      const fCell = n ? tableOf(fDoc, 'wijken')?.rows.find((r) => r[0]?.text === 'Klein')?.[1]?.text : tableOf(fDoc, 'households')?.rows[0]?.[0]?.text;
      expect(kCell, `knelpunten, ${n}`).toBe(n < 5 ? '<5' : String(n));
      // The figures cell is either the same text, or "x" when it protects another cell.
      expect([kCell, ...(n >= 5 ? ['x'] : [])], `figures, ${n}`).toContain(fCell);
    }
  });

  it('property: random registers never reveal a household count under 5', () => {
    const reg = fc.array(fc.record({ category: fc.constantFrom(...KNELPUNT_CATEGORIES), hh: fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 8 }) }), { maxLength: 12 });
    fc.assert(
      fc.property(reg, (r) => {
        const list = r.map((x, i) => k(`k${i}`, x.category, x.hh.map((h) => `h${h}`)));
        const doc = projectKnelpunten(list, new Map(), LABELS, nlDate, '2026-12-03').document;
        const { pub, truth } = readKnelpunten(doc, list);
        expect(breaches(pub, truth).filter((p) => p.startsWith('households') || p.includes('"<5" but'))).toEqual([]);
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });
});
