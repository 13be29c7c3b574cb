import { useId, useMemo, useState, type ReactNode } from 'react';
import { hitGroups, resolveDocument, scanDocument, type DocHit, type ExportDocument, type Resolutions } from '@shared/export/document';
import { PLACEHOLDERS } from '@shared/privacy/scan';
import { useI18n } from '../../../i18n';
import { DocPreview } from './DocPreview';

/**
 * The free-text review every export goes through (PRIVACY.md "Exports"): the scanner's hits in
 * the document's free text, each replaced by its placeholder unless the user keeps it on
 * purpose, and the resolved document that is the only thing rendered into the file. Used by the
 * meeting export screen, the referrer letter and the knelpunten export, so they review alike.
 */
export type ExportReviewState = Readonly<{
  hits: readonly DocHit[];
  groups: ReturnType<typeof hitGroups>;
  resolutions: Resolutions;
  setResolutions: (r: Resolutions) => void;
  /** The document as it will leave: render the file from this, nothing else. */
  resolved: ExportDocument;
  kept: number;
}>;

export function useExportReview(doc: ExportDocument): ExportReviewState {
  const [resolutions, setResolutions] = useState<Resolutions>({});
  const hits = useMemo(() => scanDocument(doc), [doc]);
  const groups = useMemo(() => hitGroups(hits), [hits]);
  const resolved = useMemo(() => resolveDocument(doc, hits, resolutions), [doc, hits, resolutions]);
  const kept = groups.filter((g) => resolutions[g.key] === 'keep').length;
  return { hits, groups, resolutions, setResolutions, resolved, kept };
}

/** The list of hits with a replace / keep choice per value (keyboard: radio groups). */
export function FreeTextReview({ review, showKeyNote = true }: Readonly<{ review: ExportReviewState; /** The note on pseudonyms' key (exports that use pseudonyms). */ showKeyNote?: boolean }>) {
  const { t, tx } = useI18n();
  const { hits, groups, resolutions, setResolutions, kept } = review;
  // Radio groups are named by position, never by the flagged value: the browser keeps control
  // names in its session files (PRIVACY.md "At rest").
  const radioName = useId();
  return (
    <section aria-labelledby="ex-review" className="mt-card">
      <h2 id="ex-review">{t('meeting.export.review')}</h2>
      {hits.length === 0 ? (
        <p role="status" data-testid="review-summary">
          {t('meeting.export.noHits')}
        </p>
      ) : (
        <>
          <p role="status" data-testid="review-summary">
            {t('meeting.export.hits', { count: groups.length, kept })}
          </p>
          <button type="button" className="button button--secondary" onClick={() => setResolutions({})}>
            {t('meeting.export.replaceAll')}
          </button>
          <table className="ex-table ex-hits">
            <caption className="visually-hidden">{t('meeting.export.review')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meeting.export.colKind')}</th>
                <th scope="col">{t('meeting.export.colFound')}</th>
                <th scope="col">{t('meeting.export.colChoice')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((h, index) => (
                <tr key={h.key} className={resolutions[h.key] === 'keep' ? 'ex-hit--keep' : undefined} data-hit-kind={h.kind}>
                  <td>
                    <span className="badge">{tx(`meeting.hitKind.${h.kind}`)}</span>
                  </td>
                  <td>
                    <q>
                      <span id={`${radioName}-found-${index}`}>{h.text}</span>
                    </q>
                    {h.count > 1 ? <span className="muted"> {t('meeting.export.times', { count: h.count })}</span> : null}
                  </td>
                  <td>
                    {/* The group is named by reference to the visible text, never by an attribute holding it
                        (PRIVACY.md: no accessible name or id built from a resident's value). */}
                    <span id={`${radioName}-choice-${index}`} className="visually-hidden">{t('meeting.export.choiceFor')}</span>
                    <div role="radiogroup" aria-labelledby={`${radioName}-choice-${index} ${radioName}-found-${index}`} className="ex-choice">
                      <label>
                        <input autoComplete="off" type="radio" name={`${radioName}-hit-${index}`} checked={resolutions[h.key] !== 'keep'} onChange={() => setResolutions({ ...resolutions, [h.key]: 'replace' })} />{' '}
                        {t('meeting.export.replaceWith', { placeholder: PLACEHOLDERS[h.kind] })}
                      </label>
                      <label>
                        <input autoComplete="off" type="radio" name={`${radioName}-hit-${index}`} checked={resolutions[h.key] === 'keep'} onChange={() => setResolutions({ ...resolutions, [h.key]: 'keep' })} />{' '}
                        {t('meeting.export.keep')}
                      </label>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {showKeyNote ? <p className="muted">{t('meeting.export.keyStays')}</p> : null}
    </section>
  );
}

/**
 * A small export in one place (the referrer letter, the knelpunten figures): the review and the
 * buttons that make the file on one side, the preview of exactly what leaves on the other.
 */
export function ReviewedExport({
  review,
  doc,
  actions,
  notice,
  error,
}: Readonly<{ review: ExportReviewState; doc: ExportDocument; actions: ReactNode; notice?: string | null | undefined; error?: string | null | undefined }>) {
  return (
    <div className="ex-layout">
      <div>
        <FreeTextReview review={review} showKeyNote={false} />
        <div className="toolbar">{actions}</div>
        {notice ? (
          <p role="status" className="notice">
            {notice}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="field__error">
            {error}
          </p>
        ) : null}
      </div>
      <DocPreview doc={doc} hits={review.hits} resolutions={review.resolutions} />
    </div>
  );
}
