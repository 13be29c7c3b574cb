import { useMemo } from 'react';
import { localIsoDate } from '@shared/domain/common';
import { useI18n } from '../../i18n';

/** Today as YYYY-MM-DD in the worker's own time zone (a date field's value): the app's one local-date function. */
export const todayLocal = (now: Date = new Date()): string => localIsoDate(now);

/** Formats ISO dates ("2026-03-01") and timestamps for the current language. */
export function useDates() {
  const { lang } = useI18n();
  return useMemo(() => {
    const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const dayLocal = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    return {
      /** A calendar date as stored (YYYY-MM-DD): formatted in UTC so it never shifts a day. */
      date: (iso: string) => day.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
      /** A timestamp, in local time. */
      stamp: (ts: string) => dayLocal.format(new Date(ts)),
    };
  }, [lang]);
}
