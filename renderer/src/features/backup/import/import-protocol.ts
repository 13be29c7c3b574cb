import type { ParsedHouseholdDraft } from '@shared/domain/household';
import type { RowReport } from '@shared/import/households';
import type { ColumnMapping } from '@shared/import/mapping';
import type { TextEncoding } from '@shared/import/text';

/**
 * Messages between the import panel and the import worker. The worker reads, parses, checks
 * and maps the spreadsheet (shared/import); the page only shows progress, the mapping and the
 * report, and writes the checked households. Only type imports here: this module is on the page.
 */
export type ImportPhase = 'read' | 'check';

/** What the mapping step needs of the file (the rows stay in the worker). */
export type SheetPreview = {
  kind: 'csv' | 'xlsx';
  encoding?: TextEncoding;
  headers: string[];
  example: string[];
  /** Data rows (without the header). */
  rows: number;
  suggested: ColumnMapping;
};

/**
 * The report as the page shows it: the counts of the whole plan and the rows it lists (all rows
 * of a small file; of a large one the first rows with a remark). The household drafts stay in
 * the worker until the user presses the import button ('drafts'), so a 50,000-row check does not
 * copy them to the page for nothing.
 */
export type PlanSummary = {
  households: number;
  imported: number;
  skipped: number;
  neutralised: number;
  /** Data rows checked. */
  rows: number;
  /** Rows with a problem or a neutralised cell. */
  remarks: number;
  listed: RowReport[];
};

/** More report rows than this are not listed one by one (the summary counts them all). */
export const REPORT_LIST_LIMIT = 500;

/** An ImportFileError as data (a class does not survive postMessage); anything else is `unexpected`. */
export type WireError = { kind: 'import-file'; code: string; detail?: { row?: number; column?: number; reason?: string } } | { kind: 'unexpected' };

export type ImportRequest =
  | { type: 'read'; id: number; file: Blob; name: string }
  | { type: 'check'; id: number; mapping: ColumnMapping }
  | { type: 'drafts'; id: number };

export type ImportReply =
  | { type: 'progress'; id: number; phase: ImportPhase; fraction: number }
  | { type: 'read-done'; id: number; preview: SheetPreview }
  | { type: 'check-done'; id: number; summary: PlanSummary }
  | { type: 'drafts-done'; id: number; households: ParsedHouseholdDraft[] }
  | { type: 'failed'; id: number; error: WireError };
