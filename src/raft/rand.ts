// A small deterministic PRNG (splitmix32) standing in for Go's global
// crypto-backed rand in raft: election timeouts are reproducible unless the
// caller reseeds or supplies Config.random. The interaction environment makes
// its own generator per environment with makeRandom.

/** A seeded generator: returns n => a uniformly distributed integer in [0, n). */
export function makeRandom(seed: number): (n: number) => number {
  let state = seed | 0;
  const next32 = (): number => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  return (n: number): number => {
    if (!(n > 0)) throw new RangeError(`invalid argument to intn: ${n}`);
    if (n <= 0x100000000) {
      // rejection sampling keeps the distribution exact
      const limit = 0x100000000 - (0x100000000 % n);
      let x = next32();
      while (x >= limit) x = next32();
      return x % n;
    }
    return Math.floor(((next32() * 0x100000000 + next32()) / 2 ** 64) * n);
  };
}

let defaultRandom = makeRandom(0x9e3779b9);

/** Reseeds the module-level generator. */
export function seed(s: number): void {
  defaultRandom = makeRandom(s);
}

/** A uniformly distributed integer in [0, n) from the module-level generator; n must be positive. */
export function intn(n: number): number {
  return defaultRandom(n);
}
