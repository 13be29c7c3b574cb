import { isValidBsn } from '../domain/bsn';

/**
 * The free-text scanner run before every export (PRIVACY.md "Exports"). Narrative fields may
 * carry what the structured projection leaves out: a name, a BSN, a phone number. The scanner
 * finds them with their offsets, so the preview can highlight each one and the user replaces
 * or keeps it. It errs on the side of flagging: a false hit costs one click, a missed one leaks.
 */

export const HIT_KINDS = ['naam', 'bsn', 'telefoon', 'email', 'iban', 'adres', 'datum'] as const;
export type HitKind = (typeof HIT_KINDS)[number];

/** What a replaced hit becomes in the export. */
export const PLACEHOLDERS: Readonly<Record<HitKind, string>> = {
  naam: '[naam]',
  bsn: '[BSN]',
  telefoon: '[telefoon]',
  email: '[e-mail]',
  iban: '[IBAN]',
  adres: '[adres]',
  datum: '[datum]',
};

export type TextHit = Readonly<{ start: number; end: number; kind: HitKind; text: string }>;

export type ScanContext = Readonly<{
  /** Names to look for: household members' first and last names (and, for inzage, other households'). */
  names: readonly string[];
  /**
   * Values that may stay (inzage: the household's own names, BSN, phone, e-mail). Compared
   * after normalising (case, spaces, punctuation).
   */
  allowed?: readonly string[];
}>;

const TUSSENVOEGSELS = new Set(['van', 'de', 'der', 'den', 'het', 'ten', 'ter', 'te', "'t", 'in', 'op', 'la', 'le', 'du', 'di', 'da', 'el', 'al', 'bin', 'ben', 'von', 'vd', 'v.d.']);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function stripMarks(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

export function normaliseValue(s: string): string {
  return stripMarks(s).toLocaleLowerCase('nl').replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The name forms to search for: each full name as given, and every word of it that is not a
 * tussenvoegsel ("de Vries" → "de Vries", "Vries"), with and without diacritics.
 */
export function nameVariants(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name.length < 2) continue;
    const forms = [name, ...name.split(/[\s-]+/).filter((w) => w.length >= 2 && !TUSSENVOEGSELS.has(w.toLocaleLowerCase('nl')))];
    for (const f of forms) {
      out.add(f);
      out.add(stripMarks(f));
    }
  }
  // Longest first so "Jan-Willem" wins over "Jan" at the same place.
  return [...out].sort((a, b) => b.length - a.length);
}

function* matchAll(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield m;
  }
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(input: string): boolean {
  const s = input.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|january|february|march|may|june|july|august|october';

const PATTERNS: readonly { kind: HitKind; re: RegExp; accept?: (m: string) => boolean }[] = [
  { kind: 'email', re: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu },
  {
    kind: 'iban',
    // Groups of four ("NL91 ABNA 0417 1643 00"), so a match never runs on into the next word.
    re: /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/giu,
    // A valid checksum, or the Dutch shape (NLkk BANK 0123456789) even when mistyped: it still points at someone.
    accept: (m) => isValidIban(m) || /^NL\d{2}[A-Z]{4}\d{10}$/i.test(m.replace(/\s+/g, '')),
  },
  {
    kind: 'telefoon',
    re: /(?<![\p{L}\p{N}+])(?:(?:\+|00)31[\s-]?(?:\(0\)[\s-]?)?|0)[1-9](?:[\s-]?\d){8}(?!\d)/gu,
  },
  { kind: 'telefoon', re: /(?<![\p{L}\p{N}])(?:\+|00)(?!31)\d{1,3}(?:[\s-]?\d){6,12}(?!\d)/gu },
  {
    kind: 'bsn',
    re: /(?<![\p{L}\p{N}])\d(?:[.\s-]?\d){7,8}(?![\p{L}\p{N}])/gu,
    accept: (m) => isValidBsn(m.replace(/[.\s-]/g, '')),
  },
  // Street and house number ("Dorpsstraat 12a"), with or without a postcode after it.
  {
    kind: 'adres',
    re: /(?<![\p{L}])\p{Lu}[\p{L}'-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|pad|hof|steeg|park|dreef|markt|baan|veld|wal|plantsoen|erf|kamp|haven|zijde|hoven|wijk|akker|berg|oord)\s+\d{1,5}(?:\s?[a-zA-Z](?![\p{L}])|[-/]\d{1,4})?(?:,?\s+[1-9]\d{3}\s?[A-Z]{2}(?![\p{L}]))?/gu,
  },
  // A postcode, with a house number after it if there is one ("1234 AB 12").
  { kind: 'adres', re: /(?<![\p{L}\p{N}])[1-9]\d{3}\s?[A-Z]{2}(?![\p{L}\p{N}])(?:\s*,?\s*\d{1,5}[a-zA-Z]?(?![\p{L}\p{N}]))?/gu },
  {
    kind: 'datum',
    re: /(?<![\p{N}])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?![\p{N}])/gu,
    accept: (m) => {
      const [d, mo] = m.split(/[-/.]/).map(Number);
      return d !== undefined && mo !== undefined && d >= 1 && d <= 31 && mo >= 1 && mo <= 12;
    },
  },
  { kind: 'datum', re: /(?<![\p{N}])\d{4}-\d{2}-\d{2}(?![\p{N}])/gu },
  { kind: 'datum', re: new RegExp(`(?<![\\p{N}])\\d{1,2}\\s+(?:${MONTHS})\\.?\\s+\\d{4}(?![\\p{N}])`, 'giu') },
];

/** Keep the hits that do not overlap an earlier, longer one. */
function dedupe(hits: TextHit[]): TextHit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: TextHit[] = [];
  for (const h of sorted) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) {
      // Overlap: keep the longer span.
      if (h.end - h.start > last.end - last.start) out[out.length - 1] = h;
      continue;
    }
    out.push(h);
  }
  return out;
}

/**
 * A document is scanned text by text with the same context: the name pattern and the allowed
 * values are built once per context (per names / allowed array), not once per text.
 */
const nameRegExps = new WeakMap<readonly string[], RegExp | null>();
const allowedSets = new WeakMap<readonly string[], ReadonlySet<string>>();
const NONE: readonly string[] = [];

function nameRegExp(names: readonly string[]): RegExp | null {
  let re = nameRegExps.get(names);
  if (re === undefined) {
    const variants = nameVariants(names);
    re = variants.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${variants.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
    nameRegExps.set(names, re);
  }
  return re;
}

function allowedSet(values: readonly string[]): ReadonlySet<string> {
  let set = allowedSets.get(values);
  if (!set) {
    set = new Set(values.map(normaliseValue).filter((v) => v.length > 0));
    allowedSets.set(values, set);
  }
  return set;
}

/** Every hit in one text, ordered by position, non-overlapping. */
export function scanText(text: string, ctx: ScanContext): TextHit[] {
  const hits: TextHit[] = [];
  for (const p of PATTERNS) {
    for (const m of matchAll(p.re, text)) {
      if (p.accept && !p.accept(m[0])) continue;
      hits.push({ start: m.index, end: m.index + m[0].length, kind: p.kind, text: m[0] });
    }
  }
  const re = nameRegExp(ctx.names);
  if (re) for (const m of matchAll(re, text)) hits.push({ start: m.index, end: m.index + m[0].length, kind: 'naam', text: m[0] });
  const allowed = allowedSet(ctx.allowed ?? NONE);
  const kept = allowed.size ? hits.filter((h) => !allowed.has(normaliseValue(h.text))) : hits;
  return dedupe(kept);
}

export type Resolution = 'replace' | 'keep';

/**
 * The text as it will leave: every hit replaced by its placeholder unless the user chose to
 * keep it. A hit without a decision is replaced: the safe default.
 */
export function applyHits(text: string, hits: readonly TextHit[], decide: (hit: TextHit) => Resolution | undefined): string {
  let out = '';
  let at = 0;
  for (const h of [...hits].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    out += text.slice(at, h.start);
    out += decide(h) === 'keep' ? h.text : PLACEHOLDERS[h.kind];
    at = h.end;
  }
  return out + text.slice(at);
}

export type Segment = Readonly<{ text: string; hit?: TextHit; resolution?: Resolution }>;

/** The final text split into plain runs and resolved hits, for a preview that highlights them. */
export function segments(text: string, hits: readonly TextHit[], decide: (hit: TextHit) => Resolution | undefined): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const h of [...hits].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    if (h.start > at) out.push({ text: text.slice(at, h.start) });
    const resolution = decide(h) === 'keep' ? 'keep' : 'replace';
    out.push({ text: resolution === 'keep' ? h.text : PLACEHOLDERS[h.kind], hit: h, resolution });
    at = h.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
