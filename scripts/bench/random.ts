/** mulberry32: a seeded PRNG, so every benchmark run builds the same data and figures are comparable. */
export function seededRandom(seed: number) {
  let state = seed;
  const rand = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** an integer in [0, n) */
  const int = (n: number) => Math.floor(rand() * n);
  return { rand, int };
}
