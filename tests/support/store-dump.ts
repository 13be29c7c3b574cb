import type { WijktafelDB } from '../../renderer/src/data/db';

/** Every table's raw stored rows as one string (bytes as base64): equal dumps = byte-identical stores. */
export async function dumpStore(db: WijktafelDB): Promise<string> {
  const out: unknown[] = [];
  for (const t of [...db.tables].sort((a, b) => a.name.localeCompare(b.name))) out.push(t.name, await t.toArray());
  return JSON.stringify(out, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v));
}
