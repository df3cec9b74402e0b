/**
 * A small seeded PRNG (mulberry32) and the helpers the seed needs. Pure integer arithmetic,
 * so the same seed gives the same sequence on every machine and with either database driver.
 */
export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One item, chosen with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** n distinct items in random order (fewer if the list is shorter). */
  sample<T>(items: readonly T[], n: number): T[];
  /** n distinct items, each draw proportional to weight (Efraimidis–Spirakis keys). */
  weightedSample<T>(items: readonly T[], weights: readonly number[], n: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** A version-4-shaped UUID drawn from the stream, so row ids are reproducible too. */
  uuid(): string;
  /** A new independent generator, derived from this one (for concurrent or optional work). */
  fork(): Random;
};

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));

  function pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(next() * items.length)] as T;
  }

  function shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  function weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((sum, w) => sum + w, 0);
    let r = next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return items[i] as T;
    }
    return pick(items);
  }

  function weightedSample<T>(items: readonly T[], weights: readonly number[], n: number): T[] {
    // Each item gets key u^(1/w); the n largest keys are a weighted sample without replacement.
    const keyed = items.map((item, i) => ({ item, key: Math.pow(next(), 1 / Math.max(weights[i] ?? 0, 1e-9)) }));
    keyed.sort((a, b) => b.key - a.key);
    return keyed.slice(0, n).map((k) => k.item);
  }

  function uuid(): string {
    const hex = Array.from({ length: 32 }, () => int(0, 15).toString(16));
    hex[12] = "4";
    hex[16] = (8 + int(0, 3)).toString(16);
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted,
    sample: (items, n) => shuffle(items).slice(0, n),
    weightedSample,
    shuffle,
    uuid,
    fork: () => createRandom(int(0, 2 ** 32 - 1)),
  };
}
