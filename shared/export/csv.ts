/**
 * The app's one CSV writer: every CSV the app writes (export documents in document.ts, the audit
 * log in renderer/src/data/stores/audit/audit.ts) goes through here, so no second writer can
 * forget the formula guard.
 *
 * Formula guard (CSV injection): a spreadsheet runs a cell that starts with =, +, - or @ as a
 * formula, and Excel also after a leading tab or carriage return. Such a cell gets a leading
 * single quote, which the spreadsheet shows as text; the value itself is kept, readable.
 * Quoting is RFC 4180: a cell holding a quote, either separator, or a line break is quoted, and
 * quotes inside are doubled, so a cell never splits into two. Both separators are quoted so a
 * file stays one table whichever separator the reader's spreadsheet guesses.
 */

export type CsvOptions = Readonly<{
  /** ";" by default: what Dutch spreadsheets expect. The audit log keeps its "," format. */
  separator?: ';' | ',';
  newline?: '\n' | '\r\n';
}>;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\r\n]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text, every line (the last too) ended by `newline`. */
export function writeCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const newline = options.newline ?? '\n';
  return rows.map((r) => `${r.map(csvCell).join(separator)}${newline}`).join('');
}
