/**
 * Colours for role categories: the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies), in the vocabulary's order, grey for "unspecified". Text on each is chosen for contrast.
 */
import { ROLE_CATEGORIES } from "@/lib/domain/vocabulary";

const COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#7F3C8D"];
const DARK_TEXT = new Set(["#E69F00", "#56B4E9", "#F0E442", "#009E73", "#CC79A7"]);

export function categoryColour(category: string | null): { fill: string; text: string } {
  const i = category ? ROLE_CATEGORIES.indexOf(category as (typeof ROLE_CATEGORIES)[number]) : -1;
  const fill = i >= 0 ? COLOURS[i % COLOURS.length] : "#A8A29E";
  return { fill, text: DARK_TEXT.has(fill) || i < 0 ? "#1c1917" : "#ffffff" };
}

/** Categories in a fixed order (vocabulary, then unspecified) so colours and legends never reshuffle. */
export const CATEGORY_ORDER: (string | null)[] = [...ROLE_CATEGORIES, null];

/** Round numbers for an axis: 0 … max in at most five steps of 1, 2 or 5 × 10ⁿ. */
export function niceTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow); // counts: whole steps
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}
