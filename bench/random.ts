/** A small seeded PRNG (mulberry32): the same seed gives the same data on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /**
   * The generator of item `i` of stream `stream`: an item's values depend on the seed and its
   * index only, so it can be made again later (a duplicate's original, a deal's line item)
   * instead of being kept in memory.
   */
  static of(seed: number, stream: number, i: number): Random {
    return new Random(mix(mix(seed ^ Math.imul(stream, 0x9e3779b1)) ^ i));
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Pareto-distributed size: many small, a few very large (accounts, deals). */
  pareto(min: number, alpha = 1.2, max = Number.MAX_SAFE_INTEGER): number {
    return Math.min(max, Math.round(min / Math.pow(1 - this.next(), 1 / alpha)));
  }
}

/** MurmurHash3's finaliser: nearby inputs give unrelated seeds. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
