import { describe, expect, it } from 'vitest';
import { isValidBsn } from '../../../shared/domain/bsn';
import { ageBand, ageOn, householdDraftSchema } from '../../../shared/domain/household';

const HouseholdDraftSchema = householdDraftSchema('2026-03-02');

describe('household domain', () => {
  it('validates BSNs with the elfproef', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
  });

  it('computes ages and bands', () => {
    expect(ageOn('2015-09-01', '2026-08-31')).toBe(10);
    expect(ageOn('2015-09-01', '2026-09-01')).toBe(11);
    expect(ageBand(2)).toBe('0-3');
    expect(ageBand(17)).toBe('12-17');
    expect(ageBand(70)).toBe('67+');
  });

  it('reports field errors as i18n keys and treats empty optional fields as absent', () => {
    const bad = HouseholdDraftSchema.safeParse({
      displayName: ' ',
      members: [{ role: 'kind', firstName: 'Noah', bsn: '123456789', birthDate: '2015-02-30', email: '' }],
    });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({
      displayName: 'validation.required',
      'members.0.bsn': 'validation.bsn',
      'members.0.birthDate': 'validation.date',
    });
    const ok = HouseholdDraftSchema.parse({ displayName: 'Familie A', members: [{ role: 'kind', firstName: 'Noah', email: '', bsn: '' }] });
    expect(ok.members[0]?.email).toBeUndefined();
    expect(ok.members[0]?.bsn).toBeUndefined();
  });
});
