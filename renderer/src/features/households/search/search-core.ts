import SearchableMap from 'minisearch/SearchableMap';

/**
 * The in-memory search index of the case list: names and narratives, decrypted after unlock.
 * It lives in a Web Worker (search.worker.ts) and is never persisted; a lock reloads the page,
 * which drops it.
 *
 * The list shows households, so the index is kept per household, not per record: every term
 * points to the households whose names or narratives hold it. A query is then a union over the
 * terms that start with each word, intersected across the words — a word may be in a name and
 * the next in a note. (A record-level index answered a common prefix by scoring tens of
 * thousands of records first; docs/adr/0004-performance.md.)
 */
export type SearchDoc = Readonly<{ id: string; householdId: string; text: string }>;

export type SearchRequest =
  | { type: 'replace'; scope: Scope; householdIds: string[]; docs: SearchDoc[] }
  | { type: 'addMany'; docs: SearchDoc[] }
  /** Only these households may be answered (the list's filters); null: all of them. */
  | { type: 'allow'; householdIds: string[] | null }
  /** The best `limit` matches and how many there are in all. */
  | { type: 'search'; seq: number; query: string; limit: number };
export type Scope = 'names' | 'narratives';
export type SearchReply = { type: 'results'; seq: number; householdIds: string[]; total: number };

/**
 * What the search worker also takes: the household keys (sent in parts), then the order to read
 * and decrypt the narratives itself, so that work and its garbage stay off the page's thread.
 */
export type WorkerRequest =
  | SearchRequest
  | { type: 'keys'; keys: (readonly [string, CryptoKey])[] }
  | { type: 'loadNarratives'; dbName: string };
export type WorkerReply =
  | SearchReply
  | { type: 'narratives'; progress: number }
  /** The worker could not read them (closed: the app is replacing the database). */
  | { type: 'narrativesFailed'; closed: boolean };

/** Case, accents and whitespace do not matter when searching. */
export function normaliseTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
}

const SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;

/** The distinct normalised words of a text, in order of appearance. */
export function termsOf(text: string): string[] {
  const out = new Set<string>();
  for (const raw of text.split(SEPARATORS)) {
    const t = normaliseTerm(raw);
    if (t) out.add(t);
  }
  return [...out];
}

/** Which households hold a term, per scope (household numbers, see CaseSearch.number). */
type Posting = { names: Set<number>; narratives: Set<number> };

/**
 * How well a household matches one query word: names before narratives (a worker searching "Jan"
 * looks for Jan first), a whole word before a word that only starts with it, a typo last.
 */
const WEIGHT = {
  names: { exact: 6, prefix: 5, fuzzy: 4 },
  narratives: { exact: 3, prefix: 2, fuzzy: 1 },
} as const;

/** Words this long or longer also match with one typo per five letters. */
const FUZZY_FROM = 5;

export class CaseSearch {
  private readonly terms = new SearchableMap<Posting>();
  private readonly householdIds: string[] = [];
  private readonly numbers = new Map<string, number>();
  /** Per scope and household, the postings it is in: so its terms can be taken out again. */
  private readonly held: Record<Scope, Map<number, Posting[]>> = { names: new Map(), narratives: new Map() };
  /** The households the list's filters let through, by id; null when there is no filter. */
  private allowed: ReadonlySet<string> | null = null;
  /** The same by household number (rebuilt lazily: numbers are added as households arrive). */
  private allowedMask: Uint8Array | null = null;

  /** Restrict answers to these households (the case list's filters), or lift the restriction. */
  allow(householdIds: readonly string[] | null): void {
    this.allowed = householdIds ? new Set(householdIds) : null;
    this.allowedMask = null;
  }

  private mask(): Uint8Array | null {
    if (!this.allowed) return null;
    if (this.allowedMask?.length !== this.householdIds.length) {
      const mask = new Uint8Array(this.householdIds.length);
      for (const id of this.allowed) {
        const n = this.numbers.get(id);
        if (n !== undefined) mask[n] = 1;
      }
      this.allowedMask = mask;
    }
    return this.allowedMask;
  }

  private number(householdId: string): number {
    let n = this.numbers.get(householdId);
    if (n === undefined) {
      n = this.householdIds.length;
      this.householdIds.push(householdId);
      this.numbers.set(householdId, n);
    }
    return n;
  }

  private add(scope: Scope, doc: SearchDoc): void {
    const n = this.number(doc.householdId);
    let held = this.held[scope].get(n);
    if (!held) {
      held = [];
      this.held[scope].set(n, held);
    }
    for (const term of termsOf(doc.text)) {
      let posting = this.terms.get(term);
      if (!posting) {
        posting = { names: new Set(), narratives: new Set() };
        this.terms.set(term, posting);
      }
      const set = posting[scope];
      if (!set.has(n)) {
        set.add(n);
        held.push(posting);
      }
    }
  }

  private clear(scope: Scope, householdId: string): void {
    const n = this.numbers.get(householdId);
    if (n === undefined) return;
    for (const posting of this.held[scope].get(n) ?? []) posting[scope].delete(n);
    this.held[scope].delete(n);
  }

  /** Replace what `scope` holds for these households (their docs are all in `docs`). */
  replace(scope: Scope, householdIds: readonly string[], docs: readonly SearchDoc[]): void {
    for (const id of householdIds) this.clear(scope, id);
    for (const d of docs) this.add(scope, d);
  }

  /** Narrative records arriving while the index is built after unlock. */
  addMany(docs: readonly SearchDoc[]): void {
    for (const d of docs) this.add('narratives', d);
  }

  /**
   * Household ids matching every word of the query (as a word start), best first: the first
   * `limit` of them (what the list shows) and how many match in all (what it counts).
   */
  page(query: string, limit: number): { householdIds: string[]; total: number } {
    const mask = this.mask();
    const ranked = this.rank(query);
    const householdIds: string[] = [];
    let total = 0;
    for (const n of ranked) {
      if (mask && !mask[n]) continue;
      total++;
      const id = this.householdIds[n];
      if (householdIds.length < limit && id !== undefined) householdIds.push(id);
    }
    return { householdIds, total };
  }

  /** Household ids matching every word of the query (as a word start), best first; filters not applied. */
  search(query: string): string[] {
    return this.rank(query)
      .map((n) => this.householdIds[n])
      .filter((id): id is string => id !== undefined);
  }

  /** Household numbers matching every word, best first. */
  private rank(query: string): number[] {
    const words = termsOf(query);
    if (words.length === 0) return [];
    const count = this.householdIds.length;
    // Scores per household number in typed arrays: a common prefix touches most households, and
    // an array write per posting is far cheaper than a Map update.
    let total: Uint16Array | null = null;
    for (const word of words) {
      const best = new Uint8Array(count);
      const bump = (set: ReadonlySet<number>, weight: number) => {
        for (const n of set) if ((best[n] ?? 0) < weight) best[n] = weight;
      };
      for (const [term, posting] of this.terms.atPrefix(word)) {
        const kind = term === word ? 'exact' : 'prefix';
        bump(posting.names, WEIGHT.names[kind]);
        bump(posting.narratives, WEIGHT.narratives[kind]);
      }
      if (word.length >= FUZZY_FROM) {
        for (const [, [posting]] of this.terms.fuzzyGet(word, Math.floor(word.length / FUZZY_FROM))) {
          bump(posting.names, WEIGHT.names.fuzzy);
          bump(posting.narratives, WEIGHT.narratives.fuzzy);
        }
      }
      let any = false;
      if (total === null) {
        total = new Uint16Array(best);
        any = best.some((w) => w > 0);
      } else {
        // Every word must match: a household without this word drops out.
        for (let n = 0; n < count; n++) {
          const w = best[n] ?? 0;
          total[n] = w && total[n] ? (total[n] ?? 0) + w : 0;
          if (total[n]) any = true;
        }
      }
      if (!any) return [];
    }
    // Best score first; among equals, the order households were first indexed in (stable).
    // Scores are small whole numbers, so households are bucketed by score instead of sorted.
    const buckets: number[][] = [];
    for (let n = 0; n < count; n++) {
      const score = total?.[n] ?? 0;
      if (score) (buckets[score] ??= []).push(n);
    }
    const out: number[] = [];
    for (let score = buckets.length - 1; score > 0; score--) for (const n of buckets[score] ?? []) out.push(n);
    return out;
  }

  handle(msg: SearchRequest): SearchReply | undefined {
    switch (msg.type) {
      case 'replace':
        this.replace(msg.scope, msg.householdIds, msg.docs);
        return undefined;
      case 'addMany':
        this.addMany(msg.docs);
        return undefined;
      case 'allow':
        this.allow(msg.householdIds);
        return undefined;
      case 'search':
        return { type: 'results', seq: msg.seq, ...this.page(msg.query, msg.limit) };
    }
  }
}
