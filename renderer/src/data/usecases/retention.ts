import { z } from 'zod';
import { AssessmentSchema } from '@shared/domain/casefile';
import { HouseholdSchema, type Household } from '@shared/domain/household';
import type { TableName } from '../db';
import { getSession } from '../session';
import { sealAudit } from '../stores/audit/audit';
import { open, openAll, seal } from '../stores/kit';
import { HOUSEHOLD_TABLES, householdRows } from '../stores/tables';
import { getTeamPrivacy } from '../stores/team/settings';

/**
 * Retention (bewaartermijn): closed households older than the team's term are proposed for
 * deletion or anonymisation; after the user confirms, every row of the household is deleted
 * from every household-scoped table AND its key row is destroyed. IndexedDB's LevelDB may keep
 * old ciphertext bytes on disk until a compaction; without the household key they are noise
 * (crypto-shredding, docs/adr/0003-encryption-at-rest.md).
 */

export type RetentionCandidate = Readonly<{
  id: string;
  displayName: string;
  closedAt: string;
  /** The day the retention term ended (YYYY-MM-DD). */
  expiredOn: string;
}>;

/** Add whole calendar months to an ISO date or timestamp, clamping to the month's last day. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** The moment a closed household was closed; older data without closedAt falls back to its last activity. */
function closedAtOf(h: Household): string {
  return h.closedAt ?? h.lastActivityAt;
}

/** Closed households whose retention term has passed on `today` (YYYY-MM-DD), oldest first. */
export async function retentionCandidates(today: string): Promise<RetentionCandidate[]> {
  const { retentionMonths } = await getTeamPrivacy();
  const rows = await getSession().db.households.where('status').equals('afgesloten').toArray();
  const closed = await openAll('households', rows, HouseholdSchema);
  return closed
    .map((h) => ({ id: h.id, displayName: h.displayName, closedAt: closedAtOf(h), expiredOn: addMonths(closedAtOf(h), retentionMonths) }))
    .filter((c) => c.expiredOn <= today)
    .sort((a, b) => (a.closedAt < b.closedAt ? -1 : 1));
}

/**
 * What an anonymised household leaves behind: only counts and coarse categories the
 * management figures need (no id, no name, no dates finer than a year, no text).
 */
export const AnonymousAggregateSchema = z.object({
  closedYear: z.number().int(),
  wijk: z.string().optional(),
  durationMonths: z.number().int().nonnegative(),
  memberCount: z.number().int().nonnegative(),
  /** Life-domain ids that were assessed (the team's own domain list, not text). */
  domainIds: z.array(z.string()),
  goalCount: z.number().int().nonnegative(),
  actionCount: z.number().int().nonnegative(),
  /** How many knelpunten (signalled bottlenecks) referred to this household. */
  knelpuntLinks: z.number().int().nonnegative(),
});
export type AnonymousAggregate = z.infer<typeof AnonymousAggregateSchema>;

const AGGREGATES_ID = 'retention-aggregates';
const AggregatesRowSchema = z.object({ id: z.literal(AGGREGATES_ID), items: z.array(AnonymousAggregateSchema) });

export async function listAnonymousAggregates(): Promise<AnonymousAggregate[]> {
  const row = await getSession().db.settings.get(AGGREGATES_ID);
  return row ? (await open('settings', row, AggregatesRowSchema)).items : [];
}

function monthsBetween(fromIso: string, toIso: string): number {
  const [fy, fm] = fromIso.slice(0, 7).split('-').map(Number) as [number, number];
  const [ty, tm] = toIso.slice(0, 7).split('-').map(Number) as [number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm));
}

/** The household-scoped tables other than households itself: all indexed by householdId. */
// Every household-scoped table but the household row and its key, for the count of rows removed.
const CHILD_TABLES: readonly TableName[] = HOUSEHOLD_TABLES.filter((t) => t !== 'households' && t !== 'householdKeys');

async function aggregateOf(h: Household): Promise<AnonymousAggregate> {
  const db = getSession().db;
  const assessments = await openAll(
    'assessments',
    await db.assessments.where('householdId').equals(h.id).toArray(),
    AssessmentSchema.pick({ domainId: true }),
  );
  // Knelpunten belong to the feedback feature; a link is any mention of the household's id in
  // a knelpunt's sealed payload, so this stays right whatever shape that feature gives it.
  const knelpunten = await openAll('knelpunten', await db.knelpunten.toArray(), z.looseObject({}));
  const closedAt = closedAtOf(h);
  return {
    closedYear: Number(closedAt.slice(0, 4)),
    ...(h.wijk ? { wijk: h.wijk } : {}),
    durationMonths: monthsBetween(h.createdAt, closedAt),
    memberCount: h.members.length,
    domainIds: [...new Set(assessments.map((a) => a.domainId))].sort(),
    goalCount: await db.goals.where('householdId').equals(h.id).count(),
    actionCount: await db.actions.where('householdId').equals(h.id).count(),
    knelpuntLinks: knelpunten.filter((k) => JSON.stringify(k).includes(h.id)).length,
  };
}

export class NotDueError extends Error {
  constructor() {
    super('household is not due for retention');
    this.name = 'NotDueError';
  }
}

/**
 * Delete (or anonymise, then delete) one closed household whose term has passed. One
 * transaction: every row of every household-scoped table, the household key, the audit entry
 * (which says what happened to which record id, never a name) and, when anonymising, the
 * aggregate. Either all of it happens or nothing does.
 */
export async function eraseHousehold(id: string, mode: 'delete' | 'anonymise', today: string): Promise<{ rowsRemoved: number }> {
  const session = getSession();
  const db = session.db;
  const due = await retentionCandidates(today);
  if (!due.some((c) => c.id === id)) throw new NotDueError();
  const householdRow = await db.households.get(id);
  if (!householdRow) throw new NotDueError();
  const household = await open('households', householdRow, HouseholdSchema);

  let aggregatesRow = null;
  if (mode === 'anonymise') {
    const items = [...(await listAnonymousAggregates()), await aggregateOf(household)];
    aggregatesRow = await seal('settings', { id: AGGREGATES_ID, items });
  }
  let rowsRemoved = 1;
  for (const t of CHILD_TABLES) rowsRemoved += await householdRows(db, t, id).count();
  const audit = await sealAudit({
    action: mode === 'delete' ? 'household.delete' : 'household.anonymise',
    entity: 'household',
    entityId: id,
    details: { reason: 'bewaartermijn', closedYear: Number(closedAtOf(household).slice(0, 4)), rowsRemoved },
  });

  const tables = [db.audit, db.settings, ...HOUSEHOLD_TABLES.map((t) => db.rows(t))];
  await db.transaction('rw', tables, async () => {
    // Every record of the household (stores/tables.ts householdRecords), its key included.
    for (const t of HOUSEHOLD_TABLES) await householdRows(db, t, id).delete();
    if (aggregatesRow) await db.settings.put(aggregatesRow);
    await db.audit.add(audit);
  });
  session.forgetHousehold(id);
  return { rowsRemoved };
}
