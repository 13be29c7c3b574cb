import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, type Browser, type ConsoleMessage, type Page } from '@playwright/test';
import { importKek, openJson, unwrapKey } from '../../../renderer/src/crypto/aead';
import { deriveKeyBytes, type KdfParams } from '../../../renderer/src/crypto/kdf';
import { CHROMIUM, CHROMIUM_ARGS } from '../fixtures';
import { AppPage, PASSPHRASE } from './app-page';
import { profileReleased } from './browser-process';
import { readRawStore, type RawStore } from './backup-store';

/**
 * Crash safety: Chromium is killed with SIGKILL while the UI is saving a household, then
 * relaunched on the same profile. Each round makes a counted number of saves (1 or 2, from the
 * seed) and waits for the UI to confirm each one (its page shown under its new id), then starts
 * one more and kills Chromium while that one is in flight, at a point marked by an event
 * (KILL_POINTS). So what a round saved is counted, never what a timer allowed: the figures are
 * the same on a fast and on a loaded machine. Every confirmed save must be there, whole, and
 * open without a decryption error; the one in flight is whole (what was typed) or absent.
 * No transaction may be half-applied, over every table it writes:
 *  - a plain new household writes households + householdKeys + audit (household.create);
 *  - a new aanmelding writes households + householdKeys + intakes + audit.
 * So: no household without its key or the reverse, no household without exactly one
 * household.create entry or the reverse, every aanmelding household with exactly one intake
 * and no intake without its household — for reported saves AND for those the kill cut off.
 *
 * Chromium is started by us (not by Playwright) so we own its process group and can SIGKILL it
 * the way a power cut or the OS OOM killer would end it.
 */
type Saved = { id: string; name: string; members: string[]; question?: string };
/** A save the kill cut off, with where in the save the kill was sent. */
type InFlight = Saved & { point: KillPoint };

/** Households the loop makes as an aanmelding (with an intake in the same transaction) are named so. */
const INTAKE_PREFIX = 'Aanmelding ';

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

async function launch(profileDir: string): Promise<{ proc: ChildProcess; browser: Browser; page: Page }> {
  const proc = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--headless=new', `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', '--window-size=1280,860', 'about:blank'], {
    detached: true, // its own process group: we kill exactly what we started
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ws = await new Promise<string>((resolve, reject) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(buf);
      if (m?.[1]) {
        proc.stderr?.off('data', onData);
        proc.stderr?.resume();
        resolve(m[1]);
      }
    };
    proc.stderr?.on('data', onData);
    proc.once('exit', () => reject(new Error(`chromium exited early: ${buf.slice(-500)}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = context.pages()[0] ?? (await context.newPage());
  return { proc, browser, page };
}

/** True once the profile's localStorage files hold the app's store mark (a constant key, no resident data). */
async function storeMarkOnDisk(profileDir: string): Promise<boolean> {
  const dir = join(profileDir, 'Default', 'Local Storage', 'leveldb');
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const bytes = await readFile(join(dir, name)).catch(() => null);
    if (bytes?.includes(Buffer.from('wijktafel.storeInUse', 'latin1'))) return true;
  }
  return false;
}

function kill(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    try {
      if (proc.pid !== undefined) process.kill(-proc.pid, 'SIGKILL');
    } catch {
      resolve();
    }
  });
}

type Verifier = {
  /** Checks the store; returns how many households it holds and how many of the in-flight saves are in it (whole). */
  check(raw: RawStore, saved: readonly Saved[], inFlight: readonly InFlight[]): Promise<{ households: number; inFlightWhole: number }>;
};

async function verifier(raw: RawStore): Promise<Verifier> {
  const vault = raw.vault?.[0];
  if (!vault) throw new Error('no vault');
  const kek = await importKek(await deriveKeyBytes({ passphrase: PASSPHRASE, params: vault.kdf as KdfParams }));
  const dataKey = await unwrapKey(vault.wrappedKey as Uint8Array, kek, 'wijktafel:vault:passphrase');
  return {
    async check(store, saved, inFlight) {
      const keys = new Map((store.householdKeys ?? []).map((r) => [String(r.householdId), r.wrapped as Uint8Array]));
      const rows = new Map((store.households ?? []).map((r) => [String(r.id), r]));
      // No half transaction: a household and its key are written together or not at all.
      expect([...keys.keys()].sort(), 'household keys without household or the reverse').toEqual([...rows.keys()].sort());

      // The household.create audit entry is part of the same transaction: exactly one per household.
      const creates = new Map<string, number>();
      for (const a of store.audit ?? []) {
        const entry = (await openJson(dataKey, a.enc as Uint8Array, `wijktafel:audit:${String(a.id)}`)) as { action: string; entityId?: string };
        if (entry.action === 'household.create' && entry.entityId) creates.set(entry.entityId, (creates.get(entry.entityId) ?? 0) + 1);
      }
      expect([...creates.keys()].sort(), 'household.create entries without household or the reverse').toEqual([...rows.keys()].sort());
      expect([...creates.values()].every((n) => n === 1), 'a household with more than one household.create entry').toBe(true);

      const intakesByHousehold = new Map<string, Record<string, unknown>[]>();
      for (const r of store.intakes ?? []) {
        const hid = String(r.householdId);
        intakesByHousehold.set(hid, [...(intakesByHousehold.get(hid) ?? []), r]);
      }
      // No intake without its household (it was written in the household's transaction).
      for (const hid of intakesByHousehold.keys()) expect(rows.has(hid), `intake without household ${hid}`).toBe(true);

      let inFlightWhole = 0;
      const found: string[] = [];
      for (const [id, row] of rows) {
        const key = await unwrapKey(keys.get(id) ?? new Uint8Array(), dataKey, `wijktafel:householdKey:${id}`);
        const payload = (await openJson(key, row.enc as Uint8Array, `wijktafel:households:${id}`)) as { displayName: string; members: { firstName: string }[] };
        // Whether reported or cut off by the kill: an aanmelding household has exactly its one intake.
        const intakes = intakesByHousehold.get(id) ?? [];
        const isAanmelding = payload.displayName.startsWith(INTAKE_PREFIX);
        expect(intakes.length, `${payload.displayName}: intakes`).toBe(isAanmelding ? 1 : 0);
        const intake = intakes[0];
        const question = intake ? ((await openJson(key, intake.enc as Uint8Array, `wijktafel:intakes:${String(intake.id)}`)) as { question: string }).question : undefined;
        // Every household is a confirmed save or the save a kill cut off, and whole: what was typed.
        const confirmed = saved.find((s) => s.id === id);
        const cutOff = confirmed ? undefined : inFlight.find((s) => s.name === payload.displayName);
        const want = confirmed ?? cutOff;
        expect(want, `household ${payload.displayName} was neither confirmed nor in flight`).toBeDefined();
        if (cutOff) inFlightWhole++;
        found.push(payload.displayName);
        expect(payload.displayName).toBe(want?.name);
        expect(payload.members.map((m) => m.firstName)).toEqual(want?.members);
        expect(question).toBe(want?.question);
      }
      for (const s of saved) expect(rows.has(s.id), `reported-saved household ${s.name} is missing`).toBe(true);
      // Where the kill point fixes the outcome: a committed transaction survives the kill, one
      // held open (its rows written into it, not committed) leaves nothing.
      const names = new Set(found);
      for (const s of inFlight) {
        if (s.point === 'tx-complete') expect(names.has(s.name), `${s.name}: committed before the kill, but missing`).toBe(true);
        if (s.point === 'tx-held') expect(names.has(s.name), `${s.name}: killed before its commit, but in the store`).toBe(false);
      }
      return { households: rows.size, inFlightWhole };
    },
  };
}

/** One household the loop makes, as a plain new household or as an aanmelding (with an intake). */
type Spec = Saved;

function specFor(n: number, round: number, withIntake: boolean): Spec {
  return {
    id: '',
    name: `${withIntake ? INTAKE_PREFIX : 'Crash '}${round}-${n}`,
    members: [`Lid${n}a`, `Lid${n}b`],
    ...(withIntake ? { question: `Vraag ${round}-${n}: hulp bij de administratie` } : {}),
  };
}

/** Fill the form for `spec` (a new household, or a new aanmelding), up to but not including the save. */
async function fillForm(page: Page, baseURL: string, spec: Spec): Promise<void> {
  let scope = page.locator('body');
  if (spec.question !== undefined) {
    await page.goto(`${baseURL}/#/households/aanmelding`);
    await expect(page.locator('[data-ready="intake-form"]')).toBeVisible();
    const signal = page.getByRole('region', { name: 'Het signaal' });
    await signal.getByLabel('Wie meldt aan').selectOption('huisarts');
    await signal.getByLabel('De vraag in eigen woorden').fill(spec.question);
    scope = page.getByRole('region', { name: 'Het huishouden' });
  } else {
    await page.goto(`${baseURL}/#/households/new`);
    await expect(page.locator('[data-ready="household-form"]')).toBeVisible();
  }
  await scope.getByLabel('Naam van het huishouden').fill(spec.name);
  for (let k = 0; k < spec.members.length; k++) {
    if (k > 0) await scope.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    const fs = scope.getByRole('group', { name: `Gezinslid ${k + 1}` });
    await fs.getByLabel('Rol').selectOption(k === 0 ? 'ouder' : 'kind');
    await fs.getByLabel('Voornaam').fill(spec.members[k] ?? '');
  }
}

function saveButton(page: Page, spec: Spec) {
  return page.getByRole('button', { name: spec.question !== undefined ? 'Aanmelding opslaan' : 'Opslaan' });
}

/** The UI's signal that a save is confirmed (committed): the new household's page under its id. */
const CONFIRMED = '[data-ready="household"]';

/** Save `spec` through the UI and wait for the confirmation; returns it with its new id. */
async function confirmedSave(page: Page, baseURL: string, spec: Spec): Promise<Saved> {
  await fillForm(page, baseURL, spec);
  await saveButton(page, spec).click();
  await expect(page.locator(CONFIRMED)).toBeVisible();
  const id = /#\/households\/([^/]+)$/.exec(page.url())?.[1];
  if (!id) throw new Error('no household id in url');
  return { ...spec, id };
}

/**
 * Where in the in-flight save the kill is sent, each marked by an event (never by a timer):
 *  - `click`: as soon as the save button was clicked (the app may not have started writing);
 *  - `tx-open`: when the app opens its read-write transaction over households + householdKeys;
 *  - `tx-held`: the same transaction, with the household row written into it, is kept from
 *    committing (the probe keeps issuing reads on it) and the kill comes while it is open: the
 *    household must be absent after the relaunch, however fast or slow the machine is;
 *  - `tx-complete`: when that transaction has committed, before the UI has shown it: the
 *    household must be there, whole.
 * For `click` and `tx-open` the kill reaches Chromium some moments after the event; where the
 * write then is varies with the machine's load, and every outcome must pass: whole or absent.
 */
const KILL_POINTS = ['click', 'tx-open', 'tx-held', 'tx-complete'] as const;
type KillPoint = (typeof KILL_POINTS)[number];
const TX_SIGNAL = 'wijktafel-crash-test:';
/** Set on the page (window) to make the probe hold the next household transaction open. */
const HOLD_FLAG = '__wijktafelCrashHold';

/**
 * Test instrumentation, installed before the app loads: reports on the console when the app
 * opens a read-write transaction over households + householdKeys, and when it commits. When
 * the hold flag is set, it keeps that transaction from committing (a chain of reads on it) and
 * reports `tx-held` once a household row has been written into it. Only event names are
 * logged, never data.
 */
function installTransactionProbe(args: { prefix: string; flag: string }): void {
  const { prefix, flag } = args;
  const holder = globalThis as unknown as Record<string, boolean | undefined>;
  const held = new WeakSet<IDBTransaction>();
  const wrote = new WeakSet<IDBTransaction>();
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...callArgs: Parameters<typeof transaction>) {
    const tx = transaction.apply(this, callArgs);
    const [names, mode] = callArgs;
    const stores = typeof names === 'string' ? [names] : Array.from(names);
    if (mode === 'readwrite' && stores.includes('households') && stores.includes('householdKeys')) {
      console.debug(`${prefix}tx-open`);
      tx.addEventListener('complete', () => console.debug(`${prefix}tx-complete`));
      if (holder[flag]) {
        holder[flag] = false;
        held.add(tx);
        let told = false;
        const spin = () => {
          const req = tx.objectStore('householdKeys').count();
          req.onsuccess = () => {
            if (wrote.has(tx) && !told) {
              told = true;
              console.debug(`${prefix}tx-held`);
            }
            spin();
          };
        };
        spin();
      }
    }
    return tx;
  };
  for (const method of ['add', 'put'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...callArgs: Parameters<typeof original>) {
      if (this.name === 'households' && held.has(this.transaction)) wrote.add(this.transaction);
      return original.apply(this, callArgs);
    };
  }
}

/** Resolves at the kill point's event, or when the UI confirms the save, whichever comes first. */
function killMoment(page: Page, point: Exclude<KillPoint, 'click'>): Promise<void> {
  let onConsole: ((m: ConsoleMessage) => void) | undefined;
  const event = new Promise<void>((resolve) => {
    onConsole = (m) => {
      if (m.text() === `${TX_SIGNAL}${point}`) resolve();
    };
    page.on('console', onConsole);
  });
  // If the save completes before the event is seen, kill then (it is still not counted as
  // confirmed). A held transaction never completes: if `tx-held` ends here, the hold did not
  // happen and the check after the relaunch says so (the household is there).
  const confirmed = page.locator(CONFIRMED).waitFor({ state: 'visible', timeout: 0 }).catch(() => undefined);
  return Promise.race([event, confirmed]).finally(() => {
    if (onConsole) page.off('console', onConsole);
  });
}

export type CrashResult = {
  /** Saves the UI confirmed (each one was found whole after every later relaunch). */
  saved: number;
  /** Of those, aanmeldingen (household + intake in one transaction). */
  intakes: number;
  /** Saves planned by the seed: the loop confirmed exactly this many, whatever the machine's speed. */
  planned: number;
  /** Households in the store after the last relaunch. */
  households: number;
  /** Saves killed in flight (one per round), and how many of them were found whole; the rest are absent. */
  inFlight: number;
  inFlightWhole: number;
  /** How often each kill point was used. */
  killPoints: Record<KillPoint, number>;
  /**
   * Relaunches that found the whole store gone: Chromium discards an IndexedDB store it finds
   * damaged after a hard kill and starts it empty (seen about once in a hundred SIGKILLs here;
   * a browser behaviour, signalapp/Signal-Desktop#718). Each time the app had to say so (the
   * "store lost" notice, never a plain first run) and the loop went on in the new store.
   */
  storeLost: number;
  /** The figures since the last such loss, over the store that is there now. */
  inStore: { saved: number; inFlight: number; killPoints: Record<KillPoint, number> };
};

export async function runCrashRounds(opts: {
  baseURL: string;
  rounds: number;
  seed: number;
  log?: (line: string) => void;
  /** A positive control for the lost-store branch: after this round's kill, remove the profile's IndexedDB as Chromium does. */
  loseStoreAfterRound?: number;
}): Promise<CrashResult> {
  const profileDir = await mkdtemp(join(tmpdir(), 'wijktafel-crash-'));
  const random = rng(opts.seed);
  const saved: Saved[] = [];
  const inFlight: InFlight[] = [];
  const foreign: string[] = [];
  const killPoints: Record<KillPoint, number> = { click: 0, 'tx-open': 0, 'tx-held': 0, 'tx-complete': 0 };
  let verify: Verifier | null = null;
  let outcome = { households: 0, inFlightWhole: 0 };
  let planned = 0;
  let savedTotal = 0;
  let inFlightTotal = 0;
  let storeLost = 0;
  let pointsInStore: Record<KillPoint, number> = { click: 0, 'tx-open': 0, 'tx-held': 0, 'tx-complete': 0 };
  const firstPoint = Math.floor(random() * KILL_POINTS.length);
  let n = 0;
  try {
    for (let round = 0; round <= opts.rounds; round++) {
      const t0 = Date.now();
      const { proc, browser, page } = await launch(profileDir);
      const t1 = Date.now();
      const origin = new URL(opts.baseURL).origin;
      page.on('request', (r) => {
        const u = r.url();
        if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:') && !u.startsWith('about:')) foreign.push(u);
      });
      await page.addInitScript(installTransactionProbe, { prefix: TX_SIGNAL, flag: HOLD_FLAG });
      const ui = new AppPage(page, opts.baseURL);
      try {
        await ui.open();
        // Say what the relaunch showed instead of the unlock screen (e.g. a storage error), not only that it is missing.
        const gate = await ui.gate();
        const lost = round > 0 && gate === 'setup' && (await page.locator('[data-ready="store-lost"]').isVisible());
        if (!lost && gate !== (round === 0 ? 'setup' : 'locked')) {
          // And what IndexedDB itself says when asked directly (an error name and Chromium's message, no data).
          const raw = await page.evaluate(
            () =>
              new Promise<string>((resolve) => {
                const r = indexedDB.open('wijktafel');
                r.onsuccess = () => {
                  r.result.close();
                  resolve('opens');
                };
                r.onerror = () => resolve(`${r.error?.name}: ${r.error?.message}`);
                r.onblocked = () => resolve('blocked');
              }),
          );
          const mark = await page.evaluate(() => localStorage.getItem('wijktafel.storeInUse'));
          throw new Error(`round ${round}: the relaunch shows gate "${gate}" (IndexedDB asked directly: ${raw}; mark ${mark}): ${(await page.locator('body').innerText()).slice(0, 300)}`);
        }
        if (lost) {
          // The browser discarded the store (see CrashResult.storeLost); the app said so. Start a
          // new one and go on: what was confirmed before is gone with the store, not half-written.
          storeLost++;
          opts.log?.(`round ${round}: the store was lost (the app showed the notice); a new one is set up`);
          saved.length = 0;
          inFlight.length = 0;
          verify = null;
          pointsInStore = { click: 0, 'tx-open': 0, 'tx-held': 0, 'tx-complete': 0 };
          await ui.setup();
        } else if (round === 0) {
          await ui.setup();
          // The app marks in localStorage that this profile holds a store (App.tsx, storeMarker.ts),
          // so a store the browser later discards is told as lost. Chromium writes localStorage to
          // disk a few seconds later; a kill before that loses the mark. Wait until it is on disk.
          await expect.poll(() => storeMarkOnDisk(profileDir), { timeout: 60_000 }).toBe(true);
        } else {
          await ui.unlock();
          // The app itself opens every household (the list decrypts them all) without error.
          await expect(page.locator('[data-ready="households"]')).toBeVisible();
        }
        const t2 = Date.now();
        const raw = await readRawStore(page);
        verify ??= await verifier(raw);
        outcome = await verify.check(raw, saved, inFlight);
        if (round === opts.rounds) {
          await browser.close();
          await kill(proc);
          break;
        }
        const t3 = Date.now();
        opts.log?.(`round ${round}: launch ${t1 - t0} ms, open+unlock ${t2 - t1} ms, verify ${t3 - t2} ms`);

        // A counted number of confirmed saves (from the seed), then one more killed in flight.
        // Every other confirmed save, and every other cut-off one, is an aanmelding.
        const confirm = 1 + Math.floor(random() * 2);
        planned += confirm;
        for (let c = 0; c < confirm; c++) {
          saved.push(await confirmedSave(page, opts.baseURL, specFor(n++, round, saved.length % 2 === 1)));
          savedTotal++;
        }
        // The kill points take turns (from a seeded start), so any four rounds use all of them.
        const point = KILL_POINTS[(firstPoint + round) % KILL_POINTS.length] ?? 'click';
        killPoints[point]++;
        pointsInStore[point]++;
        const spec = specFor(n++, round, round % 2 === 1);
        await fillForm(page, opts.baseURL, spec);
        if (point === 'tx-held') await page.evaluate((flag) => ((globalThis as unknown as Record<string, boolean>)[flag] = true), HOLD_FLAG);
        const moment = point === 'click' ? null : killMoment(page, point);
        await saveButton(page, spec).click();
        inFlight.push({ ...spec, point });
        inFlightTotal++;
        await moment;
        await kill(proc);
        opts.log?.(`round ${round}: ${confirm} saves confirmed, killed at ${point} of "${spec.name}"`);
      } finally {
        await browser.close().catch(() => undefined);
        await kill(proc);
        // The browser's children die a moment after it; the storage service among them holds the
        // IndexedDB lock. A browser started before it is gone cannot open IndexedDB at all.
        await expect.poll(() => profileReleased(profileDir)).toBe(true);
        if (round === opts.loseStoreAfterRound) await rm(join(profileDir, 'Default', 'IndexedDB'), { recursive: true, force: true });
      }
    }
    expect(foreign, 'the renderer made requests outside its origin').toEqual([]);
    return {
      saved: savedTotal,
      intakes: saved.filter((s) => s.question !== undefined).length,
      planned,
      households: outcome.households,
      inFlight: inFlightTotal,
      inFlightWhole: outcome.inFlightWhole,
      killPoints,
      storeLost,
      inStore: { saved: saved.length, inFlight: inFlight.length, killPoints: pointsInStore },
    };
  } finally {
    await rm(profileDir, { recursive: true, force: true });
  }
}
