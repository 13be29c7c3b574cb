import { useQuery } from '@tanstack/react-query';
import { localDay } from '@shared/dates';
import { useState } from 'react';
import { renderHtml, renderMarkdown } from '@shared/export/document';
import { projectManagementFigures } from '@shared/export/figures';
import { projectInzage } from '@shared/export/inzage';
import { ALLOWLIST, projectMeetingPack, projectMinutes, type Audience, type ExportProfile, type ProjectedExport } from '@shared/export/profiles';
import { href, navigate } from '../../../app/router';
import { assertUnlocked, loadFiguresInput, loadInzageInput, loadMeetingExportInput, logExport } from '../../../data/repositories/exports';
import { useI18n } from '../../../i18n';
import { platform } from '../../../platform';
import { DocPreview } from './DocPreview';
import { FreeTextReview, useExportReview } from './ExportReview';

export type ExportSource =
  | Readonly<{ kind: 'meeting'; meetingId: string; what: 'meeting_pack' | 'minutes'; orgId?: string | undefined }>
  | Readonly<{ kind: 'inzage'; householdId: string }>
  | Readonly<{ kind: 'management' }>;

type Loaded = Readonly<{ projected: ProjectedExport; profile: ExportProfile; partners: readonly { id: string; name: string }[]; names: ReadonlyMap<string, string>; fileBase: string }>;

async function load(source: ExportSource): Promise<Loaded> {
  const today = localDay();
  if (source.kind === 'management') {
    return { projected: projectManagementFigures(await loadFiguresInput(today)), profile: 'management', partners: [], names: new Map(), fileBase: `managementinformatie-${today}` };
  }
  if (source.kind === 'inzage') {
    const input = await loadInzageInput(source.householdId, today);
    // The file name says what it is, not whose it is (file names end up in mail and download lists).
    return { projected: projectInzage(input), profile: 'inzage', partners: [], names: new Map([[input.household.id, input.household.displayName]]), fileBase: `inzage-${today}` };
  }
  const input = await loadMeetingExportInput(source.meetingId, today);
  const audience: Audience = source.orgId ? { kind: 'partner', organisationId: source.orgId } : { kind: 'binnenring' };
  const projected = source.what === 'meeting_pack' ? projectMeetingPack(input, audience) : projectMinutes(input, audience);
  const invitedOrgs = new Set(input.items.flatMap((i) => i.invitedContactIds).map((c) => input.contacts.find((x) => x.id === c)?.organisationId));
  const partners = input.organisations.filter((o) => invitedOrgs.has(o.id)).map((o) => ({ id: o.id, name: o.name }));
  const profile: ExportProfile = source.what === 'meeting_pack' ? (source.orgId ? 'partner_pack' : 'meeting_pack') : source.orgId ? 'partner_minutes' : 'minutes';
  const stem = source.what === 'meeting_pack' ? 'overlegstukken' : 'verslag';
  const org = partners.find((p) => p.id === source.orgId);
  return {
    projected,
    profile,
    partners,
    names: new Map([...input.households.values()].map((h) => [h.id, h.displayName])),
    fileBase: `${stem}-${input.meeting.date}${org ? `-${org.name.toLocaleLowerCase('nl').replace(/[^a-z0-9]+/g, '-')}` : ''}`,
  };
}

const MIME = { pdf: 'application/pdf', html: 'text/html', markdown: 'text/markdown' } as const;
type ScreenFormat = keyof typeof MIME;

/**
 * Every export goes through this screen: the allowlist of its profile, the free-text review
 * (each hit replaced by default, or kept on purpose), a preview of exactly what leaves, and
 * then the file — logged in the audit log, refused while locked.
 */
export function ExportScreen({ source }: Readonly<{ source: ExportSource }>) {
  const { t } = useI18n();
  const key = ['export', source.kind, source.kind === 'meeting' ? `${source.meetingId}:${source.what}:${source.orgId ?? ''}` : source.kind === 'inzage' ? source.householdId : ''];
  // Resident data in an export view is not cached once the screen is left (gcTime 0).
  const { data, isLoading, isError } = useQuery({ queryKey: key, queryFn: () => load(source), staleTime: 0, gcTime: 0 });
  if (isError) return <p role="alert">{t('common.errorGeneric')}</p>;
  if (isLoading || !data) return <p>{t('common.loading')}</p>;
  // Keyed by what is exported: a "keep" chosen for one audience never carries over to another.
  return <ExportBody key={key.join('|')} source={source} data={data} />;
}

function ExportBody({ source, data }: Readonly<{ source: ExportSource; data: Loaded }>) {
  const { t, tx } = useI18n();
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const doc = data.projected.document;
  const review = useExportReview(doc);
  const { resolved } = review;
  const partnerName = source.kind === 'meeting' ? (data.partners.find((p) => p.id === source.orgId)?.name ?? '') : '';

  async function doExport(format: ScreenFormat) {
    setDone(null);
    setFailed(false);
    try {
      assertUnlocked();
      const name = `${data.fileBase}.${format === 'markdown' ? 'md' : format}`;
      // A PDF in the browser goes through its print dialog: whether it was then printed or
      // cancelled the page cannot know, so that is logged and said as "print dialog opened".
      const outcome =
        format === 'pdf'
          ? await platform().printToPdf(name, renderHtml(resolved))
          : (await platform().saveFile(name, MIME[format], format === 'html' ? renderHtml(resolved) : renderMarkdown(resolved)))
            ? 'saved'
            : 'cancelled';
      if (outcome === 'cancelled') return;
      await logExport({
        profile: data.profile,
        purpose: resolved.purpose,
        audience: data.projected.auditAudience ?? resolved.audience,
        format,
        householdIds: data.projected.householdIds,
        outcome: outcome === 'saved' ? 'saved' : 'print-dialog-opened',
        ...(source.kind === 'meeting' ? { meetingId: source.meetingId } : {}),
      });
      setDone(outcome === 'saved' ? t('meeting.export.done', { name }) : t('meeting.export.printOpened', { name }));
    } catch {
      setFailed(true);
    }
  }

  return (
    <article aria-labelledby="ex-title" data-ready="export" data-profile={data.profile}>
      <h1 id="ex-title">{tx(`meeting.export.title.${data.profile}`)}</h1>
      <dl className="facts">
        <div>
          <dt>{t('meeting.export.purpose')}</dt>
          <dd>{tx(`meeting.export.purposeOf.${data.profile}`)}</dd>
        </div>
        <div>
          <dt>{t('meeting.export.audience')}</dt>
          <dd>{tx(`meeting.export.audienceOf.${data.profile}`, { partner: partnerName })}</dd>
        </div>
        <div>
          <dt>{t('meeting.export.holds')}</dt>
          <dd>{ALLOWLIST[data.profile].map((f) => tx(`meeting.field.${f}`)).join(', ')}</dd>
        </div>
      </dl>

      {source.kind === 'meeting' ? (
        <div className="field ex-audience">
          <label htmlFor="ex-audience">{t('meeting.export.chooseAudience')}</label>
          <select
            autoComplete="off"
            id="ex-audience"
            value={source.orgId ?? ''}
            onChange={(e) => navigate(`/meetings/${source.meetingId}/export/${source.what}${e.target.value ? `/${e.target.value}` : ''}`)}
          >
            <option value="">{t('meeting.export.binnenring')}</option>
            {data.partners.map((p) => (
              <option key={p.id} value={p.id}>
                {t('meeting.export.partnerOption', { name: p.name })}
              </option>
            ))}
          </select>
          <p className="field__hint">{t('meeting.export.partnerHint')}</p>
        </div>
      ) : null}

      {data.projected.excluded.length ? (
        <div role="status" className="mt-refusal">
          <p>{t('meeting.export.excludedIntro')}</p>
          <ul>
            {data.projected.excluded.map((e) => (
              <li key={e.itemId}>
                <a href={href(`/households/${e.householdId}`)}>{data.names.get(e.householdId) ?? e.householdId}</a>: {tx(`meeting.consent.${e.access.reason}`)} —{' '}
                {tx(`meeting.consentTodo.${e.access.todo}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {source.kind === 'inzage' ? <p className="notice">{t('meeting.export.inzageInternal')}</p> : null}

      <div className="ex-layout">
      <div>
      <FreeTextReview review={review} />

      <div className="ex-buttons">
        <button type="button" className="button" onClick={() => void doExport('pdf')}>
          {t('meeting.export.pdf')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void doExport('html')}>
          {t('meeting.export.html')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void doExport('markdown')}>
          {t('meeting.export.markdown')}
        </button>
      </div>
      {done ? <p role="status" className="privacy-ok" data-testid="export-done">{done}</p> : null}
      {failed ? <p role="alert" className="field__error">{t('meeting.export.failed')}</p> : null}

      </div>
      <DocPreview doc={doc} hits={review.hits} resolutions={review.resolutions} />
      </div>
    </article>
  );
}
