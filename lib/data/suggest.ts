/**
 * Name suggestions for the claim form: people or companies whose name or any alias, in any script,
 * contains what was typed or one of its words, compared by normalized key (lib/domain/names.ts), so
 * "クォーク" and "ケビン・クォーク" both offer Kevin Weil. Also used to stop an accidental duplicate person.
 */
import { normalizeName } from "@/lib/domain/names";
import type { Tx } from "@/lib/db-factory";

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

interface AliasHit {
  key: string;
  name: string;
  owner: { id: number; name: string; slug: string; aliases: { name: string }[] };
}

function rank(hits: AliasHit[], whole: string, limit: number): NameSuggestion[] {
  const score = (key: string) => (!whole ? 3 : key === whole ? 0 : key.startsWith(whole) ? 1 : key.includes(whole) ? 2 : 3);
  const best = new Map<number, { hit: AliasHit; score: number }>();
  for (const hit of hits) {
    const s = score(hit.key);
    const current = best.get(hit.owner.id);
    if (!current || s < current.score) best.set(hit.owner.id, { hit, score: s });
  }
  return [...best.values()]
    .sort((a, b) => a.score - b.score || a.hit.owner.name.localeCompare(b.hit.owner.name))
    .slice(0, limit)
    .map(({ hit }) => ({
      id: hit.owner.id,
      name: hit.owner.name,
      slug: hit.owner.slug,
      matched: hit.name !== hit.owner.name ? hit.name : null,
      aliases: hit.owner.aliases.map((a) => a.name).filter((n) => n !== hit.owner.name),
    }));
}

function keyFilter(query: string) {
  const { whole, words } = suggestionKeys(query);
  const or = [whole, ...words].filter(Boolean).map((k) => ({ key: { contains: k } }));
  return { whole, or };
}

export async function suggestPeople(tx: Tx, query: string, limit = 8): Promise<NameSuggestion[]> {
  const { whole, or } = keyFilter(query);
  if (or.length === 0) return [];
  const hits = await tx.personAlias.findMany({
    where: { OR: or },
    select: { key: true, name: true, person: { select: { id: true, name: true, slug: true, aliases: { select: { name: true }, orderBy: { id: "asc" } } } } },
    take: 200,
  });
  return rank(hits.map((h) => ({ key: h.key, name: h.name, owner: h.person })), whole, limit);
}

export async function suggestCompanies(tx: Tx, query: string, limit = 8): Promise<NameSuggestion[]> {
  const { whole, or } = keyFilter(query);
  if (or.length === 0) return [];
  const hits = await tx.companyAlias.findMany({
    where: { OR: or },
    select: { key: true, name: true, company: { select: { id: true, name: true, slug: true, aliases: { select: { name: true }, orderBy: { id: "asc" } } } } },
    take: 200,
  });
  return rank(hits.map((h) => ({ key: h.key, name: h.name, owner: h.company })), whole, limit);
}
