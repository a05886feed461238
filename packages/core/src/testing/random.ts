/**
 * A small seeded PRNG (mulberry32) with the draws the generators need. Deterministic across
 * platforms, so a seed names a data set for tests, benchmarks and the demo alike.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** Exponentially distributed with the given mean (waiting times between purchases). */
  exponential(mean: number): number;
  /** Roughly normal (sum of uniforms), clamped at zero. */
  normal(mean: number, sd: number): number;
  hex(length: number): string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
    chance: (p) => next() < p,
    exponential: (mean) => -Math.log(1 - next()) * mean,
    normal: (mean, sd) => Math.max(0, mean + sd * (next() + next() + next() + next() - 2) * 1.732),
    hex: (length) => {
      let out = '';
      while (out.length < length) out += Math.floor(next() * 16).toString(16);
      return out;
    },
  };
  return random;
}
