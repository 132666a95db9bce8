/**
 * The one search for people and companies by name: the timeline's free-text search, the lookups on the
 * timeline, the claim form's suggestions and GET /api/search all rank through `searchNames`. It forgives
 * case and width (normalizeName), word order ("Murati Mira"), kana variants (サツケバー for サツケヴァー) and
 * typos ("Sutskevar", "Karpaty"), and says for each result which spelling matched and why.
 * The database narrows the aliases through indexes (candidates-sql.ts, never a scan of every alias per
 * query); match.ts judges the candidates. See docs/decisions/0070-one-forgiving-search.md.
 */
import { byCodePoint } from "@/lib/data/sql/code-point-order";
import type { Dialect } from "@/lib/data/sql/dialect";
import { candidatesSql, trigramsOf, type CandidateRow, type Owner } from "./candidates-sql";
import { judge, meaningfulWord, queryKeys, type MatchReason, type QueryKeys } from "./match";
import type { Run } from "./run";

export type { Owner } from "./candidates-sql";
export type SearchType = Owner | "all";

/** Longest query read (in code points): a name, never a document. */
export const SEARCH_QUERY_MAX = 200;
export const SEARCH_LIMIT_MAX = 50;

export interface NameMatch {
  type: Owner;
  id: number;
  name: string;
  slug: string;
  /** the spelling on record that matched best */
  matched: string;
  reason: MatchReason;
  /** edit distance forgiven (typos only; else 0) */
  distance: number;
  /** lower is better; comparable across people and companies */
  score: number;
}

export interface SearchOptions {
  type?: SearchType;
  limit?: number;
  /** leave out matches on some words only (the timeline's filter wants the whole query matched) */
  wholeQueryOnly?: boolean;
}

/** Candidates read per statement: enough that the best few survive the judging, few enough to stay fast. */
const capFor = (limit: number) => Math.min(250, Math.max(50, limit * 5));

async function candidates(run: Run, d: Dialect, owner: Owner, q: QueryKeys, limit: number, wholeOnly: boolean): Promise<CandidateRow[]> {
  const cap = capFor(limit);
  const words = q.words.map((w) => w.folded);
  const [whole, reordered] = await Promise.all([
    run<CandidateRow>(candidatesSql.containing(d, owner, [q.folded], cap)),
    words.length > 1 ? run<CandidateRow>(candidatesSql.containing(d, owner, words, cap)) : Promise.resolve([]),
  ]);
  const found = [...whole, ...reordered];
  if (new Set(found.map((r) => r.id)).size >= limit) return found;
  // nothing (or too little) contains the query as written: look for misspellings, then single words
  const grams = trigramsOf(words.length ? words : [q.folded]);
  const partial = words.filter(meaningfulWord);
  const [typos, byWord] = await Promise.all([
    grams.length ? run<CandidateRow>(candidatesSql.sharingTrigrams(d, owner, grams, cap)) : Promise.resolve([]),
    !wholeOnly && words.length > 1 && partial.length ? run<CandidateRow>(candidatesSql.anyWord(d, owner, partial, cap)) : Promise.resolve([]),
  ]);
  return [...found, ...typos, ...byWord];
}

/** Each owner once, by its best-matching alias (ties: the alias recorded first). */
function bestPerOwner(owner: Owner, q: QueryKeys, rows: CandidateRow[], wholeOnly: boolean): NameMatch[] {
  const best = new Map<number, NameMatch & { aliasId: number }>();
  for (const r of rows) {
    const j = judge(q, r.key);
    if (!j || (wholeOnly && j.reason === "word")) continue;
    const id = Number(r.id);
    const seen = best.get(id);
    const aliasId = Number(r.aliasId);
    if (seen && (seen.score < j.score || (seen.score === j.score && seen.aliasId <= aliasId))) continue;
    best.set(id, { type: owner, id, name: r.name, slug: r.slug, matched: r.alias, ...j, aliasId });
  }
  return [...best.values()].map(({ aliasId, ...m }) => (void aliasId, m));
}

export const byRank = (a: NameMatch, b: NameMatch) =>
  a.score - b.score || byCodePoint(a.name, b.name) || (a.type === b.type ? 0 : a.type === "person" ? -1 : 1) || a.id - b.id;

/** The best matches for `query`, people and/or companies, best first (same order on both databases). */
export async function searchNames(run: Run, d: Dialect, query: string, options: SearchOptions = {}): Promise<NameMatch[]> {
  const limit = Math.max(1, Math.min(options.limit ?? 10, SEARCH_LIMIT_MAX));
  const q = queryKeys(Array.from(query).slice(0, SEARCH_QUERY_MAX).join(""));
  if (!q.raw) return [];
  const owners: Owner[] = options.type && options.type !== "all" ? [options.type] : ["person", "company"];
  const wholeOnly = options.wholeQueryOnly ?? false;
  const lists = await Promise.all(
    owners.map(async (owner) => bestPerOwner(owner, q, await candidates(run, d, owner, q, limit, wholeOnly), wholeOnly)),
  );
  return lists.flat().sort(byRank).slice(0, limit);
}
