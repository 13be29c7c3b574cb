import { ReaderClosedError, readNarrativesDirect } from '../../../data/stores/casefile/narrative-reader';
import { CaseSearch, type WorkerReply, type WorkerRequest } from './search-core';
import { docsOfBatch } from './search-docs';

/**
 * The search worker's side of the conversation (search.worker.ts hands it every message; unit
 * tests drive it directly with fake-indexeddb). Decrypted names and narratives reach it as
 * messages or are decrypted here; they live only in its memory. The household keys it is given
 * are dropped once the narratives are read.
 */
export function createSearchHost(deps: { idb: IDBFactory; reply: (msg: WorkerReply) => void }): { handle(msg: WorkerRequest): Promise<void> } {
  const search = new CaseSearch();
  const keys = new Map<string, CryptoKey>();
  /** Households whose narratives the page re-sent while the narratives were being read: what was read of them is stale. */
  const resent = new Set<string>();
  let reading = false;

  async function readNarratives(dbName: string): Promise<void> {
    reading = true;
    try {
      await readNarrativesDirect({
        idb: deps.idb,
        dbName,
        keyFor: (householdId) => keys.get(householdId),
        onBatch: (batch, progress) => {
          const docs = docsOfBatch(batch).filter((d) => !resent.has(d.householdId));
          if (docs.length) search.addMany(docs);
          deps.reply({ type: 'narratives', progress });
        },
      });
    } catch (e) {
      deps.reply({ type: 'narrativesFailed', closed: e instanceof ReaderClosedError });
    } finally {
      reading = false;
      resent.clear();
      keys.clear();
    }
  }

  return {
    /** Every message but 'loadNarratives' is handled before this returns; that one settles when the narratives are read. */
    handle(msg) {
      switch (msg.type) {
        case 'keys':
          for (const [id, key] of msg.keys) keys.set(id, key);
          break;
        case 'loadNarratives':
          return readNarratives(msg.dbName);
        default: {
          if (reading && msg.type === 'replace' && msg.scope === 'narratives') for (const id of msg.householdIds) resent.add(id);
          const answer = search.handle(msg);
          if (answer) deps.reply(answer);
        }
      }
      return Promise.resolve();
    },
  };
}
