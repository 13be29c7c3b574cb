import { describe, expect, it } from 'vitest';
import { applyHits, isValidIban, nameVariants, scanText, segments, type HitKind } from '@shared/privacy/scan';

const kinds = (text: string, names: string[] = []) => scanText(text, { names }).map((h) => [h.kind, h.text] as [HitKind, string]);

describe('free-text scanner', () => {
  it('finds BSN-like numbers only when they pass the elfproef', () => {
    expect(kinds('BSN 111222333 staat op de brief')).toEqual([['bsn', '111222333']]);
    expect(kinds('met punten 1112.22.333 of spaties 111 222 333')).toEqual([
      ['bsn', '1112.22.333'],
      ['bsn', '111 222 333'],
    ]);
    // 123456789 fails the elfproef: a dossier number, not a BSN.
    expect(kinds('dossier 123456789')).toEqual([]);
  });

  it('finds Dutch and international phone numbers', () => {
    expect(kinds('bel 06-12345678 of 020 123 4567')).toEqual([
      ['telefoon', '06-12345678'],
      ['telefoon', '020 123 4567'],
    ]);
    expect(kinds('mobiel +31 6 55501234, vast 0031 20 1234567')).toEqual([
      ['telefoon', '+31 6 55501234'],
      ['telefoon', '0031 20 1234567'],
    ]);
    expect(kinds('Belgisch nummer +32 470 12 34 56')).toEqual([['telefoon', '+32 470 12 34 56']]);
    expect(kinds('in 2024 waren er 3 gesprekken')).toEqual([]);
  });

  it('finds e-mail addresses', () => {
    expect(kinds('mail naar j.de-vries+wijk@voorbeeld.nl graag')).toEqual([['email', 'j.de-vries+wijk@voorbeeld.nl']]);
  });

  it('finds IBANs by mod-97 and the Dutch shape, without running into the next word', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('NL91ABNA0417164301')).toBe(false);
    expect(kinds('rekening NL91 ABNA 0417 1643 00 voor de huur')).toEqual([['iban', 'NL91 ABNA 0417 1643 00']]);
    expect(kinds('DE89370400440532013000 betaalt')).toEqual([['iban', 'DE89370400440532013000']]);
    // A German-shaped string with a wrong checksum is not an IBAN.
    expect(kinds('code DE00370400440532013000')).toEqual([]);
  });

  it('finds postcodes with house numbers and street addresses', () => {
    expect(kinds('woont op 1234 AB 12 sinds kort')).toEqual([['adres', '1234 AB 12']]);
    expect(kinds('adres Dorpsstraat 12a, 1234AB')).toEqual([['adres', 'Dorpsstraat 12a, 1234AB']]);
    expect(kinds('In 2015 en 2016 ging het goed')).toEqual([]);
  });

  it('finds full dates but not a day without a year', () => {
    expect(kinds('geboren 12-03-1986, gesprek op 2025-06-02 en 3 maart 2024')).toEqual([
      ['datum', '12-03-1986'],
      ['datum', '2025-06-02'],
      ['datum', '3 maart 2024'],
    ]);
    expect(kinds('volgende week 12 maart')).toEqual([]);
    expect(kinds('score 45-13-2020')).toEqual([]);
  });

  it('finds household members by first and last name, whole words, any case, with or without accents', () => {
    expect(kinds('Gesprek met zoë en meneer DE VRIES', ['Zoë', 'de Vries'])).toEqual([
      ['naam', 'zoë'],
      ['naam', 'DE VRIES'],
    ]);
    expect(kinds('Zoe kwam ook', ['Zoë'])).toEqual([['naam', 'Zoe']]);
    // Not inside another word.
    expect(kinds('Annabel en Jansenstraat', ['Anna', 'Jansen'])).toEqual([]);
    expect(nameVariants(['van der Berg'])).toContain('Berg');
    expect(nameVariants(['van der Berg'])).not.toContain('van');
  });

  it('leaves the allowed values (the household\'s own, for inzage) alone', () => {
    const hits = scanText('Fatima belt 06-12345678, Ahmed belt 06-87654321', { names: ['Fatima', 'Ahmed'], allowed: ['Fatima', '0612345678'] });
    expect(hits.map((h) => h.text)).toEqual(['Ahmed', '06-87654321']);
  });

  it('replaces every hit unless kept, and segments show the same text', () => {
    const text = 'Fatima (BSN 111222333) mailt f@x.nl';
    const hits = scanText(text, { names: ['Fatima'] });
    expect(applyHits(text, hits, () => undefined)).toBe('[naam] (BSN [BSN]) mailt [e-mail]');
    const keepName = (h: { kind: HitKind }) => (h.kind === 'naam' ? 'keep' : 'replace');
    expect(applyHits(text, hits, keepName)).toBe('Fatima (BSN [BSN]) mailt [e-mail]');
    expect(segments(text, hits, keepName).map((s) => s.text).join('')).toBe(applyHits(text, hits, keepName));
  });
});
