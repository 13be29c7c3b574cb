import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openJson } from '../../../renderer/src/crypto/aead';
import type { TableName } from '../../../renderer/src/data/db';
import { MIGRATIONS } from '../../../renderer/src/data/migrations';
import { AuditEntrySchema } from '../../../renderer/src/data/stores/audit/audit';
import { createHousehold } from '../../../renderer/src/data/stores/households/households';
import {
  HOUSEHOLD_SCOPED,
  KEY_TABLES,
  PLAIN_FIELDS,
  PLAIN_FIELD_REASONS,
  PLAIN_FREE_TEXT,
  openRecord,
  sealRecord,
} from '../../../renderer/src/data/records';
import { IdSchema, IsoDateSchema, TimestampSchema } from '../../../shared/domain/common';
import { HouseholdSchema } from '../../../shared/domain/household';
import { freshUnlockedDb } from '../../support/test-db';

const CANARY = 'Kanarie-Zwaluwstaart-7781';

describe('records at rest', () => {
  it('every index of every table is on the plain-field allowlist', () => {
    const latest = MIGRATIONS[MIGRATIONS.length - 1];
    expect(latest).toBeDefined();
    for (const [table, spec] of Object.entries(latest?.stores ?? {})) {
      if (!spec) continue;
      const allow: readonly string[] = PLAIN_FIELDS[table as keyof typeof PLAIN_FIELDS];
      expect(allow, `table ${table} has no allowlist`).toBeDefined();
      for (const idx of spec.split(',').map((s) => s.trim().replace(/^(\+\+|&|\*)/, '').replace(/^\[|\]$/g, ''))) {
        for (const part of idx.split('+')) expect(allow, `${table}.${part} is indexed but not allowlisted`).toContain(part);
      }
    }
  });

  it('stores nothing but allowlisted plain fields and the sealed payload', async () => {
    const { db } = await freshUnlockedDb();
    await createHousehold({
      displayName: `Familie ${CANARY}`,
      wijk: 'Oost',
      members: [{ role: 'ouder', firstName: CANARY, lastName: CANARY, bsn: '111222333', birthDate: '1980-01-01' }],
    });
    for (const table of db.tables) {
      const allow: readonly string[] = PLAIN_FIELDS[table.name as keyof typeof PLAIN_FIELDS];
      for (const row of await table.toArray()) {
        for (const key of Object.keys(row as object)) {
          if (key === 'enc') continue;
          expect(allow, `${table.name}.${key} is stored in plain text`).toContain(key);
        }
        if (!KEY_TABLES.has(table.name as never)) expect((row as { enc?: unknown }).enc).toBeInstanceOf(Uint8Array);
        expect(JSON.stringify(row)).not.toContain(CANARY);
        expect(JSON.stringify(row)).not.toContain('111222333');
      }
    }
  });

  it('binds a ciphertext to its table and id', async () => {
    const { session } = await freshUnlockedDb();
    const h = HouseholdSchema.parse({
      id: 'a',
      displayName: 'X',
      status: 'actief',
      members: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      lastActivityAt: '2026-01-01T00:00:00.000Z',
    });
    const row = await sealRecord('households', h, session.dataKey);
    expect((await openRecord('households', row, session.dataKey, HouseholdSchema)).displayName).toBe('X');
    await expect(openRecord('households', { ...row, id: 'b' }, session.dataKey, HouseholdSchema)).rejects.toThrow();
    await expect(openRecord('intakes', row, session.dataKey, HouseholdSchema)).rejects.toThrow();
  });

  it('household-scoped tables are sealed with a per-household key', async () => {
    const { db, session } = await freshUnlockedDb();
    const h = await createHousehold({ displayName: 'Familie Smit', members: [] });
    expect(HOUSEHOLD_SCOPED.has('households')).toBe(true);
    const row = await db.households.get(h.id);
    if (!row) throw new Error('row missing');
    // The data key alone cannot open it: it needs the household key.
    await expect(openRecord('households', row, session.dataKey, HouseholdSchema)).rejects.toThrow();
    const hk = await session.householdKey(h.id);
    expect((await openRecord('households', row, hk, HouseholdSchema)).displayName).toBe('Familie Smit');
  });
});

/* ------------------------------------------------------------------------------------------
 * Schema walk: every domain schema that is stored as a table row is filled with a unique
 * canary in every string leaf, sealed exactly as the repositories seal it, and the stored row
 * is searched. A canary outside the sealed payload must belong to an allowlisted plain field,
 * and a plain field whose schema is free text must be an explicit, justified exception.
 * ------------------------------------------------------------------------------------------ */

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** Strip wrappers that do not change what is stored (optional, default, preprocess …). */
function unwrap(s: z.ZodType): z.ZodType {
  let cur: z.ZodType = s;
  for (;;) {
    const d = defOf(cur);
    if (['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) cur = d.innerType as z.ZodType;
    else if (d.type === 'pipe') cur = (defOf(d.out).type === 'transform' ? d.in : d.out) as z.ZodType;
    else return cur;
  }
}

/** A value for every field (optional ones included), strings made unique canaries per path. */
function sample(s: z.ZodType, path: string, canaries: Map<string, string>): unknown {
  const inner = unwrap(s);
  const d = defOf(inner);
  switch (d.type) {
    case 'string': {
      const c = `Kanarie_${path.replace(/[^A-Za-z0-9]/g, '_')}_${canaries.size}`;
      canaries.set(c, path);
      return c;
    }
    case 'number':
    case 'bigint':
      return 3;
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(d.entries as Record<string, string>)[0];
    case 'literal':
      return (d.values as unknown[])[0];
    case 'array':
      return [sample(d.element as z.ZodType, `${path}[]`, canaries)];
    case 'object':
      return Object.fromEntries(
        Object.entries(d.shape as Record<string, z.ZodType>).map(([k, v]) => [k, sample(v, path ? `${path}.${k}` : k, canaries)]),
      );
    case 'record':
      return { k: sample(d.valueType as z.ZodType, `${path}{}`, canaries) };
    case 'union':
      return sample((d.options as z.ZodType[])[0] as z.ZodType, path, canaries);
    case 'intersection':
      return { ...(sample(d.left as z.ZodType, path, canaries) as object), ...(sample(d.right as z.ZodType, path, canaries) as object) };
    case 'tuple':
      return (d.items as z.ZodType[]).map((it, i) => sample(it, `${path}[${i}]`, canaries));
    case 'custom':
      return new Uint8Array([1, 2, 3]);
    default:
      return null;
  }
}

/** How a top-level field's schema classifies: only non-free-text kinds may be plain without an exception. */
function kindOf(field: string, s: z.ZodType): 'id' | 'date' | 'timestamp' | 'enum' | 'scalar' | 'free-text' | 'structured' {
  const inner = unwrap(s);
  if (inner === IdSchema) return 'id';
  // Record ids are made by the app (crypto.randomUUID), whatever string schema an area gives them.
  if (/^(id|[a-z]+Id)$/.test(field) && defOf(inner).type === 'string') return 'id';
  if (inner === IsoDateSchema) return 'date';
  if (inner === TimestampSchema) return 'timestamp';
  const t = defOf(inner).type;
  if (t === 'enum' || t === 'literal') return 'enum';
  if (t === 'number' || t === 'boolean' || t === 'bigint') return 'scalar';
  if (t === 'string') return 'free-text';
  return 'structured';
}

const DOMAIN_MODULES = import.meta.glob('../../../shared/domain/*.ts', { eager: true }) as Record<string, Record<string, unknown>>;
const TABLES = new Set(Object.keys(PLAIN_FIELDS) as TableName[]);

/**
 * Schemas whose table their name cannot tell. When a table's row schema is named differently
 * from the table, map it here: the coverage test below fails until every table has one.
 */
const EXPLICIT: Record<string, TableName> = { TeamSettingsSchema: 'settings', AppSettingsSchema: 'settings', CaseEventSchema: 'events' };

function tableFor(name: string): TableName | undefined {
  if (EXPLICIT[name]) return EXPLICIT[name];
  const base = name.replace(/Schema$/, '');
  const lower = base.charAt(0).toLowerCase() + base.slice(1);
  const candidates = [`${lower}s`, lower.replace(/y$/, 'ies'), `${lower}en`, lower];
  return candidates.find((c): c is TableName => TABLES.has(c as TableName));
}

type Stored = { table: TableName; name: string; schema: z.ZodType };

/** Tables that hold sealed rows but have no schema in the walk (so nothing would check them). */
function tablesWithoutSchema(walked: readonly Stored[]): TableName[] {
  return [...TABLES].filter((t) => !KEY_TABLES.has(t) && !walked.some((s) => s.table === t));
}
function storedSchemas(): Stored[] {
  const out: Stored[] = [{ table: 'audit', name: 'AuditEntrySchema', schema: AuditEntrySchema }];
  for (const mod of Object.values(DOMAIN_MODULES)) {
    for (const [name, value] of Object.entries(mod)) {
      if (!name.endsWith('Schema') || name.includes('Draft') || !(value instanceof z.ZodType)) continue;
      const table = tableFor(name);
      if (table && defOf(unwrap(value)).type === 'object') out.push({ table, name, schema: value });
    }
  }
  return out;
}

/** Problems with how a sealed row of this schema stores its fields; [] when all is well. */
async function plainProblems(
  s: Stored,
  key: CryptoKey,
  plain: Readonly<Record<string, readonly string[]>>,
  freeText: Readonly<Partial<Record<string, readonly string[]>>>,
): Promise<string[]> {
  const problems: string[] = [];
  const canaries = new Map<string, string>();
  const record = sample(s.schema, '', canaries) as Record<string, unknown>;
  const shape = defOf(unwrap(s.schema)).shape as Record<string, z.ZodType>;
  const allow = plain[s.table] ?? [];
  const row = await sealRecordWith(s.table, record, key, allow);
  const { enc, ...outside } = row;
  const visible = JSON.stringify(outside, (_k, v: unknown) => (v instanceof Uint8Array ? '' : v));
  for (const [canary, path] of canaries) {
    if (!visible.includes(canary)) continue;
    const field = path.split(/[.[{]/)[0] ?? path;
    if (!allow.includes(field)) problems.push(`${s.name} → ${s.table}.${path} is stored in plain text but not allowlisted`);
  }
  for (const field of allow) {
    const fieldSchema = shape[field];
    if (!fieldSchema) continue;
    const kind = kindOf(field, fieldSchema);
    if ((kind === 'free-text' || kind === 'structured') && !(freeText[s.table] ?? []).includes(field)) {
      problems.push(`${s.name} → ${s.table}.${field} is ${kind} and plain: not an id, enum, date or timestamp, and not a justified exception`);
    }
  }
  // Everything not plain must really be inside the ciphertext.
  const opened = (await openJson(key, enc as Uint8Array, `wijktafel:${s.table}:${String(record.id)}`)) as Record<string, unknown>;
  for (const k of Object.keys(record)) {
    if (!allow.includes(k) && !(k in opened) && record[k] !== undefined) problems.push(`${s.table}.${k} is missing from the sealed payload`);
  }
  return problems;
}

/** sealRecord with a given allowlist (the real one, or a broken one to prove the check can fail). */
async function sealRecordWith(table: TableName, record: Record<string, unknown>, key: CryptoKey, allow: readonly string[]) {
  const original = PLAIN_FIELDS[table];
  (PLAIN_FIELDS as Record<string, readonly string[]>)[table] = allow;
  try {
    return await sealRecord(table, record, key);
  } finally {
    (PLAIN_FIELDS as Record<string, readonly string[]>)[table] = original;
  }
}

describe('schema walk: every personal field of every table is sealed', () => {
  const stored = storedSchemas();

  const names = () => stored.map((s) => `${s.name}→${s.table}`);

  it('finds the stored schemas of every domain area', () => {
    for (const expected of ['HouseholdSchema→households', 'IntakeSchema→intakes', 'ActionSchema→actions', 'HandoverSchema→handovers', 'NoteSchema→notes', 'ContactSchema→contacts', 'ConsentSchema→consents', 'TeamMemberSchema→teamMembers', 'TeamSettingsSchema→settings', 'AuditEntrySchema→audit']) {
      expect(names()).toContain(expected);
    }
  });

  it('walks a schema for every table that holds sealed rows (only the key tables have none)', () => {
    expect(tablesWithoutSchema(stored)).toEqual([]);
    expect(names()).toContain('CaseEventSchema→events');
    // Proof the check can fail: without the case-event schema, events would go unchecked.
    expect(tablesWithoutSchema(stored.filter((s) => s.table !== 'events'))).toEqual(['events']);
    // And the key tables are exactly the unsealed ones, so nothing hides behind KEY_TABLES.
    expect([...KEY_TABLES].sort()).toEqual(['householdKeys', 'vault']);
  });

  it('every plain field has a reason', () => {
    for (const [table, fields] of Object.entries(PLAIN_FIELDS)) {
      const reasons = PLAIN_FIELD_REASONS[table as TableName] as Record<string, string>;
      for (const f of fields) expect(reasons[f]?.length ?? 0, `${table}.${f} has no reason`).toBeGreaterThan(20);
    }
  });

  it('no string field of any stored schema is plain unless allowlisted, and plain free text is a justified exception', async () => {
    const { session } = await freshUnlockedDb();
    const problems: string[] = [];
    for (const s of stored) problems.push(...(await plainProblems(s, session.dataKey, PLAIN_FIELDS, PLAIN_FREE_TEXT)));
    expect(problems).toEqual([]);
  });

  it('the walk fails when a free-text field is added to the plain allowlist (proof the check can fail)', async () => {
    const { session } = await freshUnlockedDb();
    const households = stored.find((s) => s.table === 'households');
    const contacts = stored.find((s) => s.table === 'contacts');
    if (!households || !contacts) throw new Error('schemas missing');
    const broken = { ...PLAIN_FIELDS, households: [...PLAIN_FIELDS.households, 'displayName', 'members'], contacts: [...PLAIN_FIELDS.contacts, 'phone'] };
    const found = [
      ...(await plainProblems(households, session.dataKey, broken, PLAIN_FREE_TEXT)),
      ...(await plainProblems(contacts, session.dataKey, broken, PLAIN_FREE_TEXT)),
    ];
    expect(found.join('\n')).toContain('households.displayName is free-text and plain');
    expect(found.join('\n')).toContain('households.members is structured and plain');
    expect(found.join('\n')).toContain('contacts.phone is free-text and plain');
    // And a new string field on a table is sealed automatically, with no allowlist change.
    const extended = { ...households, schema: (households.schema as z.ZodObject).extend({ secretNewField: z.string() }) };
    expect(await plainProblems(extended, session.dataKey, PLAIN_FIELDS, PLAIN_FREE_TEXT)).toEqual([]);
    const leaked = await plainProblems(extended, session.dataKey, { ...PLAIN_FIELDS, households: [...PLAIN_FIELDS.households, 'secretNewField'] }, PLAIN_FREE_TEXT);
    expect(leaked.join('\n')).toContain('households.secretNewField is free-text and plain');
  });
});
