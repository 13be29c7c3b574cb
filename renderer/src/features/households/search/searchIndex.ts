import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CaseFile } from '@shared/domain/casefile-rules';
import type { Household } from '@shared/domain/household';
import { loadAllNarratives, type NarrativeBatch } from '../../../data/repositories/casefile-search';
import { CaseSearch, type SearchDoc, type SearchReply, type SearchRequest } from './search-core';

/** What is searchable per record: the words people wrote, never ids or codes. */
function docsOfBatch(batch: NarrativeBatch): SearchDoc[] {
  switch (batch.table) {
    case 'intakes':
      return batch.records.map((r) => ({ id: `i:${r.id}`, householdId: r.householdId, text: r.question }));
    case 'assessments':
      return batch.records.map((r) => ({ id: `a:${r.id}`, householdId: r.householdId, text: r.narrative }));
    case 'goals':
      return batch.records.map((r) => ({ id: `g:${r.id}`, householdId: r.householdId, text: r.text }));
    case 'actions':
      return batch.records.map((r) => ({ id: `x:${r.id}`, householdId: r.householdId, text: [r.text, r.result ?? ''].join(' ') }));
    case 'notes':
      return batch.records.map((r) => ({ id: `n:${r.id}`, householdId: r.householdId, text: r.text }));
    case 'handovers':
      return batch.records.map((r) => ({ id: `o:${r.id}`, householdId: r.householdId, text: `${r.reason} ${r.note}` }));
  }
}

export function narrativeDocs(cf: CaseFile): SearchDoc[] {
  return [
    ...docsOfBatch({ table: 'intakes', records: [...cf.intakes] }),
    ...docsOfBatch({ table: 'assessments', records: [...cf.assessments] }),
    ...docsOfBatch({ table: 'goals', records: [...cf.goals] }),
    ...docsOfBatch({ table: 'actions', records: [...cf.actions] }),
    ...docsOfBatch({ table: 'notes', records: [...cf.notes] }),
    ...docsOfBatch({ table: 'handovers', records: [...cf.handovers] }),
  ];
}

export function nameDoc(h: Household): SearchDoc {
  const names = h.members.map((m) => `${m.firstName} ${m.lastName ?? ''}`).join(' ');
  return { id: `h:${h.id}`, householdId: h.id, text: `${h.displayName} ${names}` };
}

export type SearchStatus = Readonly<{ namesReady: boolean; narrativesProgress: number; failed: boolean }>;

/**
 * The app's one search index, in a Web Worker (in-thread where Workers do not exist, e.g. unit
 * tests). Built after unlock from decrypted data; never written anywhere. Lock reloads the page.
 */
class SearchClient {
  private worker: Worker | null = null;
  private local: CaseSearch | null = null;
  private seq = 0;
  private readonly pending = new Map<number, (page: SearchPage) => void>();
  private allowed: readonly Household[] | null | undefined = undefined;
  private readonly seen = new Map<string, string>();
  private narrativesStarted = false;
  private synced: readonly Household[] | null = null;
  private status: SearchStatus = { namesReady: false, narrativesProgress: 0, failed: false };
  private readonly listeners = new Set<() => void>();

  private post(msg: SearchRequest): void {
    if (typeof Worker === 'undefined') {
      this.local ??= new CaseSearch();
      const reply = this.local.handle(msg);
      if (reply) this.receive(reply);
      return;
    }
    if (!this.worker) {
      this.worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<SearchReply>) => this.receive(e.data);
    }
    this.worker.postMessage(msg);
  }

  private receive(reply: SearchReply) {
    const resolve = this.pending.get(reply.seq);
    this.pending.delete(reply.seq);
    resolve?.({ ids: reply.householdIds, total: reply.total });
  }

  private setStatus(patch: Partial<SearchStatus>) {
    this.status = { ...this.status, ...patch };
    for (const l of this.listeners) l();
  }

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  getStatus = () => this.status;

  /** Index the names of households that are new or changed since the last call. */
  syncHouseholds(households: readonly Household[]): void {
    // The same cached list again (the list page mounted anew): nothing can have changed.
    if (households === this.synced) return;
    this.synced = households;
    const changed = households.filter((h) => this.seen.get(h.id) !== h.updatedAt);
    if (changed.length > 0) {
      for (const h of changed) this.seen.set(h.id, h.updatedAt);
      this.post({ type: 'replace', scope: 'names', householdIds: changed.map((h) => h.id), docs: changed.map(nameDoc) });
    }
    if (!this.status.namesReady) this.setStatus({ namesReady: true });
    this.startNarratives();
  }

  private startNarratives() {
    if (this.narrativesStarted) return;
    this.narrativesStarted = true;
    loadAllNarratives((batch, fraction) => {
      const docs = docsOfBatch(batch);
      if (docs.length) this.post({ type: 'addMany', docs });
      this.setStatus({ narrativesProgress: fraction });
    }).catch(() => this.setStatus({ failed: true }));
  }

  /** After a write: the household's narratives as they are now. */
  reindexCaseFile(cf: CaseFile): void {
    this.post({ type: 'replace', scope: 'narratives', householdIds: [cf.household.id], docs: narrativeDocs(cf) });
  }

  /** The households the list's filters let through (null: no filter); sent only when it changed. */
  allow(households: readonly Household[] | null): void {
    if (households === this.allowed) return;
    this.allowed = households;
    this.post({ type: 'allow', householdIds: households ? households.map((h) => h.id) : null });
  }

  /** The best `limit` matches among the allowed households, and how many match in all. */
  search(query: string, limit: number): Promise<SearchPage> {
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pending.set(seq, resolve);
      this.post({ type: 'search', seq, query, limit });
    });
  }
}

export const searchIndex = new SearchClient();

export function useSearchStatus(): SearchStatus {
  return useSyncExternalStore(searchIndex.subscribe, searchIndex.getStatus);
}

/** Queries shorter than this show the whole list: one letter matches nearly everything. */
export const MIN_QUERY = 2;

export type SearchPage = Readonly<{ ids: readonly string[]; total: number }>;
export type SearchHits = Readonly<{ query: string; ids: readonly string[]; total: number }>;

/**
 * The households matching the query among `allowed` (the list after its filters), best first:
 * the first `limit` ids, the total, and the (trimmed) query they answer, so the list can say
 * which query its rows belong to; null while there is no query to search. The worker filters and
 * pages, so a keystroke costs the page the list shows, not a pass over every match.
 */
export function useSearchResults(
  query: string,
  households: readonly Household[] | undefined,
  allowed: readonly Household[] | null,
  limit: number,
): SearchHits | null {
  const [result, setResult] = useState<SearchHits | null>(null);
  const status = useSearchStatus();
  useEffect(() => {
    if (households) searchIndex.syncHouseholds(households);
  }, [households]);
  const q = query.trim();
  useEffect(() => {
    if (q.length < MIN_QUERY) return;
    let live = true;
    // The filter goes out before the search it applies to (the worker handles messages in order).
    searchIndex.allow(allowed);
    void searchIndex.search(q, limit).then((page) => {
      if (live) setResult({ query: q, ids: page.ids, total: page.total });
    });
    return () => {
      live = false;
    };
    // Re-run as narratives arrive, so a search typed early fills in as the index grows.
  }, [q, households, allowed, limit, status.narrativesProgress]);
  if (q.length < MIN_QUERY) return null;
  // Until the answer for this query arrives, the previous answer stays on screen (no flicker).
  return result ?? { query: '', ids: [], total: 0 };
}
