/**
 * "Today" for the whole app: the calendar day of a moment in the worker's own time zone, as
 * `YYYY-MM-DD` — what a due date, a meeting, a birth date, a retention term or a file name's
 * date is measured against. The ONE place the app turns the clock into a day (a unit test scans
 * renderer/ and shared/ for other ways): `toISOString().slice(0, 10)` would be the UTC day,
 * which is still yesterday between midnight and 01:00 (02:00 in summer) in the Netherlands.
 * Rules and schemas take the day as a parameter; the UI and repositories call this.
 */
export function localDay(at: Date | number = Date.now()): string {
  const d = typeof at === 'number' ? new Date(at) : at;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// --- Calendar-day arithmetic ---------------------------------------------------------------
// Days are `YYYY-MM-DD` strings (a timestamp's first ten characters count as its day). The
// arithmetic runs on UTC midnights, where every day has 24 hours, so no time zone or summer
// time can shift a day. The ONE copy of these helpers: rules, schemas and screens import them.

function dayToUtc(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function utcToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

export function addDays(day: string, days: number): string {
  return utcToDay(dayToUtc(day) + days * DAY_MS);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return ((new Date(dayToUtc(day)).getUTCDay() + 6) % 7) + 1;
}

/**
 * Add working days (Monday–Friday). A fact on a Saturday counts from the next Monday:
 * 10 working days after Friday 2026-03-06 is Friday 2026-03-20.
 * Public holidays are not skipped (they differ per employer and year); the team's
 * feedbackDueWorkingDays leaves room for that.
 */
export function addWorkingDays(day: string, days: number): string {
  let d = day.slice(0, 10);
  let left = Math.max(0, Math.floor(days));
  while (left > 0) {
    d = addDays(d, 1);
    if (isoWeekday(d) <= 5) left -= 1;
  }
  return d;
}

/** Add calendar months, clamped to the end of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const total = Number(day.slice(0, 4)) * 12 + (Number(day.slice(5, 7)) - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return utcToDay(Date.UTC(ny, nm, Math.min(Number(day.slice(8, 10)), last)));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToUtc(to) - dayToUtc(from)) / DAY_MS);
}
