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
