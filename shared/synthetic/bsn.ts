import { isValidBsn } from '../domain/bsn';
import type { Rng } from './random';

/**
 * A nine-digit number that looks like a BSN but FAILS the elfproef, by construction:
 * the last digit is chosen so the weighted sum is not 0 mod 11. No real person can have it,
 * so synthetic data can never leak or collide with a real BSN.
 */
export function syntheticBsn(rng: Rng): string {
  const d = [rng.int(1, 9), ...Array.from({ length: 7 }, () => rng.int(0, 9))];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (d[i] ?? 0);
  // Valid means sum - last ≡ 0 (mod 11); pick a last digit that is not sum mod 11.
  const forbidden = sum % 11;
  let last = rng.int(0, 9);
  if (last === forbidden) last = (last + 1) % 10;
  const out = [...d, last].join('');
  if (isValidBsn(out)) throw new Error('synthetic BSN passed the elfproef');
  return out;
}
