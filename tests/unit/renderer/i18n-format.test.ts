import { describe, expect, it } from 'vitest';
import { translate } from '../../../renderer/src/i18n';
import { dateFormatter, formatPercentNumber, numberFormatter, pluralKey } from '../../../renderer/src/i18n/format';
import { formatBytes } from '../../../renderer/src/features/backup/storage';

describe('i18n formatting', () => {
  it('writes a small share with the language’s decimal separator, never "0.02" in Dutch', () => {
    expect(formatPercentNumber('nl', 0.0002)).toBe('0,02');
    expect(formatPercentNumber('en', 0.0002)).toBe('0.02');
    expect(formatPercentNumber('nl', 0.5)).toBe('50');
    expect(translate('nl', 'backup.storageUsage', { used: 'x', quota: 'y', percent: formatPercentNumber('nl', 0.0002) })).toBe('x van y gebruikt (0,02%)');
  });

  it('chooses plural forms through Intl.PluralRules', () => {
    const keys = { one: 'privacy.minute', other: 'privacy.minutes' } as const;
    expect(pluralKey('nl', 1, keys)).toBe('privacy.minute');
    expect(pluralKey('nl', 5, keys)).toBe('privacy.minutes');
    expect(pluralKey('en', 0, keys)).toBe('privacy.minutes');
    expect(pluralKey('en', 0, { ...keys, zero: 'privacy.minute' })).toBe('privacy.minute');
  });

  it('caches one formatter per language and options', () => {
    expect(numberFormatter('nl', { maximumFractionDigits: 1 })).toBe(numberFormatter('nl', { maximumFractionDigits: 1 }));
    expect(dateFormatter('en', { dateStyle: 'medium' })).toBe(dateFormatter('en', { dateStyle: 'medium' }));
    expect(formatBytes(1_500_000, 'nl')).toBe('1,5 MB');
  });
});
