import type { ReactNode } from 'react';
import { NL_RENDER_LABELS, groupHits, hitKey, type Block, type DocHit, type DocText, type ExportDocument, type Resolutions } from '@shared/export/document';
import { segments } from '@shared/privacy/scan';
import { useI18n } from '../../../i18n';

/**
 * The preview: the same document the file is rendered from, with each scanner hit marked as
 * it will leave (its placeholder, or the kept text). The text content equals the export's.
 */
export function DocPreview({ doc, hits, resolutions }: Readonly<{ doc: ExportDocument; hits: readonly DocHit[]; resolutions: Resolutions }>) {
  const { t, lang } = useI18n();
  const byField = groupHits(hits);
  const text = (d: DocText): ReactNode => {
    if (d.kind !== 'free') return d.text;
    const fieldHits = byField.get(d.id);
    if (!fieldHits?.length) return d.text;
    return segments(d.text, fieldHits, (h) => resolutions[hitKey(h)]).map((s, i) =>
      s.hit ? (
        <mark key={i} className={`hit hit--${s.resolution}`} data-hit={`${d.id}@${s.hit.start}`}>
          {s.text}
        </mark>
      ) : (
        <span key={i}>{s.text}</span>
      ),
    );
  };
  const block = (b: Block, i: number): ReactNode => {
    switch (b.type) {
      case 'paragraph':
        return (
          <p key={i} className={b.muted ? 'muted pre-line' : 'pre-line'}>
            {text(b.text)}
          </p>
        );
      case 'subheading':
        return <h5 key={i}>{text(b.text)}</h5>;
      case 'facts':
        return (
          <dl key={i} className="facts">
            {b.rows.map((r, j) => (
              <div key={j}>
                <dt>{r.label}</dt>
                <dd className="pre-line">{text(r.value)}</dd>
              </div>
            ))}
          </dl>
        );
      case 'list':
        return (
          <div key={i}>
            {b.label ? <h5>{b.label}</h5> : null}
            <ul>
              {b.items.map((it, j) => (
                <li key={j}>{text(it)}</li>
              ))}
            </ul>
          </div>
        );
      case 'table':
        return (
          <table key={i} className="ex-table">
            {b.caption ? <caption>{b.caption}</caption> : null}
            <thead>
              <tr>
                {b.head.map((h, j) => (
                  <th key={j} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, j) => (
                <tr key={j}>
                  {r.map((c, k) => (
                    <td key={k} className="pre-line">
                      {text(c)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
    }
  };
  // The paper shows the document as the file will hold it: in Dutch, with the file's own header
  // labels (shared/export/document.ts), whatever the UI language. Marked lang="nl" for screen readers.
  const labels = NL_RENDER_LABELS;
  return (
    <section className="ex-preview" aria-labelledby="ex-preview-title" data-testid="export-preview">
      <h2 id="ex-preview-title">{t('meeting.export.preview')}</h2>
      {lang !== 'nl' ? <p className="muted">{t('meeting.export.documentLanguage')}</p> : null}
      <div className="ex-paper" lang="nl">
        <div className="ex-paper__head">
          <div>
            <h3>{doc.title}</h3>
            <p className="muted">
              {labels.purpose}: {doc.purpose} · {labels.audience}: {doc.audience} · {labels.date}: {doc.date}
            </p>
          </div>
          <span className="ex-confidential">{labels.confidential}</span>
        </div>
        {doc.notice ? <p className="notice">{doc.notice}</p> : null}
        {doc.sections.map((s) => (
          <section key={s.id} className="ex-section">
            <h4>{text(s.title)}</h4>
            {s.blocks.map(block)}
          </section>
        ))}
      </div>
    </section>
  );
}
