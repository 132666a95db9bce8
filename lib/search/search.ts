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
import { candidatesSql, trigramsOf, type CandidateRow, type FoldRow, type Owner } from "./candidates-sql";
import { pigeonholePieces, typosAllowed } from "./distance";
import { judge, meaningfulWord, queryKeys, typoDistance, type MatchReason, type QueryKeys } from "./match";
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
/** Folded keys the typo stage reads and judges before fetching the owners of the best. */
const TYPO_READ = 2000;

const codePoints = (s: string) => [...s].length;

async function candidates(run: Run, d: Dialect, owner: Owner, q: QueryKeys, limit: number, wholeOnly: boolean): Promise<CandidateRow[]> {
  const cap = capFor(limit);
  const words = q.words.map((w) => w.folded);
  // one or two characters: names starting with them (a substring that short says little)
  if (codePoints(q.folded) < 3) return run<CandidateRow>(candidatesSql.prefix(d, owner, q.raw, cap));
  const [whole, reordered] = await Promise.all([
    run<CandidateRow>(candidatesSql.containing(d, owner, [q.folded], cap)),
    words.length > 1 ? run<CandidateRow>(candidatesSql.containing(d, owner, words, cap)) : Promise.resolve([]),
  ]);
  // a query found as written (in some order, or as a kana variant) needs no forgiving
  if (whole.length || reordered.length) return [...whole, ...reordered];
  const [typos, byWord] = await Promise.all([
    typoCandidates(run, d, owner, q, cap),
    !wholeOnly && words.length > 1 && words.some(meaningfulWord)
      ? run<CandidateRow>(candidatesSql.anyWord(d, owner, words.filter(meaningfulWord), cap))
      : Promise.resolve([]),
  ]);
  return [...typos, ...byWord];
}

/**
 * Misspellings: keys containing either half of the longest word unchanged (pigeonholePieces), or for a short
 * word the keys sharing most of its trigrams; judged on their folded keys, the best `cap` fetched whole.
 */
async function typoCandidates(run: Run, d: Dialect, owner: Owner, q: QueryKeys, cap: number): Promise<CandidateRow[]> {
  const words = q.words.length ? q.words.map((w) => w.folded) : [q.folded];
  const longest = [...words].sort((a, b) => codePoints(b) - codePoints(a))[0];
  if (typosAllowed(longest) === 0) return [];
  // halves: every key within one typo keeps one of them whole, most within two do; thirds of a
  // nine-letter word ("sut", "ske", "var") would each match thousands of names
  const pieces = pigeonholePieces(longest, 1);
  const folds = pieces.every((p) => codePoints(p) >= 3)
    ? await run<FoldRow>(candidatesSql.foldsContainingAny(d, owner, pieces, TYPO_READ))
    : await run<FoldRow>(candidatesSql.foldsSharingTrigrams(d, owner, trigramsOf([longest]), cap));
  const near = folds
    .map((f) => ({ id: Number(f.aliasId), typos: typoDistance(words, q.folded, f.fold) }))
    .filter((f) => f.typos < Infinity)
    .sort((a, b) => a.typos - b.typos || a.id - b.id)
    .slice(0, cap);
  return near.length
    ? run<CandidateRow>(
        candidatesSql.byIds(
          owner,
          near.map((f) => f.id),
        ),
      )
    : [];
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
