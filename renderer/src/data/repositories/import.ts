import { parseCsv } from '@shared/import/csv';
import { HouseholdSchema, type Household, type ParsedHouseholdDraft } from '@shared/domain/household';
import { decodeSpreadsheetText, ImportFileError, type TextEncoding } from '@shared/import/text';
import { isOleCompound, isZip, readXlsx } from '@shared/import/xlsx';
import type { StoredRow } from '../db';
import { getSession } from '../session';
import { sealAudit } from './audit';
import { newId, nowIso, seal } from './kit';

/**
 * Import households and members from a spreadsheet (CSV or XLSX). Reading and validating are
 * pure (shared/import); this module decides the file type, inflates XLSX parts in the browser,
 * and writes: all valid households in ONE transaction after every one of them was sealed, so an
 * import is either wholly written or not at all (a full disk aborts it as a whole).
 */
export type SpreadsheetKind = 'csv' | 'xlsx';
export type Spreadsheet = { kind: SpreadsheetKind; rows: string[][]; encoding?: TextEncoding };

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<Spreadsheet> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xls') || lower.endsWith('.xlsb') || lower.endsWith('.ods')) throw new ImportFileError('unknown-type');
  if (isZip(bytes) || isOleCompound(bytes) || lower.endsWith('.xlsx')) {
    const rows = await readXlsx(bytes, inflateRaw);
    if (rows.length === 0) throw new ImportFileError('empty');
    return { kind: 'xlsx', rows };
  }
  const { text, encoding } = decodeSpreadsheetText(bytes);
  const rows = parseCsv(text);
  if (rows.length === 0) throw new ImportFileError('empty');
  if (rows.length === 1) throw new ImportFileError('no-header');
  return { kind: 'csv', rows, encoding };
}

export type ImportProgress = (phase: 'seal' | 'write', fraction: number) => void;

/** Write validated drafts as new households. Returns the ids written, in order. */
export async function importHouseholds(drafts: readonly ParsedHouseholdDraft[], onProgress?: ImportProgress): Promise<string[]> {
  const session = getSession();
  const rows: { key: StoredRow; household: StoredRow }[] = [];
  const now = nowIso();
  const created: Household[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i];
    if (!draft) continue;
    const id = newId();
    const household = HouseholdSchema.parse({
      ...draft,
      id,
      status: 'aangemeld',
      members: draft.members.map((m) => ({ ...m, id: m.id ?? newId() })),
      createdAt: now,
      updatedAt: now,
      lastActivityAt: now,
    });
    const { row: keyRow } = await session.newHouseholdKey(id);
    rows.push({ key: keyRow, household: await seal('households', household) });
    created.push(household);
    if (i % 20 === 0 || i === drafts.length - 1) onProgress?.('seal', (i + 1) / drafts.length);
  }
  const audit = await sealAudit({ action: 'import', entity: 'household', details: { households: created.length } });
  const db = session.db;
  onProgress?.('write', 0);
  await db.transaction('rw', [db.households, db.householdKeys, db.audit], async () => {
    await db.householdKeys.bulkAdd(rows.map((r) => r.key));
    await db.households.bulkAdd(rows.map((r) => r.household));
    await db.audit.add(audit);
  });
  onProgress?.('write', 1);
  return created.map((h) => h.id);
}
