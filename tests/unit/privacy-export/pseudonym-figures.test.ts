import { describe, expect, it } from 'vitest';
import { escapeHtml, renderCsv, renderHtml, renderMarkdown, type ExportDocument } from '@shared/export/document';
import { projectManagementFigures } from '@shared/export/figures';
import { protect, type Relation } from '@shared/export/suppression';
import { assignPseudonyms, memberDescriptor, pseudonymLetters, wijkFor } from '@shared/privacy/pseudonym';
import { DEFAULT_LIFE_DOMAINS } from '@shared/domain/partners';
import { MARKUP } from './fixtures';

describe('pseudonyms', () => {
  it('letters run A…Z, AA, AB …', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(pseudonymLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
  it('are stable: adding a case never renames another', () => {
    const first = assignPseudonyms({}, ['h1', 'h2']);
    expect(first).toEqual({ h1: 'A', h2: 'B' });
    expect(assignPseudonyms(first, ['h3', 'h2', 'h1'])).toEqual({ h1: 'A', h2: 'B', h3: 'C' });
    expect(assignPseudonyms({ h9: 'A' }, ['h1'])).toEqual({ h9: 'A', h1: 'B' });
  });
  it('members by role and age band; area by wijk, never the postcode', () => {
    expect(memberDescriptor({ role: 'kind', birthDate: '2016-02-02' }, '2025-06-02')).toBe('kind, 4-11 jaar');
    expect(memberDescriptor({ role: 'ouder' }, '2025-06-02')).toBe('ouder, leeftijd onbekend');
    expect(wijkFor({ wijk: 'Noord', postcode: '1234 AB' })).toBe('Noord');
    expect(wijkFor({ postcode: '1234 AB' }, { '1234': 'Oost' })).toBe('Oost');
    expect(wijkFor({ postcode: '1234 AB' })).toBe('wijk onbekend');
    // A postcode typed into a free-text wijk field is reduced like a postcode.
    expect(wijkFor({ wijk: '1234AB' })).toBe('wijk onbekend');
    expect(wijkFor({ wijk: '1234 ab 12' }, { '1234': 'Oost' })).toBe('Oost');
    expect(wijkFor({ wijk: '1234 Oost' })).toBe('1234 Oost');
  });
});

describe('management figures', () => {
  it('suppresses cells under 5, and withholds a cell of 5 or more as "x" where a total would give a small one away', () => {
    // One row and its total (the last cell).
    const row = (counts: number[]) => {
      const cells = [...counts, counts.reduce((a, b) => a + b, 0)].map((value) => ({ value, floor: 0 }));
      const rel: Relation = { kind: 'sum', total: counts.length, parts: counts.map((_, i) => i) };
      return protect(cells, [rel]).map((m, i) => (m === 'small' ? '<5' : m === 'protected' ? 'x' : cells[i]?.value));
    };
    expect(row([10, 12, 7])).toEqual([10, 12, 7, 29]);
    // The smallest cell that leaves the "<5" open is withheld, marked "x", never "<5".
    expect(row([10, 3, 7])).toEqual([10, '<5', 'x', 20]);
    // Two small cells that add up to 3: a reader learns only that neither is 4.
    expect(row([1, 2, 30])).toEqual(['<5', '<5', 30, 33]);
    // Zero is suppressed too, and 8 - x (x of 5 or more) leaves it open.
    expect(row([0, 8])).toEqual(['<5', 'x', 8]);
    // "<5" next to exactly 5: withholding the 5 would pin it (x is at least 5), so the 30 goes.
    expect(row([0, 5, 30])).toEqual(['<5', 5, 'x', 35]);
  });

  it('holds counts only; a small wijk shows "<5", and the wijk that would give it away "x", with the legend', () => {
    const households = [
      ...Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, status: 'actief' as const, wijk: 'Centrum' })),
      ...Array.from({ length: 2 }, (_, i) => ({ id: `b${i}`, status: 'aangemeld' as const, wijk: 'Dorp' })),
    ];
    const doc: ExportDocument = projectManagementFigures({
      households, actions: [], assessments: [], meetings: [], items: [], domains: DEFAULT_LIFE_DOMAINS, today: '2025-06-02', madeOn: '2025-06-02',
    }).document;
    const html = renderHtml(doc);
    expect(html).toContain('<td>Dorp</td><td>&lt;5</td>');
    // 14 households in total: Centrum's 12 would give Dorp away (14 - 12), so it is withheld.
    expect(html).toContain('<td>Centrum</td><td>x</td>');
    expect(html).not.toMatch(/<td>[1-4]<\/td>/);
    expect(html).not.toContain('<td>12</td>');
    expect(html).toContain('<td>14</td>');
    const md = renderMarkdown(doc);
    // "<" as an entity: text in every Markdown viewer (markdown-escape.test.ts).
    expect(md).toContain('| Dorp | &lt;5 |');
    expect(md).toContain('| Centrum | x |');
    // The legend, in Dutch, in every format (a table, so the CSV has it too).
    expect(html).toContain('Tekens in de tabellen');
    expect(md).toContain('Tekens in de tabellen');
    expect(renderCsv(doc)).toContain('Teken;Betekenis');
    for (const out of [html, md, renderCsv(doc)]) {
      expect(out).toContain('Minder dan 5 (0 tot en met 4)');
      expect(out).toContain('Afgeschermd: een aantal van 5 of meer');
    }
  });
});

describe('rendered files', () => {
  it('HTML is self-contained: inline print CSS, header, no script, nothing loaded from anywhere', () => {
    const doc: ExportDocument = {
      purposeId: 'meeting_pack', title: 'T <x>', purpose: 'p', audience: 'a', date: 'd', madeOn: 'm',
      sections: [{ id: 's', title: { kind: 'fixed', text: 'S' }, blocks: [{ type: 'paragraph', text: { kind: 'fixed', text: '<script>alert(1)</script>' } }] }],
    };
    const html = renderHtml(doc);
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('Vertrouwelijk');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<title>T &lt;x&gt;</title>');
  });

  /** The tags the HTML template itself writes; anything else would come from the content. */
  const TEMPLATE_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'div', 'h1', 'h2', 'h3', 'p', 'span', 'strong', 'main', 'section', 'dl', 'dt', 'dd', 'ul', 'li', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'footer', 'br']);

  it.each(MARKUP)('HTML keeps hostile markup as text in every place: %j', (m) => {
    const f = (text: string) => ({ kind: 'fixed' as const, text });
    const doc: ExportDocument = {
      purposeId: 'inzage', title: m, purpose: m, audience: m, date: m, madeOn: m, notice: m,
      sections: [{
        id: 's', title: f(m), newPage: true,
        blocks: [
          { type: 'paragraph', text: { kind: 'free', id: 't1', text: m, scan: { names: [] } } },
          { type: 'subheading', text: f(m) },
          { type: 'facts', rows: [{ label: m, value: f(m) }] },
          { type: 'list', label: m, items: [f(m)] },
          { type: 'table', caption: m, head: [m], rows: [[f(m)]] },
        ],
      }],
    };
    const html = renderHtml(doc);
    const tags = [...html.matchAll(/<\/?([A-Za-z][A-Za-z0-9]*)/g)].map((t) => (t[1] ?? '').toLowerCase());
    expect(tags.filter((t) => !TEMPLATE_TAGS.has(t))).toEqual([]);
    expect(tags.filter((t) => t === 'style')).toHaveLength(2); // the template's own <style>…</style>
    expect(html).not.toMatch(/<!--/);
    expect(html).toContain(escapeHtml(m).replace(/\n/g, '<br>'));
  });
});
