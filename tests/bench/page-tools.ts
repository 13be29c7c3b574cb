/**
 * Timing helpers installed IN the page (page.evaluate(installPageTools)). Every measurement
 * runs as page code from the triggering event to the rendered state, so Playwright round
 * trips never count: a MutationObserver sees the DOM reach the expected state, then style and
 * layout are forced synchronously and the end time is taken. So a figure is the work the app
 * does — script, rendering to the DOM, style, layout — without the wait for the next vsync
 * (which depends only on when in a frame the key was pressed: a keystroke loop that always
 * starts right after a frame would otherwise add a whole frame to every sample).
 *
 * This function is serialised into the page: it must not reference anything outside itself.
 */
export function installPageTools(): void {
  type Tools = {
    afterPaint(): Promise<number>;
    /** Resolves with the time the DOM satisfied check(), after forced style and layout. */
    waitFor(check: () => boolean, timeoutMs?: number, label?: string): Promise<number>;
    longTasks: { start(): void; stop(): number[] };
  };
  const w = window as unknown as { __bench?: Tools };
  if (w.__bench) return;

  const afterPaint = () =>
    new Promise<number>((resolve) => {
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      });
    });

  const laidOut = () => {
    // Reading layout forces the pending style recalculation and layout now.
    void document.body.getBoundingClientRect();
    return performance.now();
  };

  const waitFor = (check: () => boolean, timeoutMs = 120_000, label = '') =>
    new Promise<number>((resolve, reject) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        const t = laidOut();
        observer.disconnect();
        clearTimeout(timer);
        resolve(t);
      };
      const observer = new MutationObserver(() => {
        if (check()) finish();
      });
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        observer.disconnect();
        reject(new Error(`bench: timed out waiting for the page ${label} at ${location.hash}`));
      }, timeoutMs);
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      if (check()) finish();
    });

  let entries: number[] = [];
  let po: PerformanceObserver | null = null;
  const longTasks = {
    start() {
      entries = [];
      po = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) entries.push(e.duration);
      });
      po.observe({ type: 'longtask', buffered: false });
    },
    stop() {
      if (po) {
        for (const e of po.takeRecords()) entries.push(e.duration);
        po.disconnect();
      }
      po = null;
      return entries;
    },
  };

  w.__bench = { afterPaint, waitFor, longTasks };
}

/**
 * Installed with page.addInitScript before the app loads: watches the case list's search
 * worker from the outside, so the benchmark knows when the results for a typed query came
 * back, without any hook in the app. It wraps the Worker constructor and records search
 * requests ({ type: 'search', seq, query }) and their replies ({ type: 'results', seq }) —
 * the message shapes of features/households/search/search-core.ts. Records timing only,
 * never the ids or texts in the messages.
 *
 * This function is serialised into the page: it must not reference anything outside itself.
 */
export function installSearchProbe(): void {
  type Probe = { lastSeq: number; queries: Map<number, string>; onReply: ((seq: number, query: string) => void) | null };
  const w = window as unknown as { __benchSearch?: Probe; Worker: typeof Worker };
  if (w.__benchSearch) return;
  const probe: Probe = { lastSeq: 0, queries: new Map(), onReply: null };
  w.__benchSearch = probe;
  const Original = w.Worker;
  class ProbedWorker extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      // Registered before the app sets onmessage, so it runs first; it only takes note.
      this.addEventListener('message', (e: MessageEvent<unknown>) => {
        const d = e.data as { type?: unknown; seq?: unknown } | null;
        if (d && d.type === 'results' && typeof d.seq === 'number') {
          const q = probe.queries.get(d.seq);
          probe.queries.delete(d.seq);
          if (q !== undefined) probe.onReply?.(d.seq, q);
        }
      });
    }
    override postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]): void {
      const m = message as { type?: unknown; seq?: unknown; query?: unknown } | null;
      if (m && m.type === 'search' && typeof m.seq === 'number' && typeof m.query === 'string') {
        probe.lastSeq = Math.max(probe.lastSeq, m.seq);
        probe.queries.set(m.seq, m.query);
      }
      if (Array.isArray(options)) super.postMessage(message, options);
      else super.postMessage(message, options);
    }
  }
  w.Worker = ProbedWorker;
}
