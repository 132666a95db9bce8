/**
 * Edit distances for the typo tolerance of lib/search. `substringDistance` is the fewest insertions,
 * deletions and substitutions that turn `needle` into some run of characters inside `haystack`
 * (Sellers' algorithm): "karpaty" is 1 from "andrejkarpathy" (its "karpathy"), where the plain
 * Levenshtein distance to the whole key would be 8. Both take code points, so kana count one each.
 */
import { distance } from "fastest-levenshtein";

export function substringDistance(needle: string, haystack: string): number {
  const n = [...needle];
  const h = [...haystack];
  if (n.length === 0) return 0;
  // column j of the previous row: distance of n[0..i) to the best run of h ending at j (free start)
  let prev = new Array<number>(h.length + 1).fill(0);
  for (let i = 1; i <= n.length; i++) {
    const row = new Array<number>(h.length + 1);
    row[0] = i;
    for (let j = 1; j <= h.length; j++) {
      const cost = n[i - 1] === h[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j - 1] + cost, prev[j] + 1, row[j - 1] + 1);
    }
    prev = row;
  }
  return Math.min(...prev);
}

/** Levenshtein distance of two whole keys (fastest-levenshtein), for ordering equally good matches. */
export const keyDistance = (a: string, b: string): number => distance(a, b);

/**
 * Typos forgiven in a word of this many characters: none below 4 ("ai" is not "al"), one up to 7,
 * two from 8 ("Sutskevar" has one, "Sutzkevar" two).
 */
export const typosAllowed = (word: string): number => {
  const length = [...word].length;
  return length < 4 ? 0 : length < 8 ? 1 : 2;
};

/**
 * The word cut into `typos + 1` near-equal pieces: a run within `typos` edits of the word contains one
 * of them unchanged (each edit spoils at most one piece), so the pieces find every candidate through a
 * substring index ("sutskevar", two typos: "sut", "ske", "var").
 */
export function pigeonholePieces(word: string, typos: number): string[] {
  const cp = [...word];
  const n = typos + 1;
  const pieces: string[] = [];
  for (let i = 0; i < n; i++) pieces.push(cp.slice(Math.round((i * cp.length) / n), Math.round(((i + 1) * cp.length) / n)).join(""));
  return pieces;
}
