import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CaseFile } from '@shared/domain/casefile-rules';
import type { Household } from '@shared/domain/household';
import { loadAllNarratives, loadNarrativesElsewhere, type NarrativeSource } from '../../../data/stores/casefile/search';
import { CaseSearch, type WorkerReply, type WorkerRequest } from './search-core';
import { docsOfBatch, nameDoc, narrativeDocs } from './search-docs';

export type SearchStatus = Readonly<{ namesReady: boolean; narrativesProgress: number; failed: boolean }>;

/** Household keys go to the worker in parts of this many, so no one message blocks the page. */
const KEY_PART = 1000;

type WorkerOutcome = 'done' | 'failed' | 'closed';

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
  /** Settles the worker's narrative read (see readInWorker). */
  private settleNarratives: ((outcome: WorkerOutcome) => void) | null = null;

  private post(msg: WorkerRequest): void {
    if (typeof Worker === 'undefined') {
      // In-thread (unit tests): the narratives are read on this thread (startNarratives).
      if (msg.type === 'keys' || msg.type === 'loadNarratives') return;
      this.local ??= new CaseSearch();
      const reply = this.local.handle(msg);
      if (reply) this.receive(reply);
      return;
    }
    if (!this.worker) {
      this.worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<WorkerReply>) => this.receive(e.data);
    }
    this.worker.postMessage(msg);
  }

  private receive(reply: WorkerReply) {
    switch (reply.type) {
      case 'results': {
        const resolve = this.pending.get(reply.seq);
        this.pending.delete(reply.seq);
        resolve?.({ ids: reply.householdIds, total: reply.total });
        return;
      }
      case 'narratives':
        this.setStatus({ narrativesProgress: reply.progress });
        if (reply.progress >= 1) this.settleNarratives?.('done');
        return;
      case 'narrativesFailed':
        this.settleNarratives?.(reply.closed ? 'closed' : 'failed');
        return;
    }
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
    const here = () =>
      loadAllNarratives((batch, fraction) => {
        const docs = docsOfBatch(batch);
        if (docs.length) this.post({ type: 'addMany', docs });
        this.setStatus({ narrativesProgress: fraction });
      });
    // Where there is a worker, it reads and decrypts the narratives itself: 250,000 records at
    // 10,000 households, whose decryption and garbage kept the page's thread busy for seconds
    // (docs/adr/0004-performance.md, finding 11). Should it fail, they are read here instead.
    const run = typeof Worker === 'undefined' ? here() : loadNarrativesElsewhere((source) => this.readInWorker(source)).then((outcome) => (outcome === 'failed' ? here() : undefined));
    run.catch(() => this.setStatus({ failed: true }));
  }

  /** Hand the keys to the worker in parts, have it read the narratives, and wait for its outcome. */
  private async readInWorker(source: NarrativeSource): Promise<WorkerOutcome> {
    const outcome = new Promise<WorkerOutcome>((resolve) => {
      this.settleNarratives = (o) => {
        this.settleNarratives = null;
        resolve(o);
      };
    });
    for (let i = 0; i < source.keys.length; i += KEY_PART) {
      this.post({ type: 'keys', keys: source.keys.slice(i, i + KEY_PART) });
      if (i + KEY_PART < source.keys.length) await new Promise((r) => setTimeout(r, 0));
    }
    this.post({ type: 'loadNarratives', dbName: source.dbName });
    return outcome;
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
