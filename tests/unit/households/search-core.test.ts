import { describe, expect, it } from 'vitest';
import { CaseSearch, termsOf } from '../../../renderer/src/features/households/search/search-core';

const names = (s: CaseSearch, householdId: string, text: string) => s.replace('names', [householdId], [{ id: `h:${householdId}`, householdId, text }]);
const note = (householdId: string, id: string, text: string) => ({ id, householdId, text });

describe('the case list search index', () => {
  it('finds households by the start of a word, ignoring case and accents', () => {
    const s = new CaseSearch();
    names(s, 'h1', 'Familie Çelik Ayşe Çelik');
    names(s, 'h2', 'Familie de Vries Jan de Vries');
    expect(s.search('cel')).toEqual(['h1']);
    expect(s.search('AYSE')).toEqual(['h1']);
    expect(s.search('vri')).toEqual(['h2']);
    expect(s.search('qxzv')).toEqual([]);
    expect(s.search('  ')).toEqual([]);
  });

  it('ranks names before narratives and a whole word before a word start', () => {
    const s = new CaseSearch();
    names(s, 'narrative', 'Familie Bakker');
    s.addMany([note('narrative', 'n1', 'Jan van de buren helpt met de post')]);
    names(s, 'prefix', 'Familie Jansen');
    names(s, 'exact', 'Familie Smit Jan Smit');
    expect(s.search('jan')).toEqual(['exact', 'prefix', 'narrative']);
  });

  it('needs every word, but each may be in a name or in any narrative of the household', () => {
    const s = new CaseSearch();
    names(s, 'h1', 'Familie Bakker');
    s.addMany([note('h1', 'n1', 'Huurachterstand bij de corporatie'), note('h1', 'n2', 'School meldt verzuim')]);
    names(s, 'h2', 'Familie Bakker');
    s.addMany([note('h2', 'n3', 'Huurachterstand opgelost')]);
    expect(s.search('bakker verzuim')).toEqual(['h1']);
    expect(s.search('huurachterstand school')).toEqual(['h1']);
    expect(s.search('bakker huur')).toEqual(['h1', 'h2']);
  });

  it('replacing a household takes its old words out and keeps the other scope', () => {
    const s = new CaseSearch();
    names(s, 'h1', 'Familie Aydin');
    s.replace('narratives', ['h1'], [note('h1', 'n1', 'schulden bij de energieleverancier')]);
    expect(s.search('energie')).toEqual(['h1']);
    s.replace('narratives', ['h1'], [note('h1', 'n1', 'schulden geregeld via bewind')]);
    expect(s.search('energie')).toEqual([]);
    expect(s.search('bewind')).toEqual(['h1']);
    expect(s.search('aydin')).toEqual(['h1']);
    names(s, 'h1', 'Familie Yilmaz');
    expect(s.search('aydin')).toEqual([]);
    expect(s.search('bewind yilmaz')).toEqual(['h1']);
  });

  it('tolerates a typo in a longer word, ranked below the exact spelling', () => {
    const s = new CaseSearch();
    names(s, 'exact', 'Familie Hendriks');
    names(s, 'typo', 'Familie Hendricks');
    expect(s.search('hendriks')).toEqual(['exact', 'typo']);
    expect(s.search('hendr')).toEqual(['exact', 'typo']);
    // Short words must match as typed: "jan" does not find "jas".
    names(s, 'short', 'Familie Jas');
    expect(s.search('jan')).toEqual([]);
  });

  it('answers a page of the households the filters allow, with the total', () => {
    const s = new CaseSearch();
    for (const id of ['h1', 'h2', 'h3', 'h4']) names(s, id, `Familie Jansen ${id}`);
    expect(s.page('jans', 2)).toEqual({ householdIds: ['h1', 'h2'], total: 4 });
    s.allow(['h2', 'h4']);
    expect(s.page('jans', 1)).toEqual({ householdIds: ['h2'], total: 2 });
    expect(s.handle({ type: 'search', seq: 7, query: 'jans', limit: 5 })).toEqual({ type: 'results', seq: 7, householdIds: ['h2', 'h4'], total: 2 });
    s.handle({ type: 'allow', householdIds: null });
    expect(s.page('jans', 10).total).toBe(4);
  });

  it('splits text into distinct normalised words', () => {
    expect(termsOf('Één, twee — één! Drie?')).toEqual(['een', 'twee', 'drie']);
  });
});
