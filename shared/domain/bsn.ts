/**
 * The Dutch BSN "elfproef": 9 digits d1..d9 with
 * 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 ≡ 0 (mod 11), and not all zeros.
 * Used to validate input and to spot BSN-like numbers in free text before export.
 */
export function isValidBsn(input: string): boolean {
  const digits = input.replace(/[\s.-]/g, '');
  if (!/^\d{8,9}$/.test(digits)) return false;
  const d = digits.padStart(9, '0');
  if (/^0+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(d[i]);
  sum -= Number(d[8]);
  return sum % 11 === 0;
}
