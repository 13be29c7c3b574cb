import { describe, expect, it } from 'vitest';
import { renderMarkdown, type DocText, type ExportDocument } from '@shared/export/document';
import { projectManagementFigures } from '@shared/export/figures';
import { projectInzage } from '@shared/export/inzage';
import { nlDate } from '@shared/export/labels';
import { projectKnelpunten } from '@shared/export/knelpunten';
import { projectMeetingPack, projectMinutes } from '@shared/export/profiles';
import { MARKUP, buildWorld, consent } from './fixtures';

/**
 * Every Markdown export must stay text in every Markdown viewer, also one that renders inline
 * HTML: hostile markup in a name or a narrative is shown, never run, loaded or turned into
 * structure (a link, an image, a heading, an extra table column). The documents are rendered
 * UNRESOLVED (as if the worker kept every hit), so the scanner's placeholders hide nothing.
 */

/** Our own Markdown never writes "<"; any tag start, comment or autolink comes from the content. */
const RAW_HTML = /<[A-Za-z!?/]/;
/** A "[" or "`" that is not backslash-escaped opens a link, image, reference or code span. */
const UNESCAPED_LINK_OR_CODE = /(^|[^\\])(\\\\)*[[`]/m;

function unescapedPipes(line: string): number {
  return (line.match(/(^|[^\\])\|/g) ?? []).length;
}

/** Every line of a table has as many cell separators as its header: content adds no column. */
function tableShapes(md: string): string[] {
  const bad: string[] = [];
  let width: number | undefined;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      width = undefined;
      continue;
    }
    width ??= unescapedPipes(line);
    if (unescapedPipes(line) !== width) bad.push(line);
  }
  return bad;
}

/** What a reader sees: entities decoded, backslash escapes removed, hard breaks joined. */
function shown(md: string): string {
  return md
    .replace(/\\([\\`*_[\]#|~+\-=.)!])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function expectInert(md: string, markup: string): void {
  expect(md).not.toMatch(RAW_HTML);
  expect(md).not.toMatch(UNESCAPED_LINK_OR_CODE);
  expect(tableShapes(md)).toEqual([]);
  // The Markdown block markers in the content stay text: no heading, list, quote or rule from it.
  expect(md).not.toMatch(/^\s*(#+ Kop|- lijst|1\. genummerd|> citaat|===)\s*$/m);
  expect(md.split('\n').filter((l) => l.trim() === '---')).toHaveLength(1); // the footer rule only
  // …and it is still there to read, each line of it.
  for (const line of markup.split('\n')) expect(shown(md)).toContain(line);
}

/** A document with the markup in every place a string can go, fixed and free. */
function everySlot(m: string): ExportDocument {
  const f = (text: string): DocText => ({ kind: 'fixed', text });
  const free = (text: string): DocText => ({ kind: 'free', id: `t-${text.length}`, text, scan: { names: [] } });
  return {
    purposeId: 'inzage', title: m, purpose: m, audience: m, date: m, madeOn: m, notice: m,
    sections: [
      {
        id: 's', title: f(m), newPage: true,
        blocks: [
          { type: 'paragraph', text: free(m) },
          { type: 'paragraph', text: f(m), muted: true },
          { type: 'subheading', text: free(m) },
          { type: 'facts', rows: [{ label: m, value: f(m) }, { label: 'x', value: free(m) }] },
          { type: 'list', label: m, items: [f(m), free(m)] },
          { type: 'table', caption: m, head: [m, 'b'], rows: [[f(m), free(m)]] },
        ],
      },
      { id: 's2', title: free(m), blocks: [] },
    ],
  };
}

/** The fixture world with the markup in every name and narrative an export can show. */
function hostileDocuments(m: string): [string, ExportDocument][] {
  const world = buildWorld({ consents: [consent('hh-a', 'org-ggz', 'delen'), consent('hh-a', 'org-ggz', 'bespreken')] });
  const input = world.meetingInput;
  const households = new Map(
    [...input.households].map(([id, h]) => [
      id,
      { ...h, displayName: `Familie ${m}`, wijk: m, address: m, members: h.members.map((p) => ({ ...p, firstName: m, lastName: m })) },
    ]),
  );
  const items = input.items.map((i) => ({
    ...i,
    question: `Vraag ${m}`,
    notes: `Bespreking ${m}`,
    decisions: i.decisions.map((d) => ({ ...d, text: `Besluit ${m}` })),
    actions: i.actions.map((a) => ({ ...a, text: `Actie ${m}` })),
  }));
  const goals = input.goals.map((g) => ({ ...g, text: `Doel ${m}` }));
  const actions = input.actions.map((a) => ({ ...a, text: `Actie ${m}`, owner: { kind: 'network' as const, name: m } }));
  const contacts = input.contacts.map((c) => ({ ...c, name: m }));
  const organisations = input.organisations.map((o) => ({ ...o, name: m }));
  const hostile = { ...input, households, items, goals, actions, contacts, organisations };
  const base = world.inzageFor('hh-a');
  const inzage = projectInzage({
    ...base,
    household: households.get('hh-a') ?? base.household,
    goals, actions, agendaItems: items, contacts, organisations,
    notes: base.notes.map((n) => ({ ...n, text: `Notitie ${m}` })),
    intakes: base.intakes.map((i) => ({ ...i, question: `Aanmelding ${m}`, referrerName: m })),
    assessments: base.assessments.map((a) => ({ ...a, narrative: `Toelichting ${m}` })),
    handovers: base.handovers.map((h) => ({ ...h, note: `Overdracht ${m}` })),
    otherHouseholds: [],
  }).document;
  const figures = projectManagementFigures({
    households: Array.from({ length: 12 }, (_, i) => ({ id: `f${i}`, status: 'actief' as const, wijk: i < 6 ? m : `Wijk ${m}` })),
    actions: [], assessments: [], meetings: [], items: [], domains: input.domains, today: '2025-06-02', madeOn: '2025-06-02',
  }).document;
  const TS = '2025-05-01T10:00:00.000Z';
  const knelpunten = projectKnelpunten(
    [{ id: 'k1', category: 'wachtlijst', title: m.slice(0, 120), householdIds: ['a', 'b', 'c', 'd', 'e'], createdAt: TS, updatedAt: TS }],
    new Map(),
    { note: m, categoriesTitle: m, category: m, barriers: 'Knelpunten', households: 'Huishoudens', barrier: 'Knelpunt', recurringTitle: m, noRecurring: m, categoryLabel: () => m },
    nlDate,
    '2025-06-02',
  ).document;
  return [
    ['every slot of a document', everySlot(m)],
    ['inzage', inzage],
    ['binnenring pack', projectMeetingPack(hostile, { kind: 'binnenring' }).document],
    ['partner pack', projectMeetingPack(hostile, { kind: 'partner', organisationId: 'org-ggz' }).document],
    ['minutes', projectMinutes(hostile, { kind: 'binnenring' }).document],
    ['management figures', figures],
    ['knelpunten', knelpunten],
  ];
}

describe('Markdown exports keep hostile markup as text', () => {
  const cases = MARKUP.flatMap((m) => hostileDocuments(m).map(([name, doc]) => [name, m, doc] as const));

  it.each(cases)('%s with %j', (_name, m, doc) => {
    expectInert(renderMarkdown(doc), m);
  });

  it('the check can fail: the markup is really in the documents, raw', () => {
    const [name, doc] = hostileDocuments('<img src=x onerror=alert(1)>')[1] ?? [];
    expect(name).toBe('inzage');
    expect(doc?.title).toContain('<img src=x onerror=alert(1)>');
    expect(() => expectInert('# <img src=x onerror=alert(1)>\n\n---\n', '<img src=x onerror=alert(1)>')).toThrow();
    expect(() => expectInert('[klik](javascript:alert(1))\n\n---\n', '[klik](javascript:alert(1))')).toThrow();
    expect(() => expectInert('| a | b |\n| x | y | z |\n\n---\n', 'x')).toThrow();
  });
});
