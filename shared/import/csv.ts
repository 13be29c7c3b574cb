import { ImportFileError } from './text';

/**
 * RFC 4180 CSV with the delimiter Excel chose (Dutch Excel writes ';'), quoted fields with
 * doubled quotes, CRLF/LF/CR line ends. Bounded: a cell over MAX_CELL characters, more than
 * MAX_ROWS rows or MAX_COLUMNS columns is an error, not a hang.
 */
export const MAX_CELL = 10_000;
export const MAX_ROWS = 50_000;
export const MAX_COLUMNS = 200;
const PROGRESS_STEP = 64 * 1024;

export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text.slice(0, 10_000).split(/\r\n|\n|\r/)[0] ?? '';
  const count = (ch: string) => {
    let n = 0;
    let quoted = false;
    for (const c of firstLine) {
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === ch) n++;
    }
    return n;
  };
  const candidates = [';', ',', '\t'] as const;
  let best: ',' | ';' | '\t' = ',';
  let bestCount = 0;
  for (const c of candidates) {
    const n = count(c);
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

/** `onProgress` gets the fraction of the text read, about every 64 KiB of text. */
export function parseCsv(text: string, delimiter = detectDelimiter(text), onProgress?: (fraction: number) => void): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteStartRow = 0;
  let i = 0;
  let nextReport = PROGRESS_STEP;
  const push = () => {
    if (cell.length > MAX_CELL) throw new ImportFileError('cell-too-long', { row: rows.length + 1, column: row.length + 1 });
    row.push(cell);
    if (row.length > MAX_COLUMNS) throw new ImportFileError('too-many-columns', { row: rows.length + 1 });
    cell = '';
  };
  const endRow = () => {
    push();
    // Skip completely empty lines (Excel leaves them at the end).
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    if (rows.length > MAX_ROWS) throw new ImportFileError('too-many-rows');
    row = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += c;
      if (cell.length > MAX_CELL) throw new ImportFileError('cell-too-long', { row: rows.length + 1, column: row.length + 1 });
      i++;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      quoteStartRow = rows.length + 1;
      i++;
    } else if (c === delimiter) {
      push();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      if (onProgress && i >= nextReport) {
        onProgress(i / text.length);
        nextReport = i + PROGRESS_STEP;
      }
    } else {
      cell += c;
      if (cell.length > MAX_CELL) throw new ImportFileError('cell-too-long', { row: rows.length + 1, column: row.length + 1 });
      i++;
    }
  }
  if (quoted) throw new ImportFileError('unterminated-quote', { row: quoteStartRow });
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}
