import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { openJson, unwrapKey, importKek } from '../../../renderer/src/crypto/aead';
import { deriveKeyBytes, type KdfParams } from '../../../renderer/src/crypto/kdf';

/**
 * Reads the app's IndexedDB from OUTSIDE the app (raw IndexedDB in the page, no app code), then
 * decrypts every record in Node with the passphrase. Used to compare stores by their decrypted
 * content, independent of IVs (every save re-encrypts with a fresh IV).
 */
type RawRow = Record<string, unknown>;
export type RawStore = Record<string, RawRow[]>;

export async function readRawStore(page: Page): Promise<RawStore> {
  const json = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('wijktafel');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error('open failed'));
    });
    const out: Record<string, unknown[]> = {};
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    await Promise.all(
      names.map(
        (n) =>
          new Promise<void>((resolve) => {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => {
              out[n] = req.result as unknown[];
              resolve();
            };
          }),
      ),
    );
    db.close();
    const enc = (v: unknown): unknown => {
      if (v instanceof Uint8Array) {
        let s = '';
        for (const b of v) s += String.fromCharCode(b);
        return { $b64: btoa(s) };
      }
      if (Array.isArray(v)) return v.map(enc);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, enc(x)]));
      return v;
    };
    return JSON.stringify(enc(out));
  });
  return JSON.parse(json, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && '$b64' in v
      ? new Uint8Array(Buffer.from(String((v as { $b64: string }).$b64), 'base64'))
      : v,
  ) as RawStore;
}

const HOUSEHOLD_SCOPED = new Set(['households', 'intakes', 'assessments', 'plans', 'goals', 'actions', 'handovers', 'notes', 'events', 'involvements', 'consents', 'invitations', 'feedbackDuties', 'evaluations', 'escalations', 'agendaItems']);

function canonical(v: unknown): string {
  if (v instanceof Uint8Array) return JSON.stringify(Buffer.from(v).toString('base64'));
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Decrypt everything; returns table → canonical decrypted records (plain fields + payload), sorted. */
export async function decryptStore(raw: RawStore, passphrase: string): Promise<Record<string, string[]>> {
  const vault = raw.vault?.[0];
  if (!vault) throw new Error('no vault');
  const kdf = vault.kdf as KdfParams;
  const kek = await importKek(await deriveKeyBytes({ passphrase, params: kdf }));
  const dataKey = await unwrapKey(vault.wrappedKey as Uint8Array, kek, 'wijktafel:vault:passphrase');
  const hhKeys = new Map<string, CryptoKey>();
  for (const r of raw.householdKeys ?? []) {
    hhKeys.set(String(r.householdId), await unwrapKey(r.wrapped as Uint8Array, dataKey, `wijktafel:householdKey:${String(r.householdId)}`));
  }
  const out: Record<string, string[]> = {};
  for (const [table, rows] of Object.entries(raw)) {
    if (table === 'vault' || table === 'householdKeys') {
      // Key material: compare which keys exist, not their (re-wrapped) bytes.
      out[table] = rows.map((r) => String(r.id ?? r.householdId)).sort();
      continue;
    }
    const list: string[] = [];
    for (const row of rows) {
      const { enc, ...plain } = row;
      const hid = table === 'households' ? plain.id : plain.householdId;
      const key = HOUSEHOLD_SCOPED.has(table) ? hhKeys.get(String(hid)) : dataKey;
      if (!key || !(enc instanceof Uint8Array)) throw new Error(`cannot open a row of ${table}`);
      const payload = await openJson(key, enc, `wijktafel:${table}:${String(plain.id)}`);
      list.push(canonical({ ...plain, ...(payload as object) }));
    }
    out[table] = list.sort();
  }
  return out;
}

export function contentHash(content: Record<string, string[]>, keepAudit: (entry: { at?: string }) => boolean = () => true): string {
  const h = createHash('sha256');
  for (const table of Object.keys(content).sort()) {
    h.update(`#${table}\n`);
    for (const rec of content[table] ?? []) {
      if (table === 'audit' && !keepAudit(JSON.parse(rec) as { at?: string })) continue;
      h.update(`${rec}\n`);
    }
  }
  return h.digest('hex');
}
