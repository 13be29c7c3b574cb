import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ExportKind } from '@shared/export/audience';
import type { Knelpunt } from '@shared/domain/feedback';
import { translate } from '../../../renderer/src/i18n';
import { freshUnlockedDb } from '../../support/test-db';
import { listAudit, type AuditEntry } from '../../../renderer/src/data/stores/audit/audit';
import { setSession } from '../../../renderer/src/data/session';
import { auditLogExport, inzageExport, knelpuntenExport, managementExport, meetingExport, referrerLetterExport } from '../../../renderer/src/features/exports/kinds';
import { EXPORT_FORMATS, EXPORT_KINDS, deliverExport, prepareExport, runExport, type ExportSpec, type PreparedExport } from '../../../renderer/src/features/exports/pipeline';
import { buildWorld, HOUSEHOLD_IDS, TODAY } from './fixtures';

/** What left through the platform adapter: the only way out of the app for an export. */
type Out = { via: 'save' | 'print' | 'copy'; name: string; text: string };
const out: Out[] = [];
let saveAnswer = true;
vi.mock('../../../renderer/src/platform', () => ({
  platform: () => ({
    kind: 'browser',
    saveFile: async (name: string, _mime: string, data: string | Uint8Array) => {
      out.push({ via: 'save', name, text: typeof data === 'string' ? data : new TextDecoder().decode(data) });
      return saveAnswer;
    },
    printToPdf: async (name: string, html: string) => {
      out.push({ via: 'print', name, text: html });
      return 'dialog-opened';
    },
    copyText: async (text: string) => {
      out.push({ via: 'copy', name: '', text });
    },
  }),
}));

const FORMULA = '=HYPERLINK("http://x","y")';
const knelpuntLabels = {
  note: 'n', categoriesTitle: 'c', category: 'Categorie', barriers: 'Knelpunten', households: 'Huishoudens', barrier: 'Knelpunt',
  recurringTitle: 'r', noRecurring: '-', categoryLabel: (c: string) => c,
};
const TS = '2025-05-01T10:00:00.000Z';
/** A barrier in five households (so it is shown, not suppressed), titled as a live formula. */
const knelpunten: Knelpunt[] = [{ id: 'kp-1', category: 'wachtlijst', title: FORMULA, householdIds: ['h1', 'h2', 'h3', 'h4', 'h5'], createdAt: TS, updatedAt: TS } as Knelpunt];

type AnySpec = ExportSpec<unknown, PreparedExport<unknown>>;
const loaded = <I, P extends PreparedExport<unknown>>(spec: ExportSpec<I, P>, input: I): AnySpec => ({ project: () => spec.project(input), load: async () => input }) as AnySpec;

/**
 * One case per export kind, from fixtures: a Record over ExportKind, so a new kind that is not
 * here does not compile. The load step is replaced by the fixture; project, render, platform and
 * audit are the pipeline's own.
 */
function cases(): Readonly<Record<ExportKind, () => AnySpec>> {
  const world = buildWorld();
  const letterT = (key: string, vars?: Readonly<Record<string, string>>) => translate('nl', `feedback.letter.${key}`, vars);
  const figures = {
    households: HOUSEHOLD_IDS.map((id) => ({ id, status: 'actief' as const, wijk: 'Noord' })),
    actions: world.actions, assessments: world.assessments, meetings: [world.meetingInput.meeting], items: world.meetingInput.items,
    domains: world.meetingInput.domains, today: TODAY, madeOn: TODAY,
  };
  return {
    meeting_pack: () => loaded(meetingExport('meet-1', 'meeting_pack'), world.meetingInput),
    partner_pack: () => loaded(meetingExport('meet-1', 'meeting_pack', 'org-ggz'), world.meetingInput),
    minutes: () => loaded(meetingExport('meet-1', 'minutes'), world.meetingInput),
    partner_minutes: () => loaded(meetingExport('meet-1', 'minutes', 'org-ggz'), world.meetingInput),
    management: () => loaded(managementExport(), figures),
    inzage: () => loaded(inzageExport('hh-a'), world.inzageFor('hh-a')),
    knelpunten: () => loaded(knelpuntenExport(knelpuntLabels, 'knelpunten'), { knelpunten, namesByHousehold: new Map([['h1', [FORMULA]]]) }),
    referrer_letter: () =>
      loaded(
        referrerLetterExport({ id: 'duty-1' } as Parameters<typeof referrerLetterExport>[0], {
          kind: 'intake_decision', householdId: 'hh-a', referralDate: '2025-01-15', referrerName: 'Dokter Visser', decision: 'oppakken', contactName: 'Sanne de Vries', memberNames: [],
        }, letterT, 'brief'),
        {
          kind: 'intake_decision', householdId: 'hh-a', referralDate: '2025-01-15', referrerName: 'Dokter Visser', decision: 'oppakken', contactName: 'Sanne de Vries', memberNames: [],
        },
      ),
    // The actor's name and a detail as formulas: the audit log's CSV must neutralise them too.
    audit_log: () => loaded(auditLogExport({}, ['Wanneer', 'Door', 'Handeling', 'Soort', 'Dossier', 'Details'], () => FORMULA, 'logboek'), [
      { id: 'a1', at: TS, action: 'household.create', entity: 'household', entityId: 'hh-a', details: { reason: FORMULA } },
    ] satisfies AuditEntry[]),
  };
}

const exportsIn = (entries: readonly AuditEntry[]) => entries.filter((e) => e.action === 'export');
const identity = <C,>(c: C) => c;

/** Cells of a CSV text (RFC 4180 quoting), to check each one's first character. */
function csvCells(text: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator || c === '\n' || c === '\r') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  if (cell) cells.push(cell);
  return cells;
}

describe('the one export pipeline', () => {
  beforeEach(async () => {
    out.length = 0;
    saveAnswer = true;
    await freshUnlockedDb();
  });

  it('every kind, in every format it offers, leaves through the platform with exactly one audit entry', async () => {
    const all = cases();
    expect(EXPORT_KINDS.sort()).toEqual(Object.keys(all).sort());
    for (const kind of EXPORT_KINDS) {
      for (const format of EXPORT_FORMATS[kind]) {
        const before = exportsIn(await listAudit(10_000)).length;
        const sent = out.length;
        const done = await runExport(all[kind](), format, identity);
        const after = exportsIn(await listAudit(10_000));
        expect(out.length - sent, `${kind} as ${format}: one thing left`).toBe(1);
        expect(after.length - before, `${kind} as ${format}: one audit entry`).toBe(1);
        const entry = after[0];
        expect(entry?.details, `${kind} as ${format}`).toMatchObject({ profile: kind, format });
        expect(done.outcome).toBe(format === 'pdf' ? 'print-dialog-opened' : format === 'clipboard' ? 'copied' : 'saved');
      }
    }
  });

  it('a cancelled save leaves no file and writes no audit entry; a locked app exports nothing', async () => {
    saveAnswer = false;
    const before = exportsIn(await listAudit()).length;
    expect((await runExport(cases().management(), 'html', identity)).outcome).toBe('cancelled');
    expect(exportsIn(await listAudit()).length).toBe(before);
    const prepared = await prepareExport(cases().management());
    setSession(null);
    saveAnswer = true;
    out.length = 0;
    await expect(deliverExport(prepared, prepared.content, 'html')).rejects.toThrow('locked');
    await expect(prepareExport(cases().management())).rejects.toThrow('locked');
    expect(out).toEqual([]);
  });

  it('refuses a format its kind does not offer', async () => {
    const prepared = await prepareExport(cases().audit_log());
    await expect(deliverExport(prepared, prepared.content, 'html')).rejects.toThrow('not exported as html');
    expect(out).toEqual([]);
  });

  it("a partner pack's audit entry holds the organisation's id and kind, never its name", async () => {
    await runExport(cases().partner_pack(), 'html', identity);
    const [entry] = exportsIn(await listAudit());
    expect(entry?.details).toMatchObject({ profile: 'partner_pack', audienceKind: 'partner', organisationId: 'org-ggz', audience: 'genodigde partner' });
    expect(JSON.stringify(entry)).not.toContain('GGZ Noord');
    // The file itself is addressed to the partner by name (it is theirs); only the log keeps the id.
    expect(out[0]?.text).toContain('GGZ Noord');
  });

  it('the audience is decided once: a partner kind without an organisation is refused', () => {
    const world = buildWorld();
    const prepared = meetingExport('meet-1', 'minutes', 'org-ggz').project(world.meetingInput);
    expect(prepared.kind).toBe('partner_minutes');
    expect(prepared.projected.profile).toBe('partner_minutes');
    expect(prepared.audience).toEqual({ kind: 'partner', organisationId: 'org-ggz' });
  });

  it('every CSV the app writes neutralises a formula: a knelpunt titled =HYPERLINK(...), and names in any cell', async () => {
    const all = cases();
    const csvKinds = EXPORT_KINDS.filter((k) => (EXPORT_FORMATS[k] as readonly string[]).includes('csv'));
    expect(csvKinds.sort()).toEqual(['audit_log', 'knelpunten']);
    for (const kind of csvKinds) {
      out.length = 0;
      await runExport(all[kind](), 'csv', identity);
      const text = out[0]?.text ?? '';
      const cells = csvCells(text, kind === 'audit_log' ? ',' : ';');
      expect(cells.some((c) => c.includes('HYPERLINK')), `${kind}: the formula text is in the file`).toBe(true);
      for (const c of cells) expect(c, `${kind}: ${c}`).not.toMatch(/^[=+\-@\t\r]/);
    }
    // The knelpunt's title arrives as text: quoted, with a leading apostrophe.
    out.length = 0;
    await runExport(all.knelpunten(), 'csv', identity);
    expect(out[0]?.text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('a household name that is a formula is neutralised in every CSV kind', async () => {
    // Household names reach a CSV only as text typed into a field (a knelpunt title; the scanner
    // replaces a known name, so this one is unknown to it) or as the audit log's details.
    const name = '=cmd|Jansen';
    const csv = [
      (() => loaded(knelpuntenExport(knelpuntLabels, 'k'), { knelpunten: [{ ...knelpunten[0], title: name } as Knelpunt], namesByHousehold: new Map() }))(),
      loaded(auditLogExport({}, ['a', 'b', 'c', 'd', 'e', 'f'], () => 'x', 'l'), [{ id: 'a1', at: TS, action: 'household.update', details: { household: name } }] satisfies AuditEntry[]),
    ];
    for (const spec of csv) {
      out.length = 0;
      await runExport(spec, 'csv', identity);
      const text = out[0]?.text ?? '';
      expect(text).toContain('Jansen');
      expect(text).not.toMatch(/(^|[;,\n])=cmd/);
    }
  });
});

describe('no export leaves around the pipeline', () => {
  it('only features/exports/pipeline.ts calls the platform to save, print or copy an export', () => {
    const root = join(__dirname, '../../../renderer/src');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name)) files.push(p);
      }
    };
    walk(root);
    // The platform adapter implements the calls. Not exports of resident data: a backup (its own
    // audit entry, 'backup.create', written by the backup feature) and printing the new recovery
    // key on paper (vault setup and key rotation; nothing of a household is on that page).
    const allowed = new Set([
      'features/exports/pipeline.ts',
      'features/backup/components/MakeBackup.tsx',
      'features/privacy/components/KeysSection.tsx',
      'features/vault/SetupScreen.tsx',
    ]);
    const offenders = files
      .map((f) => relative(root, f).split('\\').join('/'))
      .filter((f) => !f.startsWith('platform/') && !allowed.has(f))
      .filter((f) => /\.(saveFile|printToPdf|copyText)\(|navigator\.clipboard|window\.print\(/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
    // The check can fail: the pipeline itself is caught by it.
    expect(/\.(saveFile|printToPdf|copyText)\(/.test(readFileSync(join(root, 'features/exports/pipeline.ts'), 'utf8'))).toBe(true);
  });
});

