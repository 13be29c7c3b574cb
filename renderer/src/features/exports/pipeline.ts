import { renderCsv, renderHtml, renderMarkdown, renderText, type ExportDocument } from '@shared/export/document';
import type { ExportAudience, ExportKind } from '@shared/export/audience';
import { auditLabels } from '@shared/export/audience';
import { assertUnlocked, logExport, type ExportFormat, type ExportOutcome } from '../../data/views/exports';
import { platform } from '../../platform';
import type { SaveMime } from '../../platform/types';

/**
 * The one export pipeline. Every file, print and clipboard copy the app makes of its data goes
 * through here, in this order:
 *
 *   guard (unlocked) → load → project (the profile decided once, by the projection)
 *   → free-text review (the user's choices, or none for an export without free text)
 *   → render → save, print or copy through the platform adapter → one audit entry
 *
 * `runExport` runs it end to end. A screen that shows a preview and lets the user review runs
 * the same pipeline in two halves around that review: `prepareExport` (guard → load → project)
 * when it opens, `deliverExport` (guard → render → platform → audit) on the button. Nothing
 * else calls the platform's saveFile, printToPdf or copyText for an export (a unit test holds
 * that), so no export can leave without its audit entry.
 *
 * When adding an export kind: add it to EXPORT_FORMATS (and ExportKind), give it an audience in
 * shared/export/audience.ts, write its spec in kinds.ts, and the registry test covers it.
 */

/** Which formats each kind may leave in: what its screen offers, nothing more. */
export const EXPORT_FORMATS = {
  meeting_pack: ['pdf', 'html', 'markdown'],
  partner_pack: ['pdf', 'html', 'markdown'],
  minutes: ['pdf', 'html', 'markdown'],
  partner_minutes: ['pdf', 'html', 'markdown'],
  management: ['pdf', 'html', 'markdown'],
  inzage: ['pdf', 'html', 'markdown'],
  knelpunten: ['csv', 'markdown', 'html'],
  referrer_letter: ['text', 'clipboard'],
  audit_log: ['csv'],
} as const satisfies Readonly<Record<ExportKind, readonly ExportFormat[]>>;

export const EXPORT_KINDS = Object.keys(EXPORT_FORMATS) as ExportKind[];

/** What a file format is saved as; pdf is printed and the clipboard copied instead. */
const MIME: Readonly<Record<Exclude<ExportFormat, 'pdf' | 'clipboard'>, SaveMime>> = {
  html: 'text/html',
  markdown: 'text/markdown',
  text: 'text/plain',
  csv: 'text/csv',
};

const EXTENSION: Readonly<Record<Exclude<ExportFormat, 'clipboard'>, string>> = { pdf: 'pdf', html: 'html', markdown: 'md', text: 'txt', csv: 'csv' };

/** The text a format renders: pdf prints the HTML, the clipboard holds plain text. */
export type RenderAs = 'html' | 'markdown' | 'text' | 'csv';

/** An export after load and projection, ready for review. `C` is what the review sees (a document, or the audit log's rows). */
export type PreparedExport<C> = Readonly<{
  kind: ExportKind;
  content: C;
  // Method syntax on purpose: a prepared export of a document is then also a PreparedExport<unknown>.
  render(content: C, as: RenderAs): string;
  householdIds: readonly string[];
  audience: ExportAudience;
  /** The file name without extension. Says what it is, never whose it is (file names end up in mail and download lists). */
  fileBase: string;
  meetingId?: string;
  /** The record the export is about when it is not a meeting or one household (e.g. a feedback duty). */
  ref?: Readonly<{ entity: string; id?: string }>;
  /** Further non-content facts for the audit entry. */
  extra?: Readonly<Record<string, string | number>>;
}>;

export type ExportSpec<I, P extends PreparedExport<unknown>> = Readonly<{
  load: () => Promise<I>;
  project: (input: I) => P;
}>;

/** What happened: 'cancelled' leaves no file and no audit entry. */
export type DeliveryOutcome = ExportOutcome | 'cancelled';
export type Delivery = Readonly<{ outcome: DeliveryOutcome; fileName: string }>;

/** An export document rendered as the format asks. */
export function renderDocument(doc: ExportDocument, as: RenderAs): string {
  if (as === 'html') return renderHtml(doc);
  if (as === 'markdown') return renderMarkdown(doc);
  if (as === 'csv') return renderCsv(doc);
  return renderText(doc);
}

/** Guard → load → project. */
export async function prepareExport<I, P extends PreparedExport<unknown>>(spec: ExportSpec<I, P>): Promise<P> {
  assertUnlocked();
  return spec.project(await spec.load());
}

/** Guard → render → save, print or copy through the platform → audit entry (not when cancelled). */
export async function deliverExport<C>(prepared: PreparedExport<C>, reviewed: C, format: ExportFormat): Promise<Delivery> {
  assertUnlocked();
  const allowed: readonly ExportFormat[] = EXPORT_FORMATS[prepared.kind];
  if (!allowed.includes(format)) throw new Error(`${prepared.kind} is not exported as ${format}`);
  const fileName = format === 'clipboard' ? '' : `${prepared.fileBase}.${EXTENSION[format]}`;
  let outcome: DeliveryOutcome;
  if (format === 'pdf') {
    // A PDF in the browser goes through its print dialog: whether it was then printed or
    // cancelled the page cannot know, so that is logged and said as "print dialog opened".
    const printed = await platform().printToPdf(fileName, prepared.render(reviewed, 'html'));
    outcome = printed === 'dialog-opened' ? 'print-dialog-opened' : printed;
  } else if (format === 'clipboard') {
    await platform().copyText(prepared.render(reviewed, 'text'));
    outcome = 'copied';
  } else {
    outcome = (await platform().saveFile(fileName, MIME[format], prepared.render(reviewed, format))) ? 'saved' : 'cancelled';
  }
  if (outcome === 'cancelled') return { outcome, fileName };
  await logExport({
    profile: prepared.kind,
    purpose: auditLabels(prepared.kind).purpose,
    audience: prepared.audience,
    format,
    householdIds: prepared.householdIds,
    outcome,
    ...(prepared.meetingId ? { meetingId: prepared.meetingId } : {}),
    ...(prepared.ref ? { ref: prepared.ref } : {}),
    ...(prepared.extra ? { extra: prepared.extra } : {}),
  });
  return { outcome, fileName };
}

/** The whole pipeline in one call; `review` is the free-text review (identity for content without free text). */
export async function runExport<I, P extends PreparedExport<unknown>>(
  spec: ExportSpec<I, P>,
  format: ExportFormat,
  review: (content: P['content']) => P['content'] | Promise<P['content']>,
): Promise<Delivery> {
  const prepared = await prepareExport(spec);
  return deliverExport(prepared, await review(prepared.content), format);
}
