import { describe, expect, it } from 'vitest';
import { renderCsv } from '@shared/export/document';
import { projectInzage } from '@shared/export/inzage';
import { nlDate } from '@shared/export/labels';
import { projectKnelpunten } from '@shared/export/knelpunten';
import { csvCell, writeCsv } from '@shared/export/csv';
import { auditToCsv } from '../../../renderer/src/data/stores/audit/audit';
import { buildWorld } from './fixtures';

/**
 * One CSV writer for every CSV the app writes (export documents and the audit log): a cell a
 * spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return)
 * gets a leading quote, and quoting follows RFC 4180 so the cell stays one cell.
 */
const FORMULAS = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', "=cmd|' /C calc'!A0"];

/** The cells of a simple CSV line (quotes as RFC 4180 writes them). */
function cells(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      out.push(cur);
      cur = '';
    }
    else cur += c;
  }
  out.push(cur);
  return out;
}

const TS = '2025-05-01T10:00:00.000Z';
const labels = {
  note: 'n', categoriesTitle: 'c', category: 'Categorie', barriers: 'Knelpunten', households: 'Huishoudens', barrier: 'Knelpunt',
  recurringTitle: 'r', noRecurring: '-', categoryLabel: (c: string) => c.toUpperCase(),
};

describe('the CSV writer', () => {
  it.each(FORMULAS)('neutralises a formula cell %j with a leading quote', (f) => {
    expect(csvCell(f)).toMatch(/^"?'/);
    expect(cells(writeCsv([[f, 'x']]).trimEnd(), ';')).toEqual([`'${f}`, 'x']);
  });

  it('leaves ordinary text and numbers alone and quotes what would split a cell', () => {
    expect(writeCsv([['Wachtlijst', '<5', '12', '2025-06-02']])).toBe('Wachtlijst;<5;12;2025-06-02\n');
    expect(writeCsv([['a;b', 'say "hi"', 'one\ntwo', 'c,d']])).toBe('"a;b";"say ""hi""";"one\ntwo";"c,d"\n');
    expect(writeCsv([['a', 'b'], ['c', 'd']], { separator: ',', newline: '\r\n' })).toBe('a,b\r\nc,d\r\n');
  });

  it('a knelpunt titled =HYPERLINK(…) arrives neutralised in the knelpunten CSV', () => {
    const title = '=HYPERLINK("http://x","y")';
    const doc = projectKnelpunten(
      [{ id: 'k1', category: 'wachtlijst', title, householdIds: ['a', 'b', 'c', 'd', 'e'], createdAt: TS, updatedAt: TS }],
      new Map(), labels, nlDate, '2026-04-01',
    ).document;
    const csv = renderCsv(doc);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")";WACHTLIJST;5`);
    const row = csv.split('\n').find((l) => l.includes('HYPERLINK')) ?? '';
    expect(cells(row, ';')).toEqual([`'${title}`, 'WACHTLIJST', '5']);
  });

  it.each(FORMULAS)("a household member's name %j arrives neutralised in a document's CSV", (name) => {
    const world = buildWorld();
    const base = world.inzageFor('hh-a');
    const household = { ...base.household, members: base.household.members.map((m) => ({ ...m, firstName: name, lastName: undefined })) };
    const csv = renderCsv(projectInzage({ ...base, household }).document);
    const memberRows = csv.split('\n').map((l) => cells(l, ';')).filter((r) => (r[0] ?? '').includes(name.replace(/^[\t\r]/, '').slice(0, 4)));
    expect(memberRows.length).toBeGreaterThan(0);
    // A tab or CR at the start is flattened or kept, but no cell starts with a formula character.
    for (const r of csv.split('\n').flatMap((l) => cells(l, ';'))) expect(r).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('the audit log is written by the same writer', () => {
    const csv = auditToCsv([{ id: '1', at: '2026-01-02T03:04:05.000Z', action: 'export', actorId: 'a' }], () => '-2+3', ['W', 'D', 'H', 'S', 'R', 'X']);
    expect(csv).toBe(`W,D,H,S,R,X\r\n2026-01-02T03:04:05.000Z,'-2+3,export,,,\r\n`);
    expect(auditToCsv([], () => '', ['W', 'D', 'H', 'S', 'R', 'X'])).toBe(writeCsv([['W', 'D', 'H', 'S', 'R', 'X']], { separator: ',', newline: '\r\n' }));
  });
});
