/**
 * Name suggestions for the claim form: people or companies whose name or any alias, in any script,
 * matches what was typed or one of its words, through the one forgiving search (lib/search: case, width,
 * word order, kana variants, typos), so "クォーク" and "ケビン・クォーク" both offer Kevin Weil. Also used to
 * stop an accidental duplicate person.
 */
import { normalizeName } from "@/lib/domain/names";
import type { Tx } from "@/lib/db-factory";
import { searchNames } from "@/lib/search/search";
import { runner } from "@/lib/search/run";
import { spellingsOf, type AliasOwner } from "./sql/alias-match";
import { dialectOf } from "./sql/dialect";

export interface NameSuggestion {
  id: number;
  name: string;
  slug: string;
  /** the recorded spelling that matched, when it is not the name itself */
  matched: string | null;
  aliases: string[];
}

export const SUGGEST_QUERY_MAX = 200;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** The whole query and each of its words long enough to mean something (two characters in CJK, else three). */
export function suggestionKeys(query: string): { whole: string; words: string[] } {
  const q = query.slice(0, SUGGEST_QUERY_MAX);
  const whole = normalizeName(q);
  const words = q
    .split(/[\s\u00b7\u30fb\u3000,、]+/u)
    .map(normalizeName)
    .filter((w) => w !== whole && w.length >= (CJK.test(w) ? 2 : 3));
  return { whole: whole.length >= (CJK.test(whole) ? 1 : 2) ? whole : "", words: [...new Set(words)] };
}

/**
 * The best-matching people or companies (lib/search ranks: the whole query as the key, a prefix, inside
 * a key, the words in another order, a kana variant, a typo, then a word only; ties by name), with every
 * spelling on record.
 */
async function suggest(tx: Tx, owner: AliasOwner, query: string, limit: number): Promise<NameSuggestion[]> {
  const keys = suggestionKeys(query);
  if (!keys.whole && keys.words.length === 0) return [];
  const best = await searchNames(runner(tx), dialectOf(tx), query.slice(0, SUGGEST_QUERY_MAX), { type: owner, limit });
  if (best.length === 0) return [];
  const spellings = await spellingsOf(
    tx,
    owner,
    best.map((b) => b.id),
  );
  return best.map((b) => ({
    id: b.id,
    name: b.name,
    slug: b.slug,
    matched: b.matched !== b.name ? b.matched : null,
    aliases: (spellings.get(b.id) ?? []).filter((name) => name !== b.name),
  }));
}

export const suggestPeople = (tx: Tx, query: string, limit = 8) => suggest(tx, "person", query, limit);

export const suggestCompanies = (tx: Tx, query: string, limit = 8) => suggest(tx, "company", query, limit);
