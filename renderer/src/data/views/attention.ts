import { ActionSchema, PlanSchema, type Action } from '@shared/domain/casefile';
import { EscalationSchema, FeedbackDutySchema } from '@shared/domain/feedback';
import { attentionItems, compareAttention, type AttentionItem } from '@shared/domain/feedback-rules';
import { ConsentSchema } from '@shared/domain/partners';
import type { Table } from 'dexie';
import type { z } from 'zod';
import { onStoreChange } from '../changes';
import type { StoredRow, TableName } from '../db';
import { getSession, type Session } from '../session';
import { backgroundPass, openChunked, readChunked, readTable } from '../stores/kit';
import { currentUserId, getFeedbackRules, syncFeedbackDuties } from '../stores/feedback/feedback';

/*
 * View: the attention list ("Aandacht"), a read model derived from the households, case-file,
 * feedback and partners stores. It never writes; the feedback duties it depends on are synced
 * by the feedback store (syncFeedbackDuties) before it reads.
 */

/** A row that does not open or validate is skipped (another feature's half-migrated row must not blank the list). */
function openManyLenient<S extends z.ZodType>(table: TableName, rows: readonly StoredRow[], schema: S): Promise<z.output<S>[]> {
  return openChunked(table, rows, schema, true);
}

export type AttentionData = Readonly<{
  items: readonly AttentionItem[];
  /** Short descriptions per item key (action text, duty recipient, escalation step). */
  details: ReadonlyMap<string, string>;
  userId: string | undefined;
}>;

/** What one household contributes to the attention list. */
type HouseholdAttention = Readonly<{ items: readonly AttentionItem[]; details: readonly (readonly [string, string])[] }>;

/** Tables whose rows are facts of the attention list or of the duties it derives; other writes cannot move it. */
const ATTENTION_TABLES: ReadonlySet<string> = new Set<TableName>(['households', 'intakes', 'plans', 'actions', 'feedbackDuties', 'escalations', 'consents']);
/** A write to the team's settings may change the rules (weeks of inactivity, evaluation cycle): everything is derived again. */
const ATTENTION_RESET_TABLES: ReadonlySet<string> = new Set<TableName>(['settings']);
/** Beyond this many changed households a full pass is cheaper than many small ones. */
const MAX_INCREMENTAL = 100;

/**
 * The attention list at 10,000 households takes a full pass over every household, plan and
 * consent (about a second); deriving it again after every save stood in front of the next
 * interaction (docs/adr/0004-performance.md). Every item belongs to one household, so the list is
 * kept per household: after a committed write only the households it touched are derived again.
 * The store-change listener records which rows changed; they are resolved to households on the
 * next read. In memory only; dropped with the session and when the day changes.
 */
type AttentionCache = {
  session: Session;
  today: string;
  byHousehold: Map<string, HouseholdAttention> | null;
  /** The list as last returned; the same object while nothing changed, so readers see no change. */
  snapshot: Omit<AttentionData, 'userId'> | null;
  /** Rows written since the last derivation, per table; `all` when they are not known one by one. */
  pending: Map<string, Set<string>>;
  all: boolean;
  unsubscribe: () => void;
};
let attentionCache: AttentionCache | null = null;

function attentionCacheFor(today: string): AttentionCache {
  const session = getSession();
  if (attentionCache && attentionCache.session === session && attentionCache.today === today) return attentionCache;
  attentionCache?.unsubscribe();
  const cache: AttentionCache = { session, today, byHousehold: null, snapshot: null, pending: new Map(), all: true, unsubscribe: () => undefined };
  // Subscribed before the first read: a write committed while the list is derived is picked up next time.
  cache.unsubscribe = onStoreChange((_tables, keys) => {
    for (const [table, changed] of keys) {
      if (ATTENTION_RESET_TABLES.has(table)) cache.all = true;
      if (!ATTENTION_TABLES.has(table)) continue;
      if (changed === 'all') {
        cache.all = true;
        continue;
      }
      const set = cache.pending.get(table) ?? new Set<string>();
      for (const k of changed) set.add(String(k));
      cache.pending.set(table, set);
    }
  }, session.db.name);
  attentionCache = cache;
  return cache;
}

/** The households the pending rows belong to, or null when one cannot be told (a deleted row): then derive everything. */
async function pendingHouseholds(pending: ReadonlyMap<string, ReadonlySet<string>>): Promise<Set<string> | null> {
  const db = getSession().db;
  const out = new Set<string>(pending.get('households') ?? []);
  for (const [table, keys] of pending) {
    if (table === 'households' || keys.size === 0) continue;
    const rows = await db.rows(table as TableName).bulkGet([...keys]);
    for (const r of rows) {
      if (!r || typeof r.householdId !== 'string') return null;
      out.add(r.householdId);
    }
  }
  return out;
}

/** Open actions due before today, from two index reads (keys only): no action row is read to find them. */
async function overdueOpenActionKeys(today: string): Promise<string[]> {
  const db = getSession().db;
  const [due, open] = await Promise.all([db.actions.where('dueDate').below(today).primaryKeys(), db.actions.where('status').equals('open').primaryKeys()]);
  const openSet = new Set(open);
  return due.filter((k) => openSet.has(k));
}

/**
 * Derive the attention items of the given households (all of them when `scope` is undefined).
 * Plain index fields narrow first (status, due dates, lastActivityAt); only what can be an item is opened.
 */
async function deriveAttention(today: string, scope: readonly string[] | undefined): Promise<Map<string, HouseholdAttention>> {
  if (scope) for (const id of scope) await syncFeedbackDuties(id);
  else await syncFeedbackDuties();
  const db = getSession().db;
  const rules = await getFeedbackRules();
  const ids = scope ? [...scope] : [];
  const inScope = <T extends Table<StoredRow, string>>(t: T) => t.where('householdId').anyOf(ids).toArray();
  // Some households: one read transaction. All of them: chunked reads (see syncFeedbackDuties).
  const [hhRows, dutyRowsAll, actionRowsAll, planRowsAll, escalationRowsAll, consentRows] = scope
    ? await db.transaction('r', [db.households, db.feedbackDuties, db.actions, db.plans, db.escalations, db.consents], () =>
        Promise.all([
          db.households.bulkGet(ids).then((rows) => rows.filter((r): r is StoredRow => r !== undefined)),
          inScope(db.feedbackDuties),
          inScope(db.actions),
          inScope(db.plans),
          inScope(db.escalations),
          inScope(db.consents),
        ]),
      )
    : [
        await readTable(db.households),
        await readTable(db.feedbackDuties, (r) => r.status === 'open' && String(r.dueDate) < today),
        await readChunked(db.actions, overdueOpenActionKeys(today)),
        await readTable(db.plans, (r) => r.status === 'actief'),
        await readChunked(db.escalations, db.escalations.where('status').equals('open').primaryKeys()),
        await readTable(db.consents),
      ];
  const dutyRows = dutyRowsAll.filter((r) => String(r.dueDate) < today);
  const actionRows = actionRowsAll.filter((r) => String(r.dueDate) < today);
  const planRows = planRowsAll.filter((r) => r.status === 'actief');
  const escalationRows = escalationRowsAll.filter((r) => r.status === 'open');
  const households = hhRows.map((r) => ({
    id: String(r.id),
    status: String(r.status),
    regisseurId: typeof r.regisseurId === 'string' ? r.regisseurId : undefined,
    lastActivityAt: String(r.lastActivityAt),
  }));
  const [duties, plans, escalations, consents] = await Promise.all([
    openManyLenient('feedbackDuties', dutyRows.filter((r) => r.status === 'open'), FeedbackDutySchema),
    openManyLenient('plans', planRows, PlanSchema),
    openManyLenient('escalations', escalationRows, EscalationSchema),
    openManyLenient('consents', consentRows, ConsentSchema),
  ]);
  const overdueActions = actionRows
    .filter((r) => r.status === 'open')
    .map((r) => ({ id: String(r.id), householdId: String(r.householdId), status: 'open' as const, dueDate: String(r.dueDate), ownerId: typeof r.ownerId === 'string' ? r.ownerId : undefined }));
  const items = attentionItems({
    today,
    inactivityWeeks: rules.inactivityWeeks,
    evaluationMonths: rules.evaluationMonths,
    households,
    duties,
    actions: overdueActions,
    plans,
    escalations,
    consents,
  });
  // Open only what the list shows: the overdue actions' text. (Names come from the case list,
  // which holds every household decrypted already.)
  const actionIds = new Set(items.filter((i) => i.kind === 'action_overdue').map((i) => i.refId));
  const actions = (await openManyLenient('actions', actionRows.filter((r) => actionIds.has(String(r.id))), ActionSchema)) as Action[];
  const details = new Map<string, string>();
  for (const a of actions) details.set(`a:${a.id}`, a.text);
  for (const d of duties) details.set(`f:${d.id}`, d.recipient.organisation ?? d.recipient.name ?? d.recipient.party?.name ?? '');
  for (const e of escalations) details.set(`s:${e.id}`, e.log[e.log.length - 1]?.label ?? '');

  const byHousehold = new Map<string, { items: AttentionItem[]; details: [string, string][] }>();
  // A household in scope with nothing left to do must replace what it had.
  for (const id of ids) byHousehold.set(id, { items: [], details: [] });
  for (const item of items) {
    const entry = byHousehold.get(item.householdId) ?? { items: [], details: [] };
    entry.items.push(item);
    const detail = details.get(item.key);
    if (detail !== undefined) entry.details.push([item.key, detail]);
    byHousehold.set(item.householdId, entry);
  }
  return new Map([...byHousehold].map(([id, e]) => [id, { items: e.items, details: e.details }]));
}

/**
 * Everything that needs attention today. The first call of a session (and of a day) derives the
 * whole list; later calls derive again only the households written to since.
 */
export function loadAttention(today: string): Promise<AttentionData> {
  // One derivation at a time: a second caller waits and then sees what the first one merged.
  const next = attentionQueue.then(() => loadAttentionNow(today));
  attentionQueue = next.catch(() => undefined);
  return next;
}
let attentionQueue: Promise<unknown> = Promise.resolve();

async function loadAttentionNow(today: string): Promise<AttentionData> {
  const cache = attentionCacheFor(today);
  const pending = cache.pending;
  cache.pending = new Map();
  try {
    let scope = cache.all || !cache.byHousehold || !cache.snapshot ? null : await pendingHouseholds(pending);
    if (scope && scope.size > MAX_INCREMENTAL) scope = null;
    if (scope === null) {
      cache.all = false;
      cache.byHousehold = await backgroundPass(() => deriveAttention(today, undefined));
      cache.snapshot = snapshotOf(cache.byHousehold);
    } else if (scope.size > 0 && cache.byHousehold && cache.snapshot) {
      const fresh = await deriveAttention(today, [...scope]);
      for (const [id, entry] of fresh) {
        if (entry.items.length) cache.byHousehold.set(id, entry);
        else cache.byHousehold.delete(id);
      }
      cache.snapshot = patchSnapshot(cache.snapshot, fresh);
    }
  } catch (e) {
    // What was pending is not applied: the next read starts over rather than keep a stale household.
    cache.all = true;
    throw e;
  }
  const snapshot = cache.snapshot ?? snapshotOf(new Map());
  return { ...snapshot, userId: await currentUserId() };
}

function snapshotOf(byHousehold: ReadonlyMap<string, HouseholdAttention>): Omit<AttentionData, 'userId'> {
  const items: AttentionItem[] = [];
  const details = new Map<string, string>();
  for (const entry of byHousehold.values()) {
    items.push(...entry.items);
    for (const [k, v] of entry.details) details.set(k, v);
  }
  return { items: items.sort(compareAttention), details };
}

/**
 * The list with some households' items replaced: the others keep their place (one filter pass),
 * the new ones are inserted where the order puts them. No re-sort of thousands of items per save.
 */
function patchSnapshot(prev: Omit<AttentionData, 'userId'>, fresh: ReadonlyMap<string, HouseholdAttention>): Omit<AttentionData, 'userId'> {
  const items = prev.items.filter((i) => !fresh.has(i.householdId));
  const details = new Map(prev.details);
  for (const old of prev.items) if (fresh.has(old.householdId)) details.delete(old.key);
  for (const entry of fresh.values()) {
    for (const [k, v] of entry.details) details.set(k, v);
    for (const item of entry.items) {
      let lo = 0;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const other = items[mid];
        if (other && compareAttention(other, item) <= 0) lo = mid + 1;
        else hi = mid;
      }
      items.splice(lo, 0, item);
    }
  }
  return { items, details };
}

