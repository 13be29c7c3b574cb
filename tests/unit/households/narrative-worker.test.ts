import { beforeEach, describe, expect, it } from 'vitest';
import { addNote } from '../../../renderer/src/data/stores/casefile/intake';
import { createHouseholdWithIntake } from '../../../renderer/src/data/usecases/create-intake';
import { ReaderClosedError, readNarrativesDirect } from '../../../renderer/src/data/stores/casefile/narrative-reader';
import type { WijktafelDB } from '../../../renderer/src/data/db';
import type { Session } from '../../../renderer/src/data/session';
import type { WorkerReply } from '../../../renderer/src/features/households/search/search-core';
import { createSearchHost } from '../../../renderer/src/features/households/search/search-host';
import { freshUnlockedDb } from '../../support/test-db';

let db: WijktafelDB;
let session: Session;
let a: string;
let b: string;

const INTAKE = { date: '2026-03-02', referrerType: 'huisarts', referrerName: 'Dr. Kaya', channel: 'telefoon' } as const;

beforeEach(async () => {
  ({ db, session } = await freshUnlockedDb());
  a = (await createHouseholdWithIntake({ displayName: 'Familie Aksoy', members: [] }, { ...INTAKE, question: 'Moeder slaapt niet door de schulden.' })).household.id;
  b = (await createHouseholdWithIntake({ displayName: 'Familie Bakker', members: [] }, { ...INTAKE, question: 'Vader zoekt vrijwilligerswerk.' })).household.id;
  await addNote(a, { text: 'Afspraak met de woningcorporatie over de lekkage', internal: false });
});

function host() {
  const replies: WorkerReply[] = [];
  const h = createSearchHost({ idb: indexedDB, reply: (m) => replies.push(m) });
  let seq = 0;
  const search = (query: string) => {
    void h.handle({ type: 'search', seq: ++seq, query, limit: 10 });
    const last = replies.at(-1);
    return last?.type === 'results' ? last.householdIds : null;
  };
  return { h, replies, search };
}

describe('the search worker reads and decrypts the narratives itself', () => {
  it('indexes every narrative with the keys it was given, reporting progress up to 1', async () => {
    const { h, replies, search } = host();
    await h.handle({ type: 'keys', keys: session.householdKeyEntries() });
    await h.handle({ type: 'loadNarratives', dbName: db.name });
    const progress = replies.flatMap((r) => (r.type === 'narratives' ? [r.progress] : []));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(search('schulden')).toEqual([a]);
    expect(search('lekkage')).toEqual([a]);
    expect(search('vrijwilligerswerk')).toEqual([b]);
    expect(replies.some((r) => r.type === 'narrativesFailed')).toBe(false);
  });

  it('skips the rows of a household whose key it was not given, and forgets the keys afterwards', async () => {
    const { h, search } = host();
    await h.handle({ type: 'keys', keys: session.householdKeyEntries().filter(([id]) => id === a) });
    await h.handle({ type: 'loadNarratives', dbName: db.name });
    expect(search('schulden')).toEqual([a]);
    expect(search('vrijwilligerswerk')).toEqual([]);
    // A second read without new keys opens nothing: the keys were dropped after the first.
    const again = host();
    await again.h.handle({ type: 'loadNarratives', dbName: db.name });
    expect(again.search('schulden')).toEqual([]);
  });

  it('keeps what the page re-sent for a household while reading, not the stale rows it read', async () => {
    const { h, search } = host();
    await h.handle({ type: 'keys', keys: session.householdKeyEntries() });
    const reading = h.handle({ type: 'loadNarratives', dbName: db.name });
    // The page saved household A meanwhile and sent its narratives as they are now.
    void h.handle({ type: 'replace', scope: 'narratives', householdIds: [a], docs: [{ id: 'n:x', householdId: a, text: 'Budgetcoach gevonden' }] });
    await reading;
    expect(search('budgetcoach')).toEqual([a]);
    expect(search('lekkage')).toEqual([]);
    expect(search('vrijwilligerswerk')).toEqual([b]);
  });

  it('fails on a row that does not open, as the app does', async () => {
    const row = await db.notes.where('householdId').equals(a).first();
    await db.notes.put({ ...row, enc: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]) });
    const { h, replies } = host();
    await h.handle({ type: 'keys', keys: session.householdKeyEntries() });
    await h.handle({ type: 'loadNarratives', dbName: db.name });
    expect(replies.at(-1)).toEqual({ type: 'narrativesFailed', closed: false });
  });

  it('never creates a database that is not there', async () => {
    const name = `absent-${Date.now()}`;
    await expect(readNarrativesDirect({ idb: indexedDB, dbName: name, keyFor: () => undefined, onBatch: () => undefined })).rejects.toBeTruthy();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('lets go of the database when the app upgrades or replaces it, and says so', async () => {
    for (let i = 0; i < 30; i++) await addNote(b, { text: `Notitie ${i}`, internal: false });
    db.close();
    let batches = 0;
    let upgrade: Promise<void> | null = null;
    const read = readNarrativesDirect({
      idb: indexedDB,
      dbName: db.name,
      keyFor: (id) => session.householdKeyEntries().find(([k]) => k === id)?.[1],
      batchSize: 1,
      onBatch: () => {
        // After the first batch, another connection asks for a newer version.
        if (++batches === 1)
          upgrade = new Promise((resolve, reject) => {
            const req = indexedDB.open(db.name, db.verno * 10 + 1);
            req.onsuccess = () => {
              req.result.close();
              resolve();
            };
            req.onerror = () => reject(req.error ?? new Error('open failed'));
          });
      },
    });
    await expect(read).rejects.toBeInstanceOf(ReaderClosedError);
    await upgrade;
    expect(batches).toBeLessThan(35);
  });
});
