import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { importKek, openJson, unwrapKey } from '../../../renderer/src/crypto/aead';
import { deriveKeyBytes, type KdfParams } from '../../../renderer/src/crypto/kdf';
import { CHROMIUM, CHROMIUM_ARGS } from '../fixtures';
import { AppPage, PASSPHRASE } from './app-page';
import { readRawStore, type RawStore } from './backup-store';

/**
 * Crash safety: Chromium is killed with SIGKILL at a random moment while the UI is saving
 * households, then relaunched on the same profile. Every household whose save the UI reported
 * (its page shown under its new id) must be there, whole, and open without a decryption error.
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

type Verifier = { check(raw: RawStore, saved: readonly Saved[]): Promise<number> };

async function verifier(raw: RawStore): Promise<Verifier> {
  const vault = raw.vault?.[0];
  if (!vault) throw new Error('no vault');
  const kek = await importKek(await deriveKeyBytes({ passphrase: PASSPHRASE, params: vault.kdf as KdfParams }));
  const dataKey = await unwrapKey(vault.wrappedKey as Uint8Array, kek, 'wijktafel:vault:passphrase');
  return {
    async check(store, saved) {
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

      for (const [id, row] of rows) {
        const key = await unwrapKey(keys.get(id) ?? new Uint8Array(), dataKey, `wijktafel:householdKey:${id}`);
        const payload = (await openJson(key, row.enc as Uint8Array, `wijktafel:households:${id}`)) as { displayName: string; members: { firstName: string }[] };
        // Whether reported or cut off by the kill: an aanmelding household has exactly its one intake.
        const intakes = intakesByHousehold.get(id) ?? [];
        const isAanmelding = payload.displayName.startsWith(INTAKE_PREFIX);
        expect(intakes.length, `${payload.displayName}: intakes`).toBe(isAanmelding ? 1 : 0);
        const intake = intakes[0];
        const question = intake ? ((await openJson(key, intake.enc as Uint8Array, `wijktafel:intakes:${String(intake.id)}`)) as { question: string }).question : undefined;
        const want = saved.find((s) => s.id === id);
        if (want) {
          expect(payload.displayName).toBe(want.name);
          expect(payload.members.map((m) => m.firstName)).toEqual(want.members);
          expect(question).toBe(want.question);
        }
      }
      for (const s of saved) expect(rows.has(s.id), `reported-saved household ${s.name} is missing`).toBe(true);
      return rows.size;
    },
  };
}

/**
 * Create households through the UI as fast as it goes, every other one as a new aanmelding
 * (household + intake in one transaction); record each one the UI reported saved.
 */
async function writeLoop(page: Page, baseURL: string, round: number, saved: Saved[]): Promise<void> {
  for (let i = 0; ; i++) {
    const withIntake = i % 2 === 1;
    const name = `${withIntake ? INTAKE_PREFIX : 'Crash '}${round}-${i}`;
    const members = [`Lid${round}x${i}a`, `Lid${round}x${i}b`];
    const question = withIntake ? `Vraag ${round}-${i}: hulp bij de administratie` : undefined;
    let scope = page.locator('body');
    if (withIntake) {
      await page.goto(`${baseURL}/#/households/aanmelding`);
      await expect(page.locator('[data-ready="intake-form"]')).toBeVisible();
      const signal = page.getByRole('region', { name: 'Het signaal' });
      await signal.getByLabel('Wie meldt aan').selectOption('huisarts');
      await signal.getByLabel('De vraag in eigen woorden').fill(question ?? '');
      scope = page.getByRole('region', { name: 'Het huishouden' });
    } else {
      await page.goto(`${baseURL}/#/households/new`);
      await expect(page.locator('[data-ready="household-form"]')).toBeVisible();
    }
    await scope.getByLabel('Naam van het huishouden').fill(name);
    for (let k = 0; k < members.length; k++) {
      if (k > 0) await scope.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
      const fs = scope.getByRole('group', { name: `Gezinslid ${k + 1}` });
      await fs.getByLabel('Rol').selectOption(k === 0 ? 'ouder' : 'kind');
      await fs.getByLabel('Voornaam').fill(members[k] ?? '');
    }
    await page.getByRole('button', { name: withIntake ? 'Aanmelding opslaan' : 'Opslaan' }).click();
    // The UI reports a committed save by showing the new household under its id.
    await expect(page.locator('[data-ready="household"]')).toBeVisible();
    const id = /#\/households\/([^/]+)$/.exec(page.url())?.[1];
    if (!id) throw new Error('no household id in url');
    saved.push({ id, name, members, ...(question === undefined ? {} : { question }) });
  }
}

export async function runCrashRounds(opts: {
  baseURL: string;
  rounds: number;
  seed: number;
  log?: (line: string) => void;
}): Promise<{ saved: number; households: number; intakes: number }> {
  const profileDir = await mkdtemp(join(tmpdir(), 'wijktafel-crash-'));
  const random = rng(opts.seed);
  const saved: Saved[] = [];
  const foreign: string[] = [];
  let verify: Verifier | null = null;
  let households = 0;
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
      const ui = new AppPage(page, opts.baseURL);
      try {
        await ui.open();
        if (round === 0) {
          await ui.setup();
        } else {
          await ui.unlock();
          // The app itself opens every household (the list decrypts them all) without error.
          await expect(page.locator('[data-ready="households"]')).toBeVisible();
        }
        const t2 = Date.now();
        const raw = await readRawStore(page);
        verify ??= await verifier(raw);
        households = await verify.check(raw, saved);
        if (round === opts.rounds) {
          await browser.close();
          await kill(proc);
          break;
        }
        const t3 = Date.now();
        opts.log?.(`round ${round}: launch ${t1 - t0} ms, open+unlock ${t2 - t1} ms, verify ${t3 - t2} ms`);
        const before = saved.length;
        const delay = 150 + Math.floor(random() * 1800);
        const killer = new Promise<void>((resolve) => setTimeout(() => void kill(proc).then(resolve), delay));
        await Promise.race([writeLoop(page, opts.baseURL, round, saved).catch(() => undefined), killer]);
        await killer;
        opts.log?.(`round ${round}: killed after ${delay} ms, ${saved.length - before} saves reported`);
      } finally {
        await browser.close().catch(() => undefined);
        await kill(proc);
      }
    }
    expect(foreign, 'the renderer made requests outside its origin').toEqual([]);
    return { saved: saved.length, households, intakes: saved.filter((s) => s.question !== undefined).length };
  } finally {
    await rm(profileDir, { recursive: true, force: true });
  }
}
