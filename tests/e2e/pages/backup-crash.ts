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
 * (its page shown under its new id) must be there, whole, and open without a decryption error;
 * no household may exist without its key or a key without its household (a half transaction).
 *
 * Chromium is started by us (not by Playwright) so we own its process group and can SIGKILL it
 * the way a power cut or the OS OOM killer would end it.
 */
type Saved = { id: string; name: string; members: string[] };

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
      for (const [id, row] of rows) {
        const key = await unwrapKey(keys.get(id) ?? new Uint8Array(), dataKey, `wijktafel:householdKey:${id}`);
        const payload = (await openJson(key, row.enc as Uint8Array, `wijktafel:households:${id}`)) as { displayName: string; members: { firstName: string }[] };
        const want = saved.find((s) => s.id === id);
        if (want) {
          expect(payload.displayName).toBe(want.name);
          expect(payload.members.map((m) => m.firstName)).toEqual(want.members);
        }
      }
      for (const s of saved) expect(rows.has(s.id), `reported-saved household ${s.name} is missing`).toBe(true);
      return rows.size;
    },
  };
}

/** Create households through the UI as fast as it goes; record each one the UI reported saved. */
async function writeLoop(page: Page, baseURL: string, round: number, saved: Saved[]): Promise<void> {
  for (let i = 0; ; i++) {
    const name = `Crash ${round}-${i}`;
    const members = [`Lid${round}x${i}a`, `Lid${round}x${i}b`];
    await page.goto(`${baseURL}/#/households/new`);
    await expect(page.locator('[data-ready="household-form"]')).toBeVisible();
    await page.getByLabel('Naam van het huishouden').fill(name);
    for (let k = 0; k < members.length; k++) {
      if (k > 0) await page.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
      const fs = page.getByRole('group', { name: `Gezinslid ${k + 1}` });
      await fs.getByLabel('Rol').selectOption(k === 0 ? 'ouder' : 'kind');
      await fs.getByLabel('Voornaam').fill(members[k] ?? '');
    }
    await page.getByRole('button', { name: 'Opslaan' }).click();
    // The UI reports a committed save by showing the new household under its id.
    await expect(page.locator('[data-ready="household"]')).toBeVisible();
    const id = /#\/households\/([^/]+)$/.exec(page.url())?.[1];
    if (!id) throw new Error('no household id in url');
    saved.push({ id, name, members });
  }
}

export async function runCrashRounds(opts: { baseURL: string; rounds: number; seed: number; log?: (line: string) => void }): Promise<{ saved: number; households: number }> {
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
    return { saved: saved.length, households };
  } finally {
    await rm(profileDir, { recursive: true, force: true });
  }
}
