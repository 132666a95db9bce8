/**
 * Who the timeline's free-text search means when no spelling on record contains it: the best forgiving
 * matches (words in another order, a kana variant, a typo) of lib/search, only those as good as the best
 * one, so "Sutskevar" filters to Ilya Sutskever's events and not to every name one letter away from it.
 */
import type { Dialect } from "@/lib/data/sql/dialect";
import type { Run } from "./run";
import { searchNames } from "./search";

/** How many forgiving matches the filter takes at most. */
const FORGIVING_MAX = 20;

export async function forgivingMatches(run: Run, d: Dialect, q: string): Promise<{ personIds: number[]; companyIds: number[] }> {
  const matches = await searchNames(run, d, q, { type: "all", limit: FORGIVING_MAX, wholeQueryOnly: true });
  const best = matches[0];
  const kept = best ? matches.filter((m) => m.reason === best.reason && m.distance === best.distance) : [];
  return {
    personIds: kept.filter((m) => m.type === "person").map((m) => m.id),
    companyIds: kept.filter((m) => m.type === "company").map((m) => m.id),
  };
}
