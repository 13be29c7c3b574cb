import { describe, expect, it } from 'vitest';
import { hitKey, plainText, renderHtml, renderMarkdown, resolveDocument, scanDocument, type ExportDocument } from '@shared/export/document';
import { projectManagementFigures } from '@shared/export/figures';
import { projectInzage } from '@shared/export/inzage';
import { nlDate } from '@shared/export/labels';
import { projectKnelpunten } from '@shared/export/knelpunten';
import { projectReferrerLetter } from '@shared/export/letter';
import { ALLOWLIST, namesOf, projectMeetingPack, projectMinutes } from '@shared/export/profiles';
import { translate } from '../../../renderer/src/i18n';
import { CANARIES, SPECS, buildWorld, consent, findCanary, leaky } from './fixtures';

/** What leaves with the default review (every hit replaced): HTML, Markdown and the plain text. */
function outputs(doc: ExportDocument): string[] {
  const resolved = resolveDocument(doc, scanDocument(doc), {});
  return [renderHtml(resolved), renderMarkdown(resolved), plainText(resolved)];
}

function hitsIn(texts: readonly string[], canaries: readonly string[]): string[] {
  return canaries.filter((c) => texts.some((t) => findCanary(t, c)));
}

const ALL_CANARIES = CANARIES.flatMap((c) => [...c.identifying, ...c.inzageOnly, c.internalNote, c.household.displayName]);

describe('canary check over every export profile', () => {
  const world = buildWorld({
    consents: [consent('hh-a', 'org-ggz', 'delen'), consent('hh-a', 'org-ggz', 'bespreken'), consent('hh-b', 'org-sh', 'bespreken')],
  });
  const pseudonymised: [string, ExportDocument][] = [
    ['binnenring pack', projectMeetingPack(world.meetingInput, { kind: 'binnenring' }).document],
    ['GGZ partner pack', projectMeetingPack(world.meetingInput, { kind: 'partner', organisationId: 'org-ggz' }).document],
    ['schuldhulp partner pack', projectMeetingPack(world.meetingInput, { kind: 'partner', organisationId: 'org-sh' }).document],
    ['minutes', projectMinutes(world.meetingInput, { kind: 'binnenring' }).document],
    ['GGZ partner minutes', projectMinutes(world.meetingInput, { kind: 'partner', organisationId: 'org-ggz' }).document],
    [
      'management figures',
      projectManagementFigures({
        households: CANARIES.map((c) => c.household),
        actions: world.actions,
        assessments: world.assessments,
        meetings: [world.meetingInput.meeting],
        items: world.meetingInput.items,
        domains: world.meetingInput.domains,
        today: '2025-06-02',
        madeOn: '2025-06-02',
      }).document,
    ],
  ];

  // The referrer letter at closure: its outcome line (typed by a worker) names everything of household A.
  const [specA, specB] = SPECS;
  const [canaryA, canaryB, canaryC] = CANARIES;
  if (!specA || !specB || !canaryA || !canaryB || !canaryC) throw new Error('fixtures changed');
  const letterT = (key: string, vars?: Readonly<Record<string, string>>) => translate('nl', `feedback.letter.${key}`, vars);
  pseudonymised.push([
    'referrer letter at closure',
    projectReferrerLetter(
      {
        kind: 'closure',
        householdId: 'hh-a',
        referralDate: '2025-01-15',
        referrerName: 'Dokter Visser',
        decision: 'oppakken',
        contactName: 'Sanne de Vries',
        outcome: `${leaky(specA, 'Afgerond')}\nCANARY-SECOND-LINE`,
        memberNames: namesOf([canaryA.household]),
      },
      letterT,
      nlDate,
      '2025-06-02',
    ).document,
  ]);
  // Knelpunten for management: a barrier in five households whose title leaks A's identifiers
  // (shown, so scanned), and a rare one whose title leaks B's (never shown at all).
  const knelpuntLabels = {
    note: 'n', categoriesTitle: 'c', category: 'Categorie', barriers: 'Knelpunten', households: 'Huishoudens', barrier: 'Knelpunt',
    recurringTitle: 'r', noRecurring: '-', categoryLabel: (c: string) => c,
  };
  pseudonymised.push([
    'knelpunten for management',
    projectKnelpunten(
      [
        { id: 'k1', category: 'wachtlijst', title: leaky(specA, 'Wachtlijst').slice(0, 120), householdIds: ['hh-a', 'hh-b', 'hh-c', 'hh-x', 'hh-y'], createdAt: '2025-05-01T10:00:00.000Z', updatedAt: '2025-05-01T10:00:00.000Z' },
        { id: 'k2', category: 'regel', title: `Regel bij ${specB.first} ${specB.last}`, householdIds: ['hh-b'], createdAt: '2025-05-01T10:00:00.000Z', updatedAt: '2025-05-01T10:00:00.000Z' },
      ],
      new Map(CANARIES.map((c) => [c.household.id, namesOf([c.household])])),
      knelpuntLabels,
      nlDate,
      '2025-06-02',
    ).document,
  ]);

  it.each(pseudonymised)('%s holds no canary at all', (_name, doc) => {
    expect(hitsIn(outputs(doc), ALL_CANARIES)).toEqual([]);
  });

  it('the check can fail: without the review the identifiers in narratives would leave', () => {
    const doc = projectMeetingPack(world.meetingInput, { kind: 'binnenring' }).document;
    const unreviewed = renderHtml(doc);
    const [a] = CANARIES;
    expect(a && hitsIn([unreviewed], a.identifying).length).toBeGreaterThan(5);
    // Keeping a hit on purpose lets exactly that value through: the preview is what leaves.
    const hits = scanDocument(doc);
    const bsnHit = hits.find((h) => h.kind === 'bsn');
    expect(bsnHit).toBeDefined();
    const kept = renderHtml(resolveDocument(doc, hits, bsnHit ? { [hitKey(bsnHit)]: 'keep' } : {}));
    expect(bsnHit && kept.includes(bsnHit.text)).toBe(true);
  });

  it('the check can fail for the letter and the knelpunten too: unreviewed, their free text leaks', () => {
    for (const name of ['referrer letter at closure', 'knelpunten for management']) {
      const doc = pseudonymised.find(([n]) => n === name)?.[1];
      expect(doc && hitsIn([renderHtml(doc)], canaryA.identifying).length).toBeGreaterThan(4);
      // A rare barrier's title never appears, reviewed or not.
      expect(doc && hitsIn([renderHtml(doc)], [specB.first])).toEqual([]);
    }
  });

  it('the binnenring pack has every case; a partner pack only the case it is invited for and has consent to share', () => {
    const pack = projectMeetingPack(world.meetingInput, { kind: 'binnenring' });
    expect(pack.householdIds).toEqual(['hh-a', 'hh-b', 'hh-c']);
    const ggz = projectMeetingPack(world.meetingInput, { kind: 'partner', organisationId: 'org-ggz' });
    expect(ggz.householdIds).toEqual(['hh-a']);
    expect(plainText(ggz.document)).toContain('Huishouden A');
    expect(plainText(ggz.document)).not.toContain('Huishouden B');
    // Schuldhulp is invited for B with consent to discuss, but not to share: B stays out, and the app is told why.
    const sh = projectMeetingPack(world.meetingInput, { kind: 'partner', organisationId: 'org-sh' });
    expect(sh.householdIds).toEqual([]);
    expect(sh.excluded.map((e) => [e.householdId, e.access.reason, e.access.todo])).toEqual([['hh-b', 'missing', 'record']]);
    // Withdrawn consent excludes too.
    const withdrawn = buildWorld({ consents: [consent('hh-a', 'org-ggz', 'delen', { withdrawnAt: '2025-05-01' })] });
    const again = projectMeetingPack(withdrawn.meetingInput, { kind: 'partner', organisationId: 'org-ggz' });
    expect(again.householdIds).toEqual([]);
    expect(again.excluded[0]?.access.reason).toBe('withdrawn');
  });

  it('the partner pack holds only its allowlisted fields (no actions, no other invitees)', () => {
    expect(ALLOWLIST.partner_pack).not.toContain('openActions');
    const text = plainText(projectMeetingPack(world.meetingInput, { kind: 'partner', organisationId: 'org-ggz' }).document);
    expect(text).not.toContain('Open acties');
    expect(text).not.toContain('Schuldhulp Stad');
    const full = plainText(projectMeetingPack(world.meetingInput, { kind: 'binnenring' }).document);
    expect(full).toContain('Open acties');
    expect(full).toContain('ouder, 27-44 jaar');
    expect(full).toContain('kind, 4-11 jaar');
  });

  it('a member of another household named in a narrative is caught too', () => {
    const doc = projectMeetingPack(world.meetingInput, { kind: 'binnenring' }).document;
    const hits = scanDocument(doc);
    expect(hits.some((h) => h.kind === 'naam' && h.text === 'Zorbelwick')).toBe(true);
  });
});

describe('inzage: its own household in full, nothing of any other', () => {
  const world = buildWorld();
  it.each(CANARIES.map((c) => [c.household.id, c] as const))('inzage for %s', (_id, own) => {
    const projected = projectInzage(world.inzageFor(own.household.id));
    const doc = projected.document;
    const out = outputs(doc);
    // The file is theirs and names them; the audit log's audience does not.
    expect(doc.audience).toContain(own.household.displayName);
    expect(projected.auditAudience).toBe('het huishouden zelf');
    // Its own data, including the narratives only inzage may show.
    // (The IBAN is not a household field: it only occurs in narratives, where it is flagged like any IBAN.)
    const expected = [...own.identifying.filter((c) => !c.startsWith('NL') && !/^\d{4}-\d{2}-\d{2}$/.test(c)), ...own.inzageOnly];
    expect(hitsIn(out, expected)).toEqual(expected);
    const birth = own.household.members[0]?.birthDate ?? '';
    expect(out[2]).toContain(nlDate(birth));
    // Internal notes: never the text (see shared/export/inzage.ts), but the resident is told they exist.
    expect(hitsIn(out, [own.internalNote])).toEqual([]);
    expect(out[2]).toContain('1 interne werkaantekening');
    // No other household's anything.
    const others = CANARIES.filter((c) => c !== own).flatMap((c) => [...c.identifying, ...c.inzageOnly, c.internalNote]);
    expect(hitsIn(out, others)).toEqual([]);
  });
});

describe('the pack names a wijk, never a postcode', () => {
  it('a household with a postcode and no wijk (or a postcode typed as its wijk) is "wijk onbekend" in the pack and the figures', () => {
    const world = buildWorld();
    const [a, b] = CANARIES;
    if (!a || !b) throw new Error('fixtures changed');
    const households = new Map(world.meetingInput.households);
    households.set(a.household.id, { ...a.household, wijk: undefined, postcode: '1111 QQ' });
    households.set(b.household.id, { ...b.household, wijk: '2222 RR' });
    const doc = projectMeetingPack({ ...world.meetingInput, households }, { kind: 'binnenring' }).document;
    const text = plainText(doc);
    const wijken = doc.sections.flatMap((s) => s.blocks).flatMap((bl) => (bl.type === 'facts' ? bl.rows.filter((r) => r.label === 'Wijk').map((r) => r.value.text) : []));
    expect(wijken).toEqual(['wijk onbekend', 'wijk onbekend', 'Centrum']);
    for (const postcode of ['1111', '2222']) expect(text).not.toContain(postcode);
    const figures = plainText(
      projectManagementFigures({
        households: [...households.values()], actions: [], assessments: [], meetings: [], items: [], domains: world.meetingInput.domains, today: '2025-06-02', madeOn: '2025-06-02',
      }).document,
    );
    expect(figures).toContain('wijk onbekend');
    expect(figures).not.toContain('2222');
  });
});
