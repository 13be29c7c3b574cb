import { writeCsv } from './csv';
import { applyHits, scanText, type Resolution, type ScanContext, type TextHit } from '../privacy/scan';

/**
 * An export as a small document model: what a projection (profiles.ts) allowed through, before
 * it becomes HTML or Markdown. Text is either `fixed` (made by the app from structured values:
 * labels, enums, pseudonyms, scores) or `free` (typed by a person: a question, a goal, a
 * decision). Only free text is scanned; the preview and both renderers read the same resolved
 * document, so the preview shows exactly what leaves.
 */

export type FixedText = Readonly<{ kind: 'fixed'; text: string }>;
export type FreeText = Readonly<{ kind: 'free'; id: string; text: string; scan: ScanContext }>;
export type DocText = FixedText | FreeText;

export type Block =
  | Readonly<{ type: 'paragraph'; text: DocText; muted?: boolean }>
  | Readonly<{ type: 'facts'; rows: readonly Readonly<{ label: string; value: DocText }>[] }>
  | Readonly<{ type: 'list'; label?: string; items: readonly DocText[] }>
  | Readonly<{ type: 'table'; caption?: string; className?: 'agenda'; head: readonly string[]; rows: readonly (readonly DocText[])[] }>
  | Readonly<{ type: 'subheading'; text: DocText }>;

export type Section = Readonly<{
  id: string;
  title: DocText;
  /** Case summaries start on a new page ("one page per case"). */
  newPage?: boolean;
  blocks: readonly Block[];
}>;

export type ExportPurposeId = 'meeting_pack' | 'partner_pack' | 'minutes' | 'management' | 'inzage' | 'referrer_letter' | 'knelpunten';

export type ExportDocument = Readonly<{
  purposeId: ExportPurposeId;
  title: string;
  /** Shown in the header of every export: why it exists and who it is for. */
  purpose: string;
  audience: string;
  /** The date the export is about (meeting date) and the date it was made. */
  date: string;
  madeOn: string;
  /** One line under the header (e.g. what is left out and why). */
  notice?: string;
  sections: readonly Section[];
}>;

// ---------------------------------------------------------------------------------------------
// Building helpers

export const fixed = (text: string): FixedText => ({ kind: 'fixed', text });

/** A counter for free-text ids, unique within one document. */
export function freeTextFactory(): (text: string, scan: ScanContext) => FreeText {
  let n = 0;
  return (text, scan) => ({ kind: 'free', id: `t${++n}`, text, scan });
}

// ---------------------------------------------------------------------------------------------
// Walking, scanning, resolving

export function textsOf(block: Block): DocText[] {
  switch (block.type) {
    case 'paragraph':
    case 'subheading':
      return [block.text];
    case 'facts':
      return block.rows.map((r) => r.value);
    case 'list':
      return [...block.items];
    case 'table':
      return block.rows.flat();
  }
}

export function freeTexts(doc: ExportDocument): FreeText[] {
  const out: FreeText[] = [];
  for (const s of doc.sections) {
    if (s.title.kind === 'free') out.push(s.title);
    for (const b of s.blocks) for (const t of textsOf(b)) if (t.kind === 'free') out.push(t);
  }
  return out;
}

export type DocHit = TextHit & Readonly<{ id: string; fieldId: string }>;

/** Scan every free text of the document. Hit ids are stable for the same document. */
export function scanDocument(doc: ExportDocument): DocHit[] {
  return freeTexts(doc).flatMap((t) => scanText(t.text, t.scan).map((h) => ({ ...h, id: `${t.id}@${h.start}`, fieldId: t.id })));
}

/**
 * A decision is per value, not per place: keeping "Fatima" in the question also keeps it in the
 * agenda line that repeats the question. Resolutions are keyed by `hitKey`.
 */
export type Resolutions = Readonly<Record<string, Resolution>>;

export function hitKey(h: Readonly<{ kind: string; text: string }>): string {
  return `${h.kind}|${h.text.toLocaleLowerCase('nl')}`;
}

/** The distinct values found, in document order, with how often each occurs. */
export function hitGroups(hits: readonly DocHit[]): { key: string; kind: DocHit['kind']; text: string; count: number }[] {
  const groups = new Map<string, { key: string; kind: DocHit['kind']; text: string; count: number }>();
  for (const h of hits) {
    const key = hitKey(h);
    const g = groups.get(key);
    if (g) g.count += 1;
    else groups.set(key, { key, kind: h.kind, text: h.text, count: 1 });
  }
  return [...groups.values()];
}

function mapText(t: DocText, hitsByField: ReadonlyMap<string, DocHit[]>, resolutions: Resolutions): DocText {
  if (t.kind !== 'free') return t;
  const hits = hitsByField.get(t.id) ?? [];
  if (hits.length === 0) return t;
  return { ...t, text: applyHits(t.text, hits, (h) => resolutions[hitKey(h)]) };
}

function mapBlock(b: Block, f: (t: DocText) => DocText): Block {
  switch (b.type) {
    case 'paragraph':
      return { ...b, text: f(b.text) };
    case 'subheading':
      return { ...b, text: f(b.text) };
    case 'facts':
      return { ...b, rows: b.rows.map((r) => ({ ...r, value: f(r.value) })) };
    case 'list':
      return { ...b, items: b.items.map(f) };
    case 'table':
      return { ...b, rows: b.rows.map((r) => r.map(f)) };
  }
}

export function groupHits(hits: readonly DocHit[]): Map<string, DocHit[]> {
  const byField = new Map<string, DocHit[]>();
  for (const h of hits) byField.set(h.fieldId, [...(byField.get(h.fieldId) ?? []), h]);
  return byField;
}

/** The document as it will leave: each hit replaced by its placeholder unless kept. */
export function resolveDocument(doc: ExportDocument, hits: readonly DocHit[], resolutions: Resolutions): ExportDocument {
  const byField = groupHits(hits);
  const f = (t: DocText) => mapText(t, byField, resolutions);
  return { ...doc, sections: doc.sections.map((s) => ({ ...s, title: f(s.title), blocks: s.blocks.map((b) => mapBlock(b, f)) })) };
}

// ---------------------------------------------------------------------------------------------
// Rendering: self-contained HTML (inline print CSS, no scripts, nothing loaded) and Markdown

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Newlines in narratives are kept as line breaks. */
function html(t: DocText): string {
  return escapeHtml(t.text).replace(/\r?\n/g, '<br>');
}

function blockHtml(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return `<p${b.muted ? ' class="muted"' : ''}>${html(b.text)}</p>`;
    case 'subheading':
      return `<h3>${html(b.text)}</h3>`;
    case 'facts':
      return `<dl class="facts">${b.rows.map((r) => `<div><dt>${escapeHtml(r.label)}</dt><dd>${html(r.value)}</dd></div>`).join('')}</dl>`;
    case 'list':
      return `${b.label ? `<h3>${escapeHtml(b.label)}</h3>` : ''}<ul>${b.items.map((i) => `<li>${html(i)}</li>`).join('')}</ul>`;
    case 'table':
      return (
        `<table${b.className ? ` class="${b.className}"` : ''}>${b.caption ? `<caption>${escapeHtml(b.caption)}</caption>` : ''}` +
        `<thead><tr>${b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
        `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
      );
  }
}

/**
 * Print CSS for A4. Inline because the file must stand alone (opened from a USB stick, printed
 * by the desktop shell's sandboxed print window whose CSP allows inline styles and nothing else).
 * In three parts so the browser print path (renderer/src/platform/platform.web.ts) can use the
 * same rules: the page box (document level), the root's font (the print view's host), and the
 * content rules (inside the print view's shadow root, where the app's own styles do not reach).
 */
export const EXPORT_PAGE_CSS = '@page { size: A4; margin: 16mm 16mm 18mm 16mm; }';
export const EXPORT_ROOT_DECLARATIONS = 'font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; color: #1a1a1a; line-height: 1.4;';
export const EXPORT_CONTENT_CSS = `
* { box-sizing: border-box; }
.doc-header { border-bottom: 2px solid #1f3a5f; padding-bottom: 6pt; margin-bottom: 10pt; display: flex; justify-content: space-between; gap: 12pt; align-items: flex-start; }
.doc-header h1 { font-size: 16pt; margin: 0 0 2pt; color: #1f3a5f; }
.doc-meta { margin: 0; color: #333; font-size: 9.5pt; }
.doc-meta span { margin-right: 10pt; }
.confidential { border: 1.5pt solid #8b0000; color: #8b0000; font-weight: 700; text-transform: uppercase; letter-spacing: 0.08em; padding: 2pt 6pt; font-size: 9pt; white-space: nowrap; }
.notice { background: #f1f4f8; border-left: 3pt solid #1f3a5f; padding: 4pt 8pt; font-size: 9.5pt; margin: 0 0 10pt; }
section { margin-bottom: 12pt; }
section.new-page { break-before: page; page-break-before: always; }
h2 { font-size: 13pt; color: #1f3a5f; border-bottom: 1px solid #c5ceda; padding-bottom: 2pt; margin: 0 0 6pt; }
h3 { font-size: 10.5pt; margin: 8pt 0 3pt; color: #1f3a5f; }
p { margin: 0 0 5pt; }
.muted { color: #555; }
ul { margin: 0 0 6pt; padding-left: 14pt; }
li { margin-bottom: 2pt; }
dl.facts { display: grid; grid-template-columns: 30% 70%; margin: 0 0 6pt; border-top: 1px solid #e3e7ed; }
dl.facts div { display: contents; }
dl.facts dt, dl.facts dd { margin: 0; padding: 2pt 4pt; border-bottom: 1px solid #e3e7ed; }
dl.facts dt { font-weight: 600; color: #333; }
table { width: 100%; border-collapse: collapse; margin: 0 0 8pt; font-size: 9.5pt; }
caption { text-align: left; font-weight: 600; margin-bottom: 2pt; color: #1f3a5f; }
th, td { text-align: left; vertical-align: top; border: 1px solid #c5ceda; padding: 3pt 5pt; }
th { background: #eef2f7; }
tr { break-inside: avoid; }
.page-mark { font-size: 8.5pt; color: #8b0000; text-transform: uppercase; letter-spacing: 0.06em; border-bottom: 1px solid #e3e7ed; padding-bottom: 2pt; margin: 0 0 8pt; }
table.agenda td:nth-child(-n+2), table.agenda td:nth-child(4) { white-space: nowrap; }
.doc-footer { margin-top: 14pt; border-top: 1px solid #c5ceda; padding-top: 4pt; font-size: 8.5pt; color: #555; }
`;
export const EXPORT_CSS = `
${EXPORT_PAGE_CSS}
html { ${EXPORT_ROOT_DECLARATIONS} }
body { margin: 0; }
${EXPORT_CONTENT_CSS}`;

export type RenderLabels = Readonly<{ confidential: string; purpose: string; audience: string; date: string; madeOn: string; footer: string }>;

export const NL_RENDER_LABELS: RenderLabels = {
  confidential: 'Vertrouwelijk',
  purpose: 'Doel',
  audience: 'Voor',
  date: 'Datum',
  madeOn: 'Gemaakt op',
  footer: 'Vertrouwelijk. Alleen voor het genoemde doel en de genoemde ontvanger. Niet doorsturen, na gebruik vernietigen.',
};

/** The full HTML file: one document, inline CSS, no script, no external reference. */
export function renderHtml(doc: ExportDocument, labels: RenderLabels = NL_RENDER_LABELS): string {
  const sections = doc.sections
    .map(
      (s) =>
        `<section${s.newPage ? ' class="new-page"' : ''}>` +
        // A handout page that is separated from the rest still says what it is.
        (s.newPage ? `<p class="page-mark">${labels.confidential} · ${escapeHtml(doc.title)} · ${escapeHtml(doc.date)}</p>` : '') +
        `<h2>${html(s.title)}</h2>${s.blocks.map(blockHtml).join('')}</section>`,
    )
    .join('');
  return (
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">' +
    `<title>${escapeHtml(doc.title)}</title><style>${EXPORT_CSS}</style></head><body>` +
    `<header class="doc-header"><div><h1>${escapeHtml(doc.title)}</h1><p class="doc-meta">` +
    `<span><strong>${labels.purpose}:</strong> ${escapeHtml(doc.purpose)}</span>` +
    `<span><strong>${labels.audience}:</strong> ${escapeHtml(doc.audience)}</span>` +
    `<span><strong>${labels.date}:</strong> ${escapeHtml(doc.date)}</span>` +
    `<span><strong>${labels.madeOn}:</strong> ${escapeHtml(doc.madeOn)}</span></p></div>` +
    `<div class="confidential">${labels.confidential}</div></header>` +
    (doc.notice ? `<p class="notice">${escapeHtml(doc.notice)}</p>` : '') +
    `<main>${sections}</main>` +
    `<footer class="doc-footer">${escapeHtml(labels.footer)}</footer>` +
    '</body></html>'
  );
}

/**
 * Text for a Markdown file that stays text in every Markdown viewer, also one that renders inline
 * HTML (most do): `&`, `<` and `>` become entities (no flavour reads an entity as markup, while a
 * backslash before `<` is not an escape in every flavour), and the characters Markdown itself acts
 * on are backslash-escaped: emphasis, code, links and images, headings, table cells,
 * strikethrough, and a list, rule or heading marker at the start of a line. Every string that goes
 * into a Markdown export passes here, fixed text and labels too (a household name is fixed text).
 * Returns the lines; the caller joins them (a hard break in a paragraph, a space in a table cell
 * or heading, which must stay on one line).
 */
function markdownLines(s: string): string[] {
  return s.split(/\r\n|\r|\n/).map((line) =>
    line
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]#|~]/g, '\\$&')
      .replace(/^(\s*)([-+=])/, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
  );
}

/** Markdown-escaped text with its line breaks kept as hard breaks. */
export function escapeMarkdown(s: string): string {
  return markdownLines(s).join('  \n');
}

/** Markdown-escaped text on one line: a heading, a header field, a table cell. */
function mdLine(s: string): string {
  return markdownLines(s).join(' ');
}

const md = (t: DocText): string => escapeMarkdown(t.text);

function blockMd(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return b.muted ? `_${md(b.text)}_` : md(b.text);
    case 'subheading':
      return `### ${mdLine(b.text.text)}`;
    case 'facts':
      return b.rows.map((r) => `- **${mdLine(r.label)}:** ${md(r.value)}`).join('\n');
    case 'list':
      return `${b.label ? `### ${mdLine(b.label)}\n\n` : ''}${b.items.map((i) => `- ${md(i)}`).join('\n')}`;
    case 'table': {
      const head = `| ${b.head.map(mdLine).join(' | ')} |\n| ${b.head.map(() => '---').join(' | ')} |`;
      const rows = b.rows.map((r) => `| ${r.map((c) => mdLine(c.text)).join(' | ')} |`).join('\n');
      return `${b.caption ? `**${mdLine(b.caption)}**\n\n` : ''}${head}\n${rows}`;
    }
  }
}

export function renderMarkdown(doc: ExportDocument, labels: RenderLabels = NL_RENDER_LABELS): string {
  const header = [
    `# ${mdLine(doc.title)}`,
    '',
    `**${mdLine(labels.confidential.toUpperCase())}**`,
    '',
    `- **${mdLine(labels.purpose)}:** ${mdLine(doc.purpose)}`,
    `- **${mdLine(labels.audience)}:** ${mdLine(doc.audience)}`,
    `- **${mdLine(labels.date)}:** ${mdLine(doc.date)}`,
    `- **${mdLine(labels.madeOn)}:** ${mdLine(doc.madeOn)}`,
  ];
  if (doc.notice) header.push('', `> ${mdLine(doc.notice)}`);
  const body = doc.sections.map((s) => [`## ${mdLine(s.title.text)}`, ...s.blocks.map(blockMd)].join('\n\n'));
  return `${[header.join('\n'), ...body, `---\n\n_${mdLine(labels.footer)}_`].join('\n\n')}\n`;
}

/**
 * Plain text (a letter to copy into a mail or a referrer's system, or a .txt file): the header,
 * then each section's title and blocks, one blank line between blocks. Holds the same strings as
 * the preview, so what is copied is what was reviewed.
 */
export function renderText(doc: ExportDocument, labels: RenderLabels = NL_RENDER_LABELS): string {
  const header = [
    doc.title,
    labels.confidential.toLocaleUpperCase('nl'),
    `${labels.purpose}: ${doc.purpose}`,
    `${labels.audience}: ${doc.audience}`,
    `${labels.date}: ${doc.date}`,
    ...(doc.madeOn !== doc.date ? [`${labels.madeOn}: ${doc.madeOn}`] : []),
  ].join('\n');
  const blockText = (b: Block): string => {
    switch (b.type) {
      case 'paragraph':
      case 'subheading':
        return b.text.text;
      case 'facts':
        return b.rows.map((r) => `${r.label}: ${r.value.text}`).join('\n');
      case 'list':
        return [...(b.label ? [b.label] : []), ...b.items.map((i) => `- ${i.text}`)].join('\n');
      case 'table':
        return [...(b.caption ? [b.caption] : []), b.head.join(' | '), ...b.rows.map((r) => r.map((c) => c.text).join(' | '))].join('\n');
    }
  };
  const parts = [header, ...(doc.notice ? [doc.notice] : [])];
  for (const s of doc.sections) parts.push(s.title.text, ...s.blocks.map(blockText));
  parts.push(labels.footer);
  return `${parts.filter((p) => p.length > 0).join('\n\n')}\n`;
}

/**
 * CSV (semicolon-separated, as Dutch spreadsheets expect) of the document's TABLES only: the
 * figures a spreadsheet is for. Tables are separated by one empty line. The header, notes and
 * section titles are in the HTML and Markdown of the same document. Written by the app's one CSV
 * writer (./csv), which neutralises cells a spreadsheet would run as formulas.
 */
export function renderCsv(doc: ExportDocument): string {
  const tables: string[] = [];
  for (const s of doc.sections) {
    for (const b of s.blocks) {
      if (b.type !== 'table') continue;
      tables.push(writeCsv([b.head, ...b.rows.map((r) => r.map((c) => c.text.replace(/\r?\n/g, ' ')))]));
    }
  }
  return tables.length ? tables.join('\n') : '\n';
}

/** Every string a document will put in the file, for tests and the canary check. */
export function plainText(doc: ExportDocument): string {
  const parts: string[] = [doc.title, doc.purpose, doc.audience, doc.date, doc.madeOn, doc.notice ?? ''];
  for (const s of doc.sections) {
    parts.push(s.title.text);
    for (const b of s.blocks) {
      if (b.type === 'facts') parts.push(...b.rows.map((r) => r.label));
      if (b.type === 'table') parts.push(...b.head, b.caption ?? '');
      if (b.type === 'list') parts.push(b.label ?? '');
      parts.push(...textsOf(b).map((t) => t.text));
    }
  }
  return parts.join('\n');
}

export type { Resolution };
