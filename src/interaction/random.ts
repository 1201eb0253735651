// A per-environment seeded generator (splitmix32) handed to every node as
// Config.random, so a script's randomized election timeouts depend only on
// the seed and not on what else ran in the process.

/** Returns n => a uniformly distributed integer in [0, n). */
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
    if (!(n > 0)) throw new RangeError(`invalid argument to random: ${n}`);
    if (n <= 0x100000000) {
      const limit = 0x100000000 - (0x100000000 % n);
      let x = next32();
      while (x >= limit) x = next32();
      return x % n;
    }
    return Math.floor(((next32() * 0x100000000 + next32()) / 2 ** 64) * n);
  };
}
