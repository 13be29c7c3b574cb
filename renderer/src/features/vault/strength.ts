/** A rough passphrase strength hint: length counts most, variety a little. Not a gate beyond the minimum length. */
export const MIN_PASSPHRASE = 12;

export function passphraseStrength(p: string): 'weak' | 'fair' | 'strong' {
  if (p.length < MIN_PASSPHRASE) return 'weak';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
  const words = p.trim().split(/\s+/).length;
  if (p.length >= 20 && (words >= 4 || classes >= 3)) return 'strong';
  if (p.length >= 16 || classes >= 3) return 'fair';
  return 'weak';
}
