import { parseCsv } from '@shared/import/csv';
import { decodeSpreadsheetText, ImportFileError, type TextEncoding } from '@shared/import/text';
import { isOleCompound, isZip, readXlsx } from '@shared/import/xlsx';

/**
 * Reading a spreadsheet file into rows of text: the file type, XLSX inflating, CSV decoding.
 * Runs in the import worker (import.worker.ts); the page never parses.
 */
export type SpreadsheetKind = 'csv' | 'xlsx';
export type Spreadsheet = { kind: SpreadsheetKind; rows: string[][]; encoding?: TextEncoding };

/**
 * Compressed input is fed to the inflater in slices of this size, and only when the inflater
 * wants more (a pull source with no queue). Deflate expands at most ~1032:1, so whatever the
 * reader has not consumed yet is bounded by about 4 MiB, however large the entry really inflates.
 */
const INPUT_SLICE = 4096;

/**
 * Raw deflate as a stream of output chunks (DecompressionStream, in workers and pages alike).
 * When the caller stops iterating (a size limit was passed) the stream is cancelled and no more
 * input is fed. `onInput` counts the compressed bytes fed (for tests).
 */
export async function* inflateRawChunks(data: Uint8Array, opts: { onInput?: (bytes: number) => void } = {}): AsyncGenerator<Uint8Array> {
  let at = 0;
  const input = new ReadableStream<BufferSource>(
    {
      pull(controller) {
        if (at >= data.byteLength) {
          controller.close();
          return;
        }
        const slice = data.slice(at, at + INPUT_SLICE);
        at += slice.byteLength;
        opts.onInput?.(slice.byteLength);
        controller.enqueue(slice);
      },
    },
    { highWaterMark: 0 },
  );
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Reached on a normal end, an error and an early return alike: stop the pipe and the inflater.
    await reader.cancel().catch(() => undefined);
  }
}

export async function readSpreadsheet(bytes: Uint8Array, fileName: string, onProgress?: (fraction: number) => void): Promise<Spreadsheet> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xls') || lower.endsWith('.xlsb') || lower.endsWith('.ods')) throw new ImportFileError('unknown-type');
  if (isZip(bytes) || isOleCompound(bytes) || lower.endsWith('.xlsx')) {
    const rows = await readXlsx(bytes, (d) => inflateRawChunks(d));
    if (rows.length === 0) throw new ImportFileError('empty');
    return { kind: 'xlsx', rows };
  }
  const { text, encoding } = decodeSpreadsheetText(bytes);
  const rows = parseCsv(text, undefined, onProgress);
  if (rows.length === 0) throw new ImportFileError('empty');
  if (rows.length === 1) throw new ImportFileError('no-header');
  return { kind: 'csv', rows, encoding };
}
