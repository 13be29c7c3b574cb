/**
 * A small, fast, seedable PRNG (sfc32, seeded through splitmix32). Math.random cannot be
 * seeded, and the synthetic municipality must be byte-for-byte the same for a seed, so
 * benchmarks compare like with like and a failing test can be replayed.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Pick by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Up to n distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[];
  /** 32 random bits as an unsigned integer. */
  u32(): number;
};

/** FNV-1a over a string: turns any seed text into 32 bits. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator for a seed and a stream name, so each household gets its own independent stream. */
export function createRng(seed: string | number, stream = ''): Rng {
  const mix = splitmix32(hashSeed(`${String(seed)}/${stream}`));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const u32 = (): number => {
    // sfc32
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = () => u32() / 4294967296;
  const rng: Rng = {
    next,
    u32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('weighted pick from an empty list');
      return last[0];
    },
    sample<T>(items: readonly T[], n: number): T[] {
      const copy = [...items];
      const out: T[] = [];
      while (out.length < n && copy.length > 0) {
        const i = Math.floor(next() * copy.length);
        out.push(copy.splice(i, 1)[0] as T);
      }
      return out;
    },
  };
  return rng;
}

/** A deterministic id shaped like the app's own (UUID v4), so nothing downstream can tell them apart. */
export function uuidFrom(rng: Rng): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  const s = hex(rng.u32()) + hex(rng.u32()) + hex(rng.u32()) + hex(rng.u32());
  const variant = ((parseInt(s.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
}
