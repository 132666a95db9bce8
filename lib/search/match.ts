/**
 * Why one alias matches a query, and how well: the ranking of lib/search, in plain code so it is the same
 * on SQLite and PostgreSQL and testable without a database. The database only narrows the aliases to a
 * few candidates through its indexes (candidates-sql.ts); every candidate is judged here.
 */
import { foldKana, nameWords, normalizeName } from "@/lib/domain/names";
import { keyDistance, substringDistance, typosAllowed } from "./distance";

/** Best first. `word`: only some words of the query matched (the claim form's suggestions offer those). */
export const MATCH_REASONS = ["exact", "prefix", "substring", "token_order", "kana_variant", "typo", "word"] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

/** What a query is compared by, computed once per query. */
export interface QueryKeys {
  /** normalizeName of the whole query ("miramurati") */
  raw: string;
  /** the same with kana variants folded (foldKana) */
  folded: string;
  /** each word's key, as written (normalizeName) and folded */
  words: { raw: string; folded: string }[];
}

export interface Judgement {
  reason: MatchReason;
  /** edit distance forgiven (0 unless a typo) */
  distance: number;
  /** lower is better: the reason's place, then the distance, then how close the whole key is */
  score: number;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** A word long enough to match on its own: two characters in CJK, else three. */
export const meaningfulWord = (key: string) => [...key].length >= (CJK.test(key) ? 2 : 3);

export function queryKeys(q: string): QueryKeys {
  const raw = normalizeName(q);
  const words = [...new Set(nameWords(q))].map((w) => ({ raw: w, folded: foldKana(w) })).filter((w) => w.folded);
  return { raw, folded: foldKana(raw), words };
}

/** How `alias` (its name key, as stored) matches the query; null when it does not. */
export function judge(q: QueryKeys, aliasKey: string): Judgement | null {
  if (!q.raw) return null;
  const folded = foldKana(aliasKey);
  const closeness = keyDistance(q.folded, folded) / 1000; // breaks ties: the nearer whole name first
  const at = (reason: MatchReason, distance = 0): Judgement => ({
    reason,
    distance,
    score: MATCH_REASONS.indexOf(reason) * 100 + distance * 10 + Math.min(closeness, 9),
  });
  if (aliasKey === q.raw) return at("exact");
  if (aliasKey.startsWith(q.raw)) return at("prefix");
  if (aliasKey.includes(q.raw)) return at("substring");
  const several = q.words.length > 1;
  if (several && q.words.every((w) => aliasKey.includes(w.raw))) return at("token_order");
  if (folded.includes(q.folded) || (several && q.words.every((w) => folded.includes(w.folded)))) return at("kana_variant");
  const typos = typoDistance(
    q.words.map((w) => w.folded),
    q.folded,
    folded,
  );
  if (typos < Infinity && typos > 0) return at("typo", typos);
  if (several && q.words.some((w) => meaningfulWord(w.folded) && folded.includes(w.folded))) return at("word");
  return null;
}

/**
 * The typos forgiven for a folded key: every word within its allowance somewhere in the key (their sum),
 * or the whole query within its own; Infinity when neither.
 */
export function typoDistance(words: string[], whole: string, key: string): number {
  const byWord = wordTypos(words.length ? words : [whole], key);
  const allowed = typosAllowed(whole);
  const asOne = allowed ? substringDistance(whole, key) : Infinity;
  return Math.min(byWord, asOne <= allowed ? asOne : Infinity);
}

/** Sum of each word's distance to its best place in the key; Infinity when a word is beyond its allowance. */
function wordTypos(words: string[], key: string): number {
  let sum = 0;
  for (const w of words) {
    const d = substringDistance(w, key);
    if (d > typosAllowed(w)) return Infinity;
    sum += d;
  }
  return sum;
}
