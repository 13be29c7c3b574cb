import type { ParsedHouseholdDraft } from '@shared/domain/household';
import { buildImportPlan, type ImportPlan } from '@shared/import/households';
import { suggestMapping } from '@shared/import/mapping';
import { ImportFileError } from '@shared/import/text';
import { REPORT_LIST_LIMIT, type ImportReply, type ImportRequest, type PlanSummary, type WireError } from './import-protocol';
import { readSpreadsheet, type Spreadsheet } from './spreadsheet';

export function summarise(plan: ImportPlan): PlanSummary {
  const withRemarks = plan.rows.filter((r) => r.problems.length > 0 || r.neutralised.length > 0);
  return {
    households: plan.households.length,
    imported: plan.imported,
    skipped: plan.skipped,
    neutralised: plan.neutralised,
    rows: plan.rows.length,
    remarks: withRemarks.length,
    // A small file: every row; a large one: the first rows that have something to say.
    listed: plan.rows.length <= REPORT_LIST_LIMIT ? plan.rows : withRemarks.slice(0, REPORT_LIST_LIMIT),
  };
}

/**
 * The import worker's side (import.worker.ts hands it every message; unit tests drive it
 * directly). The rows of the file live only in this worker's memory, until the next file or
 * until the page terminates the worker (cancel, leaving the screen, locking).
 */
export function createImportHost(deps: { reply: (msg: ImportReply) => void }): { handle(msg: ImportRequest): Promise<void> } {
  let sheet: Spreadsheet | null = null;
  let drafts: ParsedHouseholdDraft[] | null = null;

  const wire = (e: unknown): WireError =>
    e instanceof ImportFileError ? { kind: 'import-file', code: e.code, ...(e.detail ? { detail: e.detail } : {}) } : { kind: 'unexpected' };

  /** Progress is sent at most once per whole percent, so the page gets at most ~100 messages per phase. */
  const progress = (id: number, phase: 'read' | 'check') => {
    let last = -1;
    return (fraction: number) => {
      const pct = Math.floor(fraction * 100);
      if (pct <= last) return;
      last = pct;
      deps.reply({ type: 'progress', id, phase, fraction: pct / 100 });
    };
  };

  return {
    async handle(msg) {
      try {
        if (msg.type === 'read') {
          sheet = null;
          drafts = null;
          const onProgress = progress(msg.id, 'read');
          onProgress(0);
          const bytes = new Uint8Array(await msg.file.arrayBuffer());
          sheet = await readSpreadsheet(bytes, msg.name, onProgress);
          const headers = sheet.rows[0] ?? [];
          deps.reply({
            type: 'read-done',
            id: msg.id,
            preview: {
              kind: sheet.kind,
              ...(sheet.encoding ? { encoding: sheet.encoding } : {}),
              headers,
              example: sheet.rows[1] ?? [],
              rows: sheet.rows.length - 1,
              suggested: suggestMapping(headers),
            },
          });
        } else if (msg.type === 'check') {
          if (!sheet) throw new Error('import: no file read');
          const onProgress = progress(msg.id, 'check');
          onProgress(0);
          const plan = buildImportPlan(sheet.rows, msg.mapping, onProgress);
          drafts = plan.households;
          deps.reply({ type: 'check-done', id: msg.id, summary: summarise(plan) });
        } else {
          if (!drafts) throw new Error('import: nothing checked');
          deps.reply({ type: 'drafts-done', id: msg.id, households: drafts });
        }
      } catch (e) {
        deps.reply({ type: 'failed', id: msg.id, error: wire(e) });
      }
    },
  };
}
