import { useMemo } from 'react';
import { useI18n } from '../../i18n';

/**
 * One Intl.DateTimeFormat per language and options for the whole app: building one costs far
 * more than formatting with it, and every list row and page formats dates.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
export function dateFormatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
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
    return {
      /** A calendar date as stored (YYYY-MM-DD): formatted in UTC so it never shifts a day. */
      date: (iso: string) => safeFormat(day, new Date(`${iso.slice(0, 10)}T00:00:00Z`), iso),
      /** A timestamp, in local time. */
      stamp: (ts: string) => safeFormat(dayLocal, new Date(ts), ts),
    };
  }, [lang]);
}
