import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { localIsoDate } from '@shared/domain/common';
import { todayIso } from '../../../renderer/src/data/repositories/feedback';
import { todayLocal } from '../../../renderer/src/features/meetings/queries';

/**
 * "Today" is the worker's calendar day. Between midnight and 01:00 (02:00 in summer) the UTC
 * day is still yesterday in the Netherlands: a due date must not slip a day then. The time zone
 * is set to Amsterdam for this file, so the test fails for a UTC implementation on any machine.
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

describe('one local-date function for feedback and meetings', () => {
  it('gives the local day, not the UTC day', () => {
    // 00:30 in Amsterdam on 2 March 2026 is 23:30 UTC on 1 March.
    const justAfterMidnight = new Date('2026-03-01T23:30:00Z');
    expect(justAfterMidnight.toISOString().slice(0, 10)).toBe('2026-03-01');
    expect(localIsoDate(justAfterMidnight)).toBe('2026-03-02');
    expect(localIsoDate(justAfterMidnight.getTime())).toBe('2026-03-02');
  });

  it('feedback and meetings agree on today, just after midnight too', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-07-14T22:15:00Z')); // 00:15 on 15 July, summer time
    expect(todayIso()).toBe('2026-07-15');
    expect(todayLocal()).toBe('2026-07-15');
    expect(localIsoDate()).toBe('2026-07-15');
  });
});
