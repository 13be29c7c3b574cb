import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, utf8DecodeStrict, utf8Encode } from '../../../shared/backup/bytes';
import { decodeSpreadsheetText, decodeWindows1252 } from '../../../shared/import/text';

describe('shared bytes through the platform codecs', () => {
  it('decodes UTF-8 strictly and keeps a BOM as U+FEFF', () => {
    expect(utf8DecodeStrict(utf8Encode('\ufeffJoëlle 😀'))).toBe('\ufeffJoëlle 😀');
    expect(utf8DecodeStrict(Uint8Array.from([0xc0, 0x80]))).toBeNull(); // overlong
    expect(utf8DecodeStrict(Uint8Array.from([0xed, 0xa0, 0x80]))).toBeNull(); // surrogate
    expect(utf8DecodeStrict(Uint8Array.from([0xe2, 0x82]))).toBeNull(); // truncated
    expect(utf8Encode('\ud800')).toEqual(Uint8Array.from([0xef, 0xbf, 0xbd])); // lone surrogate → U+FFFD
  });

  it('writes and reads only strict, padded base64', () => {
    const bytes = Uint8Array.from({ length: 3 * 8192 + 2 }, (_, i) => (i * 31) & 255);
    expect(base64Decode(base64Encode(bytes))).toEqual(bytes);
    expect(base64Encode(Uint8Array.from([1, 2]))).toBe('AQI=');
    expect(base64Decode('AQI')).toBeNull();
    expect(base64Decode('AQ I')).toBeNull();
    expect(base64Decode('A===')).toBeNull();
    expect(base64Decode('AQ=I')).toBeNull();
  });

  it('reads Windows-1252, the code page’s undefined bytes as U+FFFD', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0xeb, 0x81, 0x9f]))).toBe('€ë\ufffdŸ');
    expect(decodeSpreadsheetText(Uint8Array.from([0x4a, 0x6f, 0xeb, 0x6c]))).toEqual({ text: 'Joël', encoding: 'windows-1252' });
    expect(decodeSpreadsheetText(Uint8Array.from([0xfe, 0xff, 0x00, 0x4a, 0x00, 0xeb]))).toEqual({ text: 'Jë', encoding: 'utf-16be' });
  });
});
