import type { CDPSession, Page } from '@playwright/test';
import { measureBackup, type BackupResult } from './backup';
import { installPageTools, installSearchProbe } from './page-tools';
import { floorScript } from './scripts';
import type { FloorResult } from './floor';
import { buildQueries } from './queries';
import { generateTeam } from '@shared/synthetic';
import { SIZES, type SyntheticSize } from '@shared/synthetic/sizes';

/**
 * The benchmark's measurements, shared by `npm run bench` (large, tests/bench/main.ts) and the
 * smoke check inside `npm test` (small, tests/e2e/bench-smoke.spec.ts). Each measurement runs
 * in the page from the triggering event to the painted result (see page-tools.ts).
 */

type Bench = {
  afterPaint(): Promise<number>;
  waitFor(check: () => boolean, timeoutMs?: number, label?: string): Promise<number>;
  longTasks: { start(): void; stop(): number[] };
};
type BenchWindow = { __bench: Bench; __wijktafelFloor: (passphrase: string) => Promise<FloorResult> };

export type Counts = Readonly<{
  unlockRuns: number;
  queries: number;
  opens: number;
  saves: number;
  loopCycles: number;
  /** Wall-clock cap per open/save/loop phase: a slow app ends a phase early (n is reported). */
  phaseSeconds: number;
}>;

export const LARGE_COUNTS: Counts = { unlockRuns: 3, queries: 200, opens: 100, saves: 100, loopCycles: 60, phaseSeconds: 45 };
export const SMOKE_COUNTS: Counts = { unlockRuns: 1, queries: 12, opens: 4, saves: 3, loopCycles: 3, phaseSeconds: 30 };

export type Stats = { n: number; p50: number; p95: number; max: number };

export function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN };
}

/** Samples rounded to 0.1 ms, in the order measured (for the JSON). */
function roundAll(samples: readonly number[]): number[] {
  return samples.map((x) => Math.round(x * 10) / 10);
}

export function median(samples: readonly number[]): number {
  return stats(samples).p50;
}

const LIST_READY = '[data-ready="households"]';
const ROW_LINK = `${LIST_READY} a[href^="#/households/"]:not([href="#/households/new"])`;

async function tools(page: Page): Promise<void> {
  await page.evaluate(installPageTools);
}

/** Load the app locked, on the unlock screen. */
export async function openLocked(page: Page, baseURL: string): Promise<void> {
  // Via about:blank: a goto that differs only in the hash would not reload the app.
  await page.goto('about:blank');
  await page.goto(`${baseURL}/#/households`);
  await page.locator('[data-ready="unlock"]').waitFor({ state: 'visible', timeout: 60_000 });
  await tools(page);
}

/**
 * Unlock to a usable case list (rows rendered and laid out), from the click on "Ontgrendelen";
 * and, not budgeted, until the search index says it is complete (`data-search-ready="true"`).
 */
export async function measureUnlock(
  page: Page,
  baseURL: string,
  passphrase: string,
  waitSearchReady: boolean,
): Promise<{ listMs: number; searchReadyMs: number | null; indexLongTasks: number[] | null }> {
  await openLocked(page, baseURL);
  await page.getByLabel('Wachtzin', { exact: true }).fill(passphrase);
  return page.evaluate(async ({ rowLink, waitSearchReady }) => {
    const b = (window as unknown as BenchWindow).__bench;
    const button = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === 'Ontgrendelen');
    if (!button) throw new Error('bench: no unlock button');
    button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    const t0 = performance.now();
    button.click();
    const t1 = await b.waitFor(() => document.querySelector(rowLink) !== null, 300_000);
    const hasReady = document.querySelector('[data-search-ready]') !== null || document.querySelector('#search-status') !== null;
    const waits = hasReady && waitSearchReady;
    // While the narratives are indexed the list is already in use: how long can the page not answer?
    if (waits) b.longTasks.start();
    const t2 = waits ? await b.waitFor(() => document.querySelector('[data-search-ready="true"]') !== null, 300_000).catch(() => null) : null;
    const indexLongTasks = waits ? b.longTasks.stop() : null;
    return { listMs: t1 - t0, searchReadyMs: t2 === null ? null : t2 - t0, indexLongTasks };
  }, { rowLink: ROW_LINK, waitSearchReady });
}

/** The floor: same records, same key, no app (tests/bench/floor.ts), on the locked page of the same origin. */
export async function measureFloor(page: Page, baseURL: string, passphrase: string): Promise<FloorResult> {
  await openLocked(page, baseURL);
  await page.evaluate(await floorScript());
  return page.evaluate((p) => (window as unknown as BenchWindow).__wijktafelFloor(p), passphrase);
}

export type SearchSignal = 'data-search-query' | 'worker-reply' | 'same-task';
export type SearchResult = {
  keystrokes: Stats;
  queries: number;
  longTasks: number[];
  /** How the end of a keystroke was recognised (see measureSearch). */
  signal: SearchSignal;
  timeouts: number;
};

/**
 * Keystroke to results. Each query is typed one character at a time into the case list's
 * search box (keydown, value, input event, keyup — as a keystroke does), then cleared.
 * A keystroke ends when the results for exactly that text are in the DOM and laid out:
 * - if the list marks its results with `data-search-query="<text>"`, when that matches;
 * - else, if the search runs in a worker (seen by installSearchProbe), when the worker's
 *   reply for that text has arrived and the list has committed it (its next DOM change, or
 *   two tasks later when the results did not change the DOM);
 * - else (synchronous filtering) in the same task, after style and layout.
 * Long tasks on the main thread are observed for the whole typing session, clearing included.
 */
export async function measureSearch(page: Page, queries: readonly string[]): Promise<SearchResult> {
  await tools(page);
  await toList(page);
  const r = await page.evaluate(async (qs) => {
    type Probe = { lastSeq: number; onReply: ((seq: number, query: string) => void) | null };
    const b = (window as unknown as BenchWindow).__bench;
    const probe = (window as unknown as { __benchSearch?: Probe }).__benchSearch;
    const input = document.querySelector<HTMLInputElement>('[data-ready="households"] input[type="search"], input[type="search"]');
    const list = document.querySelector('[data-ready="households"]');
    if (!input || !list) throw new Error('bench: no search box on the case list');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    if (!setter) throw new Error('bench: no value setter');
    const laidOut = () => {
      void document.body.getBoundingClientRect();
      return performance.now();
    };
    const task = () =>
      new Promise<void>((resolve) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve();
        ch.port2.postMessage(0);
      });
    /** The list's next DOM change, or two tasks without one. */
    const committed = () =>
      new Promise<void>((resolve) => {
        let done = false;
        const end = () => {
          if (done) return;
          done = true;
          mo.disconnect();
          resolve();
        };
        const mo = new MutationObserver(end);
        mo.observe(list, { subtree: true, childList: true, characterData: true, attributes: true });
        void task().then(task).then(end);
      });
    const reply = (text: string, after: number, p: Probe) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          p.onReply = null;
          resolve(false);
        }, 10_000);
        p.onReply = (seq, q) => {
          if (seq > after && q === text) {
            p.onReply = null;
            clearTimeout(timer);
            resolve(true);
          }
        };
      });
    const press = (v: string) => {
      const key = v.slice(-1) || 'Backspace';
      input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      setter.call(input, v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true }));
    };
    let signal: 'data-search-query' | 'worker-reply' | 'same-task' = document.querySelector('[data-search-query]') ? 'data-search-query' : 'same-task';
    let timeouts = 0;
    const type = async (v: string) => {
      const before = probe?.lastSeq ?? 0;
      const waiting = probe && v.trim() ? reply(v.trim(), before, probe) : null;
      const t0 = performance.now();
      press(v);
      if (signal === 'data-search-query') {
        await b.waitFor(() => document.querySelector('[data-search-query]')?.getAttribute('data-search-query') === v, 60_000);
      } else if (waiting && probe && probe.lastSeq > before) {
        signal = 'worker-reply';
        if (!(await waiting)) timeouts++;
        await committed();
      } else if (waiting) {
        // No search request went out in this task: a worker search may still follow (deferred render).
        await committed();
        if (probe && probe.lastSeq > before) {
          signal = 'worker-reply';
          if (!(await waiting)) timeouts++;
          await committed();
        } else if (probe) probe.onReply = null;
      } else {
        await committed();
      }
      return laidOut() - t0;
    };
    input.focus();
    const samples: number[] = [];
    b.longTasks.start();
    for (const q of qs) {
      for (let i = 1; i <= q.length; i++) samples.push(await type(q.slice(0, i)));
      await type('');
    }
    const longTasks = b.longTasks.stop();
    return { samples, longTasks, queries: qs.length, signal, timeouts };
  }, queries);
  return { keystrokes: stats(r.samples), queries: r.queries, longTasks: r.longTasks, signal: r.signal, timeouts: r.timeouts };
}

/**
 * Household ids the list links to, in list order, at least `atLeast` of them where the list has
 * that many: "Toon meer" is pressed until enough rows are shown. (A later visit of the list shows
 * its first page again; households further down are then opened through their address, which is
 * what a click on their link does too.)
 */
export async function listedHouseholdIds(page: Page, atLeast = 0): Promise<string[]> {
  return page.evaluate(
    async ({ rowLink, atLeast }) => {
      const b = (window as unknown as BenchWindow).__bench;
      const links = () => document.querySelectorAll(rowLink).length;
      for (;;) {
        const more = document.querySelector<HTMLButtonElement>('.cf-list-more button');
        const before = links();
        if (before >= atLeast || !more) break;
        more.click();
        await b.waitFor(() => links() > before, 30_000, 'more rows');
      }
      return [...document.querySelectorAll(rowLink)].map((a) => (a.getAttribute('href') ?? '').split('/')[2] ?? '').filter(Boolean);
    },
    { rowLink: ROW_LINK, atLeast },
  );
}

/** Back to the case list (not measured). */
async function toList(page: Page): Promise<void> {
  await page.evaluate(async (rowLink) => {
    const b = (window as unknown as BenchWindow).__bench;
    window.location.hash = '#/households';
    await b.waitFor(() => document.querySelector(rowLink) !== null);
  }, ROW_LINK);
}

/**
 * Let the app finish what the last step started (a save's background re-read, the attention
 * recount a second after the last write) before the heap is read: the figure is what stays in
 * memory, not what is in flight at that instant. 1.5 s, then an idle moment.
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        setTimeout(() => requestIdleCallback(() => resolve(), { timeout: 2000 }), 1500);
      }),
  );
}

/** Open a household from the case list: click on its row link → `data-ready="household"` painted. */
export async function measureOpen(page: Page, ids: readonly string[], deadline = Infinity): Promise<number[]> {
  await tools(page);
  const samples: number[] = [];
  for (const id of ids) {
    if (Date.now() > deadline && samples.length >= 5) break;
    await toList(page);
    samples.push(
      await page.evaluate(async (hid) => {
        const b = (window as unknown as BenchWindow).__bench;
        const link = document.querySelector<HTMLAnchorElement>(`a[href="#/households/${hid}"]`);
        (link ?? document.body).dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
        const t0 = performance.now();
        if (link) link.click();
        else window.location.hash = `#/households/${hid}`; // not on the first page of a paged list
        return (await b.waitFor(() => document.querySelector(`[data-ready="household"]`) !== null && window.location.hash.includes(hid))) - t0;
      }, id),
    );
  }
  return samples;
}

/**
 * Save a plan change with encryption, through the UI: on the household's plan tab, an open
 * action is marked "gedaan" with a result (the case file's own action form) and saved → the
 * form is gone and the action shows as done, laid out. The save seals the action (AES-GCM with
 * the household's key) and writes it with its audit entry. Households without an open action
 * are skipped (not measured). Stops at `deadline` (epoch ms) with what it has.
 */
export async function measureSave(page: Page, ids: readonly string[], n: number, deadline = Infinity): Promise<number[]> {
  await tools(page);
  const samples: number[] = [];
  for (const id of ids) {
    if (samples.length >= n || (Date.now() > deadline && samples.length >= 3)) break;
    const sample = await page.evaluate(
      async ({ hid, result }) => {
        const b = (window as unknown as BenchWindow).__bench;
        window.location.hash = `#/households/${hid}/plan`;
        // The previous household's plan stays in the DOM until the new one renders: wait for this one's tab.
        await b.waitFor(
          () => document.querySelector('[data-ready="plan"]') !== null && document.querySelector(`a[href="#/households/${hid}/plan"][aria-current="page"]`) !== null,
          60_000,
          'plan',
        );
        const item = document.querySelector('li[data-testid="action"].cf-action--open');
        const edit = item?.querySelector<HTMLButtonElement>('button.button--link');
        if (!item || !edit) return null;
        edit.click();
        await b.waitFor(() => document.querySelector('li[data-testid="action"] form') !== null, 30_000, 'action form');
        const form = document.querySelector('li[data-testid="action"] form');
        const area = form?.querySelector('textarea');
        if (area) {
          Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(area, result);
          area.dispatchEvent(new Event('input', { bubbles: true }));
        }
        await b.afterPaint();
        const save = form?.querySelector<HTMLButtonElement>('button[type="submit"]');
        if (!save) throw new Error('bench: no save button on the action form');
        const doneBefore = document.querySelectorAll('li[data-testid="action"].cf-action--gedaan').length;
        save.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
        const t0 = performance.now();
        save.click();
        // A form the app refuses (e.g. a rule about this action) counts as skipped, not as a sample.
        const t1 = await b
          .waitFor(
            () =>
              document.querySelector('li[data-testid="action"] form') === null &&
              document.querySelectorAll('li[data-testid="action"].cf-action--gedaan').length === doneBefore + 1,
            10_000,
            'saved action',
          )
          .catch(() => null);
        return t1 === null ? null : t1 - t0;
      },
      { hid: id, result: 'Gelukt; afgesproken in het huisbezoek (benchmark).' },
    );
    if (sample !== null) samples.push(sample);
  }
  return samples;
}

/** JS heap in MB after a full garbage collection: the page's main thread and, when reachable, its workers. */
export async function measureHeap(cdp: CDPSession): Promise<{ mainMB: number; workersMB: number | null }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const workers = await workerHeaps(cdp);
  return { mainMB: usedSize / 1048576, workersMB: workers === null ? null : workers / 1048576 };
}

/**
 * Dedicated workers (search index, KDF) have their own heaps. They are reached through the
 * page's CDP session with Target auto-attach (non-flat), sending GC and getHeapUsage to each.
 */
async function workerHeaps(cdp: CDPSession): Promise<number | null> {
  const sessions: string[] = [];
  const onAttach = (e: { sessionId: string; targetInfo: { type: string } }) => {
    if (e.targetInfo.type === 'worker') sessions.push(e.sessionId);
  };
  cdp.on('Target.attachedToTarget', onAttach);
  try {
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    let id = 1000;
    const pending = new Map<number, (v: unknown) => void>();
    const onMessage = (e: { sessionId?: string; message: string }) => {
      const msg = JSON.parse(e.message) as { id?: number; result?: unknown };
      if (msg.id !== undefined) pending.get(msg.id)?.(msg.result);
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
    const call = (sessionId: string, method: string) =>
      new Promise<unknown>((resolve) => {
        const mid = ++id;
        const timer = setTimeout(() => resolve(null), 5000);
        pending.set(mid, (v) => {
          clearTimeout(timer);
          resolve(v);
        });
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mid, method }) });
      });
    let total = 0;
    for (const s of sessions) {
      await call(s, 'HeapProfiler.collectGarbage');
      const r = (await call(s, 'Runtime.getHeapUsage')) as { usedSize?: number } | null;
      total += r?.usedSize ?? 0;
    }
    cdp.off('Target.receivedMessageFromTarget', onMessage);
    await cdp.send('Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false, flatten: false });
    return sessions.length > 0 ? total : 0;
  } catch {
    return null;
  } finally {
    cdp.off('Target.attachedToTarget', onAttach);
  }
}

export type Figure = {
  id: string;
  label: string;
  value: number | null;
  unit: string;
  budget: string;
  /** null: not measured (n/a) or no budget. */
  pass: boolean | null;
  note?: string;
};

export type BenchResult = {
  size: string;
  households: number;
  startedAt: string;
  figures: Figure[];
  raw: Record<string, unknown>;
};

/**
 * A meeting pack and its PDF, through the meeting feature's export screen. The newest meeting of
 * the synthetic municipality has `casesPerMeeting` cases (25 in the large size). Measured:
 * navigation to `#/meetings/<id>/export/meeting_pack` → `data-ready="export"` (the pack built:
 * case files opened, pseudonymised, scanned), then the PDF button → the HTML handed to the
 * platform's printToPdf (the browser build's print path; window.print is stubbed), then that HTML
 * printed to PDF by Chromium's own engine (CDP Page.printToPDF — what Electron's printToPDF uses).
 * Returns null when the meeting feature has no export route.
 */
export async function measureMeetingPack(page: Page, meetingId: string): Promise<{ ms: number; buildMs: number; htmlMs: number; pdfMs: number; pdfBytes: number } | null> {
  await tools(page);
  const r = await page.evaluate(async (id) => {
    const b = (window as unknown as BenchWindow).__bench;
    const w = window as unknown as { __benchPrinted?: { at: number; html: string } };
    w.__benchPrinted = undefined;
    window.print = () => {
      // The print view renders the export inside its shadow root (platform.web.ts).
      const host = document.querySelector('.print-host');
      w.__benchPrinted = { at: performance.now(), html: host?.shadowRoot?.innerHTML ?? host?.innerHTML ?? document.body.innerHTML };
    };
    const t0 = performance.now();
    window.location.hash = `#/meetings/${id}/export/meeting_pack`;
    const t1 = await b.waitFor(() => document.querySelector('[data-ready="export"]') !== null, 60_000, 'export').catch(() => null);
    if (t1 === null) return null;
    const pdf = document.querySelector<HTMLButtonElement>('[data-ready="export"] .ex-buttons button');
    if (!pdf) return null;
    pdf.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    const t2 = performance.now();
    pdf.click();
    await b.waitFor(() => w.__benchPrinted !== undefined, 30_000, 'print');
    // Read through a fresh reference: TypeScript narrowed the field to undefined above.
    const printed = (window as unknown as { __benchPrinted?: { at: number; html: string } }).__benchPrinted;
    if (!printed) return null;
    return { buildMs: t1 - t0, htmlMs: printed.at - t2, html: printed.html };
  }, meetingId);
  if (!r) return null;
  const pdfPage = await page.context().newPage();
  try {
    await pdfPage.setContent(`<!doctype html><html lang="nl"><head><meta charset="utf-8"></head><body>${r.html}</body></html>`);
    const cdp = await page.context().newCDPSession(pdfPage);
    const t0 = Date.now();
    const { data } = await cdp.send('Page.printToPDF', { printBackground: true });
    const pdfMs = Date.now() - t0;
    await cdp.detach();
    return { ms: r.buildMs + r.htmlMs + pdfMs, buildMs: r.buildMs, htmlMs: r.htmlMs, pdfMs, pdfBytes: Math.round((data.length * 3) / 4) };
  } finally {
    await pdfPage.close();
  }
}

/** The measured phases after unlock, in run order; `--only` and `--profile` name them. */
export const PHASES = ['search', 'open', 'save', 'pack', 'loop', 'backup'] as const;
export type Phase = (typeof PHASES)[number];

export type RunOptions = Readonly<{
  /** Phases to run (default: all). Unlock and the floor always run: every phase needs them. */
  only?: ReadonlySet<Phase> | undefined;
  /** Phases to record a CPU profile of (the caller writes and summarises them). */
  profile?: ReadonlySet<Phase> | undefined;
  onProfile?: ((phase: Phase, profile: unknown) => Promise<void>) | undefined;
  baseURL: string;
  passphrase: string;
  counts: Counts;
  /** The synthetic municipality's seed (also seeds the query mix). */
  seed: string;
  size: SyntheticSize;
  log?: (s: string) => void;
  /**
   * For the backup phase: a page of a NEW, empty profile on the same origin (the restore target),
   * and where to save the backup file. Without them the phase is not run.
   */
  backup?: { freshPage: () => Promise<{ page: Page; close: () => Promise<void> }>; file: string; timeoutMs?: number } | undefined;
}>;

/** Every measurement of the benchmark, on a page whose profile already holds the municipality. */
export async function runMeasurements(page: Page, opts: RunOptions): Promise<BenchResult> {
  const log = opts.log ?? (() => undefined);
  const startedAt = new Date().toISOString();
  const { counts } = opts;

  // 1. Unlock to list, next to the floor, interleaved so both see the same machine state.
  await page.addInitScript(installSearchProbe);
  const floors: FloorResult[] = [];
  const unlocks: number[] = [];
  const searchReady: (number | null)[] = [];
  let indexLongTasks: number[] = [];
  for (let i = 0; i < counts.unlockRuns; i++) {
    floors.push(await measureFloor(page, opts.baseURL, opts.passphrase));
    log(`  floor ${i + 1}: ${floors[floors.length - 1]?.ms.toFixed(0)} ms`);
    // Only the last unlock waits for the search index (at 10,000 households that takes a while).
    const u = await measureUnlock(page, opts.baseURL, opts.passphrase, i === counts.unlockRuns - 1);
    unlocks.push(u.listMs);
    searchReady.push(u.searchReadyMs);
    if (u.indexLongTasks) indexLongTasks = u.indexLongTasks;
    log(`  unlock ${i + 1}: ${u.listMs.toFixed(0)} ms (search index complete after ${u.searchReadyMs?.toFixed(0) ?? '?'} ms)`);
  }
  const floorMs = median(floors.map((f) => f.ms));
  const unlockMs = median(unlocks);
  const readyTimes = searchReady.filter((x): x is number => x !== null);
  const searchReadyMs = readyTimes.length ? median(readyTimes) : null;

  // The page is unlocked on the list now. Let background work after unlock settle before measuring heap.
  await page.waitForTimeout(0);
  await page.evaluate(() => (window as unknown as BenchWindow).__bench.afterPaint());
  const cdp = await page.context().newCDPSession(page);
  const heapAfterUnlock = await measureHeap(cdp);
  log(`  heap after unlock: ${heapAfterUnlock.mainMB.toFixed(1)} MB (+ workers ${heapAfterUnlock.workersMB?.toFixed(1) ?? '?'} MB)`);

  const runs = (phase: Phase) => !opts.only || opts.only.has(phase);
  /** Runs one phase, inside a CPU profile when asked for (a profile slows the phase down: its figures are not budgets). */
  async function phase<T>(name: Phase, fn: () => Promise<T>): Promise<T> {
    if (!opts.profile?.has(name)) return fn();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    try {
      return await fn();
    } finally {
      const { profile } = await cdp.send('Profiler.stop');
      await opts.onProfile?.(name, profile);
    }
  }
  const skipped: Stats = { n: 0, p50: NaN, p95: NaN, max: NaN };

  // 2. Search while typing.
  const queries = buildQueries(opts.seed, counts.queries);
  const search = runs('search') ? await phase('search', () => measureSearch(page, queries)) : { keystrokes: skipped, queries: 0, longTasks: [], signal: 'data-search-query' as const, timeouts: 0 };
  log(`  search: p50 ${search.keystrokes.p50.toFixed(1)} ms, p95 ${search.keystrokes.p95.toFixed(1)} ms over ${search.keystrokes.n} keystrokes (${search.signal})`);

  // 3. Open households and save changes: distinct households spread over the list.
  await toList(page);
  await tools(page);
  const ids = await listedHouseholdIds(page, Math.max(counts.opens, counts.saves) * 3);
  const spread = (n: number, offset: number) =>
    Array.from({ length: Math.min(n, ids.length) }, (_, i) => ids[(offset + Math.floor((i * ids.length) / n)) % ids.length] ?? '').filter(Boolean);
  await measureOpen(page, spread(2, 1)); // warm-up: lazy chunks, first render of the page component
  const openSamples = runs('open') ? await phase('open', () => measureOpen(page, spread(counts.opens, 3), Date.now() + counts.phaseSeconds * 1000)) : [];
  const opens = runs('open') ? stats(openSamples) : skipped;
  log(`  open: p50 ${opens.p50.toFixed(1)} ms, p95 ${opens.p95.toFixed(1)} ms (n=${opens.n})`);
  if (runs('save')) await measureSave(page, spread(20, 5), 1); // warm-up
  const saveSamples = runs('save') ? await phase('save', () => measureSave(page, spread(counts.saves * 3, 7), counts.saves, Date.now() + counts.phaseSeconds * 1000)) : [];
  const saves = runs('save') ? stats(saveSamples) : skipped;
  log(`  save: p50 ${saves.p50.toFixed(1)} ms, p95 ${saves.p95.toFixed(1)} ms`);

  // 4. The newest meeting's pack (25 cases in the large size) and its PDF.
  const meeting = generateTeam({ seed: opts.seed, size: opts.size, today: '2000-01-01' }).meetings.at(-1);
  const pack = meeting && runs('pack') ? await phase('pack', () => measureMeetingPack(page, meeting.id)) : null;
  const cases = SIZES[opts.size].casesPerMeeting;
  log(`  meeting pack (${cases} cases): ${pack ? `${pack.ms.toFixed(0)} ms (build ${pack.buildMs.toFixed(0)}, html ${pack.htmlMs.toFixed(0)}, pdf ${pack.pdfMs.toFixed(0)})` : 'n/a'}`);

  // 5. An hour-like loop of typical operations, then the heap again.
  await toList(page);
  await settle(page);
  const heapBeforeLoop = await measureHeap(cdp);
  const loopDeadline = Date.now() + counts.phaseSeconds * 1000;
  let loopCycles = runs('loop') ? counts.loopCycles : 0;
  for (let c = 0; c < loopCycles; c++) {
    await measureSearch(page, buildQueries(`${opts.seed}/loop/${c}`, 1));
    await measureOpen(page, spread(1, 11 + c * 13));
    if (c % 3 === 0) await measureSave(page, spread(10, 17 + c * 7), 1);
    if (Date.now() > loopDeadline && c >= 2) {
      loopCycles = c + 1;
      break;
    }
  }
  await toList(page);
  await settle(page);
  const heapAfterLoop = await measureHeap(cdp);
  await cdp.detach();
  const total = (h: { mainMB: number; workersMB: number | null }) => h.mainMB + (h.workersMB ?? 0);
  const growth = (total(heapAfterLoop) - total(heapBeforeLoop)) / total(heapBeforeLoop);
  log(`  heap after loop: ${total(heapAfterLoop).toFixed(1)} MB (growth ${(growth * 100).toFixed(1)} %)`);

  // 6. A backup of the whole store through the UI, restored through the UI on a fresh profile, compared.
  let backup: BackupResult | null = null;
  if (runs('backup') && opts.backup) {
    const target = await opts.backup.freshPage();
    try {
      const conf = opts.backup;
      backup = await phase('backup', () =>
        measureBackup(page, target.page, { baseURL: opts.baseURL, passphrase: opts.passphrase, file: conf.file, timeoutMs: conf.timeoutMs ?? 900_000, installTools: tools }),
      );
    } finally {
      await target.close();
    }
    log(
      `  backup: made in ${backup.makeMs.toFixed(0)} ms, ${(backup.fileBytes / 1e6).toFixed(1)} MB; restored on a fresh profile: read ${backup.readMs} + check ${backup.checkMs} + write ${backup.writeMs} ms; ${backup.mismatched.length ? `DIFFERS in ${backup.mismatched.join(', ')}` : `all ${backup.tables} tables identical`}`,
    );
  }
  const maxOf = (xs: readonly number[]) => (xs.length ? Math.max(...xs) : 0);

  const longest = search.longTasks.length ? Math.max(...search.longTasks) : 0;
  const figures: Figure[] = [
    { id: 'floor', label: 'Floor: read + decrypt households, no app', value: floorMs, unit: 'ms', budget: '(reference)', pass: null },
    { id: 'unlock', label: 'Unlock → usable case list', value: unlockMs, unit: 'ms', budget: `≤ 2× floor (${(2 * floorMs).toFixed(0)} ms)`, pass: unlockMs <= 2 * floorMs, note: `${(unlockMs / floorMs).toFixed(2)}× floor` },
    { id: 'searchReady', label: 'Unlock → search index complete', value: searchReadyMs, unit: 'ms', budget: '—', pass: null, note: 'names and narratives indexed' },
    {
      id: 'index.longtask',
      label: 'Longest main-thread task while indexing',
      value: indexLongTasks.length ? Math.max(...indexLongTasks) : 0,
      unit: 'ms',
      budget: '—',
      pass: null,
      note: indexLongTasks.length ? `${indexLongTasks.length} long tasks; the list is usable meanwhile` : 'no task over 50 ms',
    },
    { id: 'search.p50', label: 'Search keystroke → results p50', value: search.keystrokes.p50, unit: 'ms', budget: '—', pass: null },
    { id: 'search.p95', label: 'Search keystroke → results p95', value: search.keystrokes.p95, unit: 'ms', budget: '≤ 16 ms', pass: search.keystrokes.p95 <= 16, note: `${search.queries} queries, ${search.keystrokes.n} keystrokes, end: ${search.signal}${search.timeouts ? `, ${search.timeouts} timeouts` : ''}` },
    { id: 'search.longtask', label: 'Longest main-thread task while typing', value: longest, unit: 'ms', budget: '≤ 50 ms', pass: search.longTasks.every((d) => d <= 50), note: search.longTasks.length ? `${search.longTasks.length} long tasks` : 'no task over 50 ms' },
    { id: 'open.p50', label: 'Open a household p50', value: opens.p50, unit: 'ms', budget: '—', pass: null },
    { id: 'open.p95', label: 'Open a household p95', value: opens.p95, unit: 'ms', budget: '≤ 50 ms', pass: opens.p95 <= 50, note: `n=${opens.n}, max ${opens.max.toFixed(1)} ms` },
    { id: 'save.p50', label: 'Save a change (encrypted) p50', value: saves.p50, unit: 'ms', budget: '—', pass: null },
    { id: 'save.p95', label: 'Save a change (encrypted) p95', value: saves.p95, unit: 'ms', budget: '≤ 20 ms', pass: saves.p95 <= 20, note: `n=${saves.n}, max ${saves.max.toFixed(1)} ms, action marked done` },
    {
      id: 'meetingPack',
      label: `${cases}-case meeting pack → PDF`,
      value: pack?.ms ?? null,
      unit: 'ms',
      budget: '≤ 1000 ms',
      pass: pack ? pack.ms <= 1000 : null,
      note: pack ? `build ${pack.buildMs.toFixed(0)} + html ${pack.htmlMs.toFixed(0)} + pdf ${pack.pdfMs} ms, ${(pack.pdfBytes / 1024).toFixed(0)} kB` : 'n/a: no meeting export in this build',
    },
    { id: 'heap.unlock', label: 'JS heap after unlock', value: total(heapAfterUnlock), unit: 'MB', budget: '≤ 300 MB', pass: total(heapAfterUnlock) <= 300, note: heapNote(heapAfterUnlock) },
    { id: 'heap.loop', label: 'JS heap after the hour-like loop', value: total(heapAfterLoop), unit: 'MB', budget: '≤ 300 MB', pass: total(heapAfterLoop) <= 300, note: heapNote(heapAfterLoop) },
    { id: 'heap.growth', label: 'Heap growth over the loop', value: growth * 100, unit: '%', budget: '≤ 10 %', pass: growth <= 0.1, note: `${loopCycles} cycles of search, open, save` },
    {
      id: 'backup.make',
      label: 'Make a backup (UI, whole store)',
      value: backup?.makeMs ?? NaN,
      unit: 'ms',
      budget: '—',
      pass: null,
      note: backup ? `longest main-thread task ${maxOf(backup.makeLongTasks).toFixed(0)} ms` : undefined,
    },
    { id: 'backup.size', label: 'Backup file size', value: backup ? backup.fileBytes / 1e6 : NaN, unit: 'MB', budget: '≤ 2147 MB (cap)', pass: backup ? backup.fileBytes <= 2 ** 31 : null },
    { id: 'restore.read', label: 'Restore: read + checksum (worker)', value: backup?.readMs ?? NaN, unit: 'ms', budget: '—', pass: null, note: 'file chosen → frame and checksum checked' },
    { id: 'restore.check', label: 'Restore: passphrase + every record checked', value: backup?.checkMs ?? NaN, unit: 'ms', budget: '—', pass: null },
    { id: 'restore.write', label: 'Restore: write the store', value: backup?.writeMs ?? NaN, unit: 'ms', budget: '—', pass: null },
    {
      id: 'restore.longtask',
      label: 'Longest main-thread task while restoring',
      value: backup ? maxOf(backup.restoreLongTasks) : NaN,
      unit: 'ms',
      budget: '—',
      pass: null,
      note: backup ? `${backup.restoreLongTasks.length} long tasks over read, check and write` : undefined,
    },
    {
      id: 'backup.roundtrip',
      label: 'Backup → restore on a fresh profile',
      value: backup?.tables ?? NaN,
      unit: 'tables',
      budget: 'identical',
      pass: backup ? backup.mismatched.length === 0 : null,
      note: backup ? (backup.mismatched.length ? `differs: ${backup.mismatched.join(', ')}` : 'every table identical (audit: + the restore entry)') : undefined,
    },
  ];
  // A phase left out by --only has no figure: n/a, not a failed budget.
  for (const f of figures) {
    if (f.value !== null && Number.isNaN(f.value)) {
      f.value = null;
      f.pass = null;
      f.note = 'not measured in this run (--only)';
    }
  }
  return {
    size: '',
    households: SIZES[opts.size].households,
    startedAt,
    figures,
    raw: { pack, backup, loopCycles, floors, unlocks, searchReady, search: { ...search.keystrokes, longTasks: search.longTasks, signal: search.signal, timeouts: search.timeouts }, opens, saves, openSamples: roundAll(openSamples), saveSamples: roundAll(saveSamples), heapAfterUnlock, heapBeforeLoop, heapAfterLoop, counts },
  };
}

function heapNote(h: { mainMB: number; workersMB: number | null }): string {
  return h.workersMB === null ? 'main thread only (workers unreachable)' : `main ${h.mainMB.toFixed(1)} + workers ${h.workersMB.toFixed(1)}`;
}

/** The table printed at the end (plain text, fixed columns). */
export function formatTable(result: BenchResult): string {
  const rows = result.figures.map((f) => [
    f.label,
    f.value === null
      ? 'n/a'
      : (f.id === 'search.longtask' || f.id === 'index.longtask') && f.value === 0
        ? '< 50 ms' // the longtask API reports only tasks over 50 ms
        : f.id === 'restore.longtask' && f.value === 0
          ? '< 50 ms'
          : `${f.value.toFixed(f.unit === 'MB' || f.unit === '%' ? 1 : f.unit === 'tables' ? 0 : f.value < 100 ? 1 : 0)} ${f.unit}`,
    f.budget,
    f.pass === null ? (f.value === null ? 'n/a' : '') : f.pass ? 'PASS' : 'FAIL',
    f.note ?? '',
  ]);
  const head = ['Measure', 'Result', 'Budget', '', 'Note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
