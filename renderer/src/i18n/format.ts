import { useMemo } from 'react';
import { useI18n, type Language, type MessageKey } from '.';

/**
 * Formatting for the current language: dates, numbers, percentages and plurals. Every screen
 * formats through here, so "0.02%" (a dot in Dutch) or a hand-written `n === 1 ? … : …` cannot
 * creep back in. When adding a format: cache its Intl object per language and options, as below.
 */

/** The locale each UI language formats with. */
export function localeOf(lang: Language | string): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB';
}

/**
 * One Intl.DateTimeFormat per language and options for the whole app: building one costs far
 * more than formatting with it, and every list row and page formats dates.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
export function dateFormatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = localeOf(lang);
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

const numberFormatters = new Map<string, Intl.NumberFormat>();
export function numberFormatter(lang: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const locale = localeOf(lang);
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    numberFormatters.set(key, f);
  }
  return f;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralRule(lang: string): Intl.PluralRules {
  const locale = localeOf(lang);
  let r = pluralRules.get(locale);
  if (!r) {
    r = new Intl.PluralRules(locale);
    pluralRules.set(locale, r);
  }
  return r;
}

/**
 * The number of a fraction (0..1) as a percentage, without the sign: the catalogue's text holds
 * the "%". Below 1 % two decimals, so a small share does not read as 0; the decimal separator is
 * the language's ("0,02" in Dutch).
 */
export function formatPercentNumber(lang: string, fraction: number): string {
  const value = fraction * 100;
  const digits = fraction < 0.01 ? 2 : 0;
  return numberFormatter(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A value that is not a date is shown as it is (or "—"): one odd record must not take a page down. */
function safeFormat(f: Intl.DateTimeFormat, d: Date, raw: string): string {
  return Number.isNaN(d.getTime()) ? raw || '—' : f.format(d);
}

/** Formats ISO dates ("2026-03-01") and timestamps for the current language. */
export function useDates() {
  const { lang } = useI18n();
  return useMemo(() => {
    const day = dateFormatter(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    const dayLocal = dateFormatter(lang, { dateStyle: 'medium' });
    const dayLong = dateFormatter(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const longLocal = dateFormatter(lang, { dateStyle: 'long', timeStyle: 'short' });
    const mediumLocal = dateFormatter(lang, { dateStyle: 'medium', timeStyle: 'short' });
    const mediumSeconds = dateFormatter(lang, { dateStyle: 'medium', timeStyle: 'medium' });
    return {
      /** A calendar date as stored (YYYY-MM-DD): formatted in UTC so it never shifts a day. */
      date: (iso: string) => safeFormat(day, new Date(`${iso.slice(0, 10)}T00:00:00Z`), iso),
      /** A calendar date written out ("20 maart 2026"), in UTC like `date`. */
      dateLong: (iso: string) => safeFormat(dayLong, new Date(`${iso.slice(0, 10)}T00:00:00Z`), iso),
      /** A timestamp, in local time. */
      stamp: (ts: string) => safeFormat(dayLocal, new Date(ts), ts),
      /** A timestamp with its time of day, long date ("3 december 2026 om 17:02"). */
      stampLong: (ts: string) => safeFormat(longLocal, new Date(ts), ts),
      /** A timestamp with its time of day, medium date. */
      stampTime: (ts: string) => safeFormat(mediumLocal, new Date(ts), ts),
      /** A timestamp with its time of day to the second (the audit log). */
      stampSeconds: (ts: string) => safeFormat(mediumSeconds, new Date(ts), ts),
    };
  }, [lang]);
}

/** Plural forms of one message: the catalogue keys for each Intl.PluralRules category it needs. */
export type PluralKeys = Readonly<{ one: MessageKey; other: MessageKey; zero?: MessageKey }>;

/** Which of a message's plural keys fits `count` in `lang` (`zero`, when given, wins for 0). */
export function pluralKey(lang: string, count: number, keys: PluralKeys): MessageKey {
  if (count === 0 && keys.zero) return keys.zero;
  return pluralRule(lang).select(count) === 'one' ? keys.one : keys.other;
}

/** Numbers, percentages and plurals for the current language. */
export function useNumbers() {
  const { lang, t } = useI18n();
  return useMemo(
    () => ({
      number: (n: number, options?: Intl.NumberFormatOptions) => numberFormatter(lang, options).format(n),
      /** A fraction (0..1) as the number of a percentage, see formatPercentNumber. */
      percent: (fraction: number) => formatPercentNumber(lang, fraction),
      /**
       * The message for `count` through the language's plural rules; `{count}` in it is filled.
       * `zero` (when given) is used for 0 whatever the language's rules say.
       */
      plural: (count: number, keys: PluralKeys, vars?: Readonly<Record<string, string | number>>) => t(pluralKey(lang, count, keys), { count, ...vars }),
    }),
    [lang, t],
  );
}
