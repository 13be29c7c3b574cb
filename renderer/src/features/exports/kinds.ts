import { localDay } from '@shared/dates';
import { audienceFor } from '@shared/export/audience';
import type { ExportDocument } from '@shared/export/document';
import { projectManagementFigures } from '@shared/export/figures';
import { projectInzage } from '@shared/export/inzage';
import { projectKnelpunten, type KnelpuntenLabels } from '@shared/export/knelpunten';
import { nlDate } from '@shared/export/labels';
import { projectReferrerLetter, type LetterText } from '@shared/export/letter';
import { projectMeetingPack, projectMinutes, type Audience, type ProjectedExport } from '@shared/export/profiles';
import type { FeedbackDuty } from '@shared/domain/feedback';
import type { LetterInput } from '@shared/domain/feedback-rules';
import { auditToCsv, queryAudit, type AuditEntry, type AuditFilter } from '../../data/stores/audit/audit';
import { loadFiguresInput, loadInzageInput, loadMeetingExportInput } from '../../data/views/exports';
import { loadKnelpuntenExportInput } from '../../data/stores/feedback/feedback';
import { renderDocument, type ExportSpec, type PreparedExport } from './pipeline';

/**
 * One spec per export kind: how it is loaded and projected. The profile is decided once, by the
 * projection (ProjectedExport.profile), and the audience follows from it.
 */

/** A document export, with the projection kept for what the screen shows next to it (the cases left out). */
export type DocumentExport = PreparedExport<ExportDocument> & Readonly<{ projected: ProjectedExport }>;

function documentExport(projected: ProjectedExport, fileBase: string, more: Partial<Pick<DocumentExport, 'meetingId' | 'ref'>> & { organisationId?: string | undefined } = {}): DocumentExport {
  const { organisationId, ...target } = more;
  return {
    kind: projected.profile,
    content: projected.document,
    render: renderDocument,
    householdIds: projected.householdIds,
    audience: audienceFor(projected.profile, organisationId),
    fileBase,
    projected,
    ...target,
  };
}

/** What the export screen shows: the document, the invited partners to choose from, household names for the cases left out. */
export type ScreenExport = DocumentExport &
  Readonly<{ partners: readonly { id: string; name: string }[]; names: ReadonlyMap<string, string> }>;

export function meetingExport(meetingId: string, what: 'meeting_pack' | 'minutes', orgId?: string): ExportSpec<Awaited<ReturnType<typeof loadMeetingExportInput>>, ScreenExport> {
  return {
    load: () => loadMeetingExportInput(meetingId, localDay()),
    project: (input) => {
      const audience: Audience = orgId ? { kind: 'partner', organisationId: orgId } : { kind: 'binnenring' };
      const projected = what === 'meeting_pack' ? projectMeetingPack(input, audience) : projectMinutes(input, audience);
      const invitedOrgs = new Set(input.items.flatMap((i) => i.invitedContactIds).map((c) => input.contacts.find((x) => x.id === c)?.organisationId));
      const partners = input.organisations.filter((o) => invitedOrgs.has(o.id)).map((o) => ({ id: o.id, name: o.name }));
      const stem = what === 'meeting_pack' ? 'overlegstukken' : 'verslag';
      const org = partners.find((p) => p.id === orgId);
      const fileBase = `${stem}-${input.meeting.date}${org ? `-${org.name.toLocaleLowerCase('nl').replace(/[^a-z0-9]+/g, '-')}` : ''}`;
      return {
        ...documentExport(projected, fileBase, { meetingId, organisationId: orgId }),
        partners,
        names: new Map([...input.households.values()].map((h) => [h.id, h.displayName])),
      };
    },
  };
}

export function inzageExport(householdId: string): ExportSpec<Awaited<ReturnType<typeof loadInzageInput>>, ScreenExport> {
  const today = localDay();
  return {
    load: () => loadInzageInput(householdId, today),
    // The file name says what it is, not whose it is (file names end up in mail and download lists).
    project: (input) => ({
      ...documentExport(projectInzage(input), `inzage-${today}`),
      partners: [],
      names: new Map([[input.household.id, input.household.displayName]]),
    }),
  };
}

export function managementExport(): ExportSpec<Awaited<ReturnType<typeof loadFiguresInput>>, ScreenExport> {
  const today = localDay();
  return {
    load: () => loadFiguresInput(today),
    project: (input) => ({ ...documentExport(projectManagementFigures(input), `managementinformatie-${today}`), partners: [], names: new Map() }),
  };
}

export function knelpuntenExport(labels: KnelpuntenLabels, fileBase: string): ExportSpec<Awaited<ReturnType<typeof loadKnelpuntenExportInput>>, DocumentExport> {
  return {
    load: loadKnelpuntenExportInput,
    project: (input) => documentExport(projectKnelpunten(input.knelpunten, input.namesByHousehold, labels, nlDate, localDay()), fileBase),
  };
}

/** The referrer letter is built from what the duty page already read (the duty and its letter input). */
export function referrerLetterExport(duty: FeedbackDuty, input: LetterInput, t: LetterText, fileBase: string): ExportSpec<LetterInput, DocumentExport> {
  return {
    load: () => Promise.resolve(input),
    project: (i) => documentExport(projectReferrerLetter(i, t, nlDate, localDay()), fileBase, { ref: { entity: 'feedbackDuty', id: duty.id } }),
  };
}

/** The filtered audit log as CSV. The log holds no free text (ids and non-content details), so there is nothing to review. */
export function auditLogExport(
  filter: AuditFilter,
  header: readonly [string, string, string, string, string, string],
  actorName: (id: string | undefined) => string,
  fileBase: string,
): ExportSpec<AuditEntry[], PreparedExport<readonly AuditEntry[]>> {
  return {
    load: () => queryAudit(filter),
    project: (entries) => ({
      kind: 'audit_log',
      content: entries,
      render: (rows) => auditToCsv(rows, actorName, header),
      householdIds: [],
      audience: audienceFor('audit_log'),
      fileBase,
      ref: { entity: 'audit' },
      extra: { what: 'audit-log', rows: entries.length },
    }),
  };
}
