import { DOMAIN_TEXTS, FIRST_NAMES, SURNAMES } from '@shared/synthetic/lexicon';
import { createRng } from '@shared/synthetic';

/**
 * Search queries of three kinds, in a deterministic mix: name fragments (the start of a
 * surname or first name, 3–6 letters, as a worker types them), words from narratives
 * ("schulden", "huurachterstand"), and strings that match nothing.
 */
const NARRATIVE_WORDS = [
  ...new Set(
    Object.values(DOMAIN_TEXTS)
      .flatMap((d) => d.narratives)
      .flatMap((s) => s.split(/[^\p{L}-]+/u))
      .filter((w) => w.length >= 7),
  ),
];
const NO_HIT = ['qxzv', 'wrtpk', 'zyxwv', 'jjqqa', 'xkcdq', 'bvbvz', 'qqpzm'];

export function buildQueries(seed: string, n: number): string[] {
  const rng = createRng(seed, 'queries');
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 5;
    if (kind <= 1) {
      const name = kind === 0 ? rng.pick(SURNAMES) : rng.pick(FIRST_NAMES);
      out.push(name.slice(0, rng.int(3, Math.min(6, name.length))).trim());
    } else if (kind <= 3) {
      // A worker types the start of a word, not all of "schuldhulpverlening".
      out.push(rng.pick(NARRATIVE_WORDS).toLowerCase().slice(0, rng.int(4, 7)));
    } else {
      out.push(rng.pick(NO_HIT));
    }
  }
  return out;
}
