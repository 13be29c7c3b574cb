import MiniSearch from 'minisearch';

/**
 * The in-memory search index of the case list: names and narratives, decrypted after unlock.
 * It lives in a Web Worker (search.worker.ts) and is never persisted; a lock reloads the page,
 * which drops it. Documents are per record, so one household can be re-indexed without
 * rebuilding the rest; results are household ids, best first.
 */
export type SearchDoc = Readonly<{ id: string; householdId: string; text: string }>;

export type SearchRequest =
  | { type: 'replace'; scope: Scope; householdIds: string[]; docs: SearchDoc[] }
  | { type: 'addMany'; docs: SearchDoc[] }
  | { type: 'search'; seq: number; query: string };
export type Scope = 'names' | 'narratives';
export type SearchReply = { type: 'results'; seq: number; householdIds: string[] };

/** Case, accents and whitespace do not matter when searching. */
export function normaliseTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
}

export class CaseSearch {
  private readonly index = new MiniSearch<SearchDoc>({
    fields: ['text'],
    storeFields: ['householdId'],
    processTerm: (t) => normaliseTerm(t),
    searchOptions: { prefix: true, fuzzy: (term) => (term.length > 4 ? 0.2 : 0), combineWith: 'AND' },
  });
  /** Doc ids per household and scope, so a household's docs can be replaced. */
  private readonly owned = new Map<string, Set<string>>();

  private scopeKey(householdId: string, scope: string) {
    return `${scope}:${householdId}`;
  }

  private put(doc: SearchDoc, scope: string) {
    const key = this.scopeKey(doc.householdId, scope);
    const set = this.owned.get(key) ?? new Set<string>();
    if (this.index.has(doc.id)) this.index.discard(doc.id);
    this.index.add(doc);
    set.add(doc.id);
    this.owned.set(key, set);
  }

  /** Replace what `scope` holds for these households (their docs are all in `docs`). */
  replace(scope: Scope, householdIds: readonly string[], docs: readonly SearchDoc[]): void {
    for (const householdId of householdIds) {
      const key = this.scopeKey(householdId, scope);
      for (const id of this.owned.get(key) ?? []) if (this.index.has(id)) this.index.discard(id);
      this.owned.delete(key);
    }
    for (const d of docs) this.put(d, scope);
  }

  addMany(docs: readonly SearchDoc[]): void {
    for (const d of docs) this.put(d, 'narratives');
  }

  search(query: string): string[] {
    const q = query.trim();
    if (!q) return [];
    const seen = new Set<string>();
    const out: string[] = [];
    for (const r of this.index.search(q)) {
      const h = String(r.householdId);
      if (!seen.has(h)) {
        seen.add(h);
        out.push(h);
      }
    }
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
      case 'search':
        return { type: 'results', seq: msg.seq, householdIds: this.search(msg.query) };
    }
  }
}
