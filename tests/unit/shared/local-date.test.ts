import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, addMonths, addWorkingDays, daysBetween, isoWeekday, localDay } from '@shared/dates';
import { householdDraftSchema } from '@shared/domain/household';
import { buildImportPlan } from '@shared/import/households';

/**
 * "Today" is the worker's calendar day. Between midnight and 01:00 (02:00 in summer) the UTC
 * day is still yesterday in the Netherlands: a due date must not slip a day then, and a child
 * born today must be accepted. The time zone is set to Amsterdam for this file, so the tests
 * fail for a UTC implementation on any machine.
 */
const previousTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Amsterdam';
});
afterAll(() => {
  process.env.TZ = previousTz;
});
afterEach(() => {
  vi.useRealTimers();
});

/** 00:30 in Amsterdam on 2 March 2026 is 23:30 UTC on 1 March. */
const HALF_PAST_MIDNIGHT = new Date('2026-03-01T23:30:00Z');

describe('one local-day function for the whole app', () => {
  it('gives the local day, not the UTC day', () => {
    expect(HALF_PAST_MIDNIGHT.toISOString().slice(0, 10)).toBe('2026-03-01');
    expect(localDay(HALF_PAST_MIDNIGHT)).toBe('2026-03-02');
    expect(localDay(HALF_PAST_MIDNIGHT.getTime())).toBe('2026-03-02');
  });

  it('reads the clock when given nothing, just after midnight in summer too', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-07-14T22:15:00Z')); // 00:15 on 15 July, summer time
    expect(localDay()).toBe('2026-07-15');
  });

  it('a birth date of today is accepted at 00:30 Amsterdam time, tomorrow is refused', () => {
    vi.useFakeTimers();
    vi.setSystemTime(HALF_PAST_MIDNIGHT);
    const draft = (birthDate: string) => ({ displayName: 'Familie A', members: [{ role: 'kind', firstName: 'Noah', birthDate }] });
    expect(householdDraftSchema(localDay()).safeParse(draft('2026-03-02')).success).toBe(true);
    const tomorrow = householdDraftSchema(localDay()).safeParse(draft('2026-03-03'));
    expect(tomorrow.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['members.0.birthDate', 'validation.dateInFuture']]);
    // The rule takes the day as given, it does not read the clock.
    expect(householdDraftSchema('2026-03-03').safeParse(draft('2026-03-03')).success).toBe(true);
  });

  it('the import accepts a birth date of today at 00:30 too', () => {
    vi.useFakeTimers();
    vi.setSystemTime(HALF_PAST_MIDNIGHT);
    const plan = buildImportPlan([['Voornaam', 'Geboortedatum'], ['Noah', '02-03-2026']], ['firstName', 'birthDate']);
    expect(plan.households.map((h) => h.members[0]?.birthDate)).toEqual(['2026-03-02']);
  });

  it('no other code in renderer/, shared/ or electron/ turns the clock into a day', () => {
    const root = join(__dirname, '../../..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name)) files.push(p);
      }
    };
    walk(join(root, 'renderer/src'));
    walk(join(root, 'shared'));
    walk(join(root, 'electron'));
    // The clock's moment (new Date(), Date.now(), nowIso()) cut to a UTC day, or a day built from
    // local getters anywhere but shared/dates.ts.
    const clockToUtcDay = /(new Date\(\)|Date\.now\(\)|nowIso\(\))\s*(\.toISOString\(\))?\s*\.(slice|substring)\(0,\s*10\)/;
    const localGetters = /\.getFullYear\(\)/;
    const offenders = files
      .filter((f) => !f.endsWith(join('shared', 'dates.ts')))
      .filter((f) => {
        const src = readFileSync(f, 'utf8');
        return clockToUtcDay.test(src) || localGetters.test(src);
      })
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
    // The check can fail: it finds the pattern it looks for.
    expect(clockToUtcDay.test('const d = new Date().toISOString().slice(0, 10);')).toBe(true);
  });
});

describe('calendar-day arithmetic (shared/dates)', () => {
  it('adds days, working days and months on calendar days, across summer time', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addWorkingDays('2026-03-06', 10)).toBe('2026-03-20');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15T10:00:00Z', 1)).toBe('2027-01-15');
    expect(addMonths('2026-03-31', -13)).toBe('2025-02-28');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(isoWeekday('2026-12-06')).toBe(7);
  });
});
