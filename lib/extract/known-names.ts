/**
 * Matching names in a text to recorded people and companies by any alias, in any script. Exact keys use
 * lib/domain/names.ts normalizeName; katakana spelled differently by another transcriber (サツキーバ /
 * サツケヴァー, レイキ / ライク) is matched by a phonetic fold and a small edit distance.
 */
import { distance } from "fastest-levenshtein";
import { normalizeName } from "@/lib/domain/names";
import type { KnownCompany, KnownPerson } from "./types";

const KATAKANA_ONLY = /^[\u30a1-\u30fa\u30fc\u30fb\s]+$/;

/** Katakana spellings of one foreign name differ in long marks, small vowels and ヴ: fold them away. */
export function foldKatakana(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[\s\u30fb\u30fc\u00b7=＝]/g, "")
    .replace(/ヴァ/g, "バ")
    .replace(/ヴィ/g, "ビ")
    .replace(/ヴェ/g, "ベ")
    .replace(/ヴォ/g, "ボ")
    .replace(/ヴ/g, "ブ")
    .replace(/[ァィゥェォッ]/g, "")
    .replace(/[ャュョ]/g, (c) => ({ ャ: "ヤ", ュ: "ユ", ョ: "ヨ" })[c] ?? c);
}

export interface NameIndex<T> {
  byKey: Map<string, T>;
  /** [folded katakana alias, entity] for the fuzzy pass */
  katakana: [string, T][];
  /** [normalized Latin alias, entity] for the fuzzy pass */
  latin: [string, T][];
  /** every alias as written, longest first, for finding them in running text */
  surface: { alias: string; entity: T }[];
  /** names already looked up: an article repeats its names */
  memo: Map<string, { entity: T; via: "alias" | "similar" } | null>;
}

function buildIndex<T extends { name: string; aliases: string[] }>(entities: T[]): NameIndex<T> {
  const byKey = new Map<string, T>();
  const katakana: [string, T][] = [];
  const latin: [string, T][] = [];
  const surface: { alias: string; entity: T }[] = [];
  for (const e of entities) {
    for (const alias of new Set([e.name, ...e.aliases])) {
      const key = normalizeName(alias);
      if (!key) continue;
      if (!byKey.has(key)) byKey.set(key, e);
      if (KATAKANA_ONLY.test(alias)) katakana.push([foldKatakana(alias), e]);
      else if (/^[A-Za-z .'-]+$/.test(alias)) latin.push([key, e]);
      if ([...key].length >= 2) surface.push({ alias: alias.trim(), entity: e });
    }
  }
  surface.sort((a, b) => b.alias.length - a.alias.length);
  return { byKey, katakana, latin, surface, memo: new Map() };
}

export const indexPeople = (people: KnownPerson[]) => buildIndex(people);
export const indexCompanies = (companies: KnownCompany[]) => buildIndex(companies);

/** How many edits two spellings of one name may differ by: none for short names, more for long ones. */
const allowed = (length: number) => (length <= 3 ? 0 : length <= 6 ? 1 : 2);

/** The recorded entity a written name refers to: by exact key, or by a close spelling. */
export function matchName<T>(index: NameIndex<T>, written: string): { entity: T; via: "alias" | "similar" } | null {
  if (index.memo.has(written)) return index.memo.get(written)!;
  const found = matchUncached(index, written);
  index.memo.set(written, found);
  return found;
}

function matchUncached<T>(index: NameIndex<T>, written: string): { entity: T; via: "alias" | "similar" } | null {
  const key = normalizeName(written);
  if (!key) return null;
  const exact = index.byKey.get(key);
  if (exact) return { entity: exact, via: "alias" };
  const pool = KATAKANA_ONLY.test(written) ? index.katakana : /^[A-Za-z .'-]+$/.test(written) ? index.latin : [];
  const probe = KATAKANA_ONLY.test(written) ? foldKatakana(written) : key;
  let best: { entity: T; d: number } | null = null;
  for (const [alias, entity] of pool) {
    if (alias[0] !== probe[0]) continue;
    if (Math.abs(alias.length - probe.length) > 2) continue;
    const d = distance(alias, probe);
    if (d <= allowed(Math.min(alias.length, probe.length)) && (!best || d < best.d)) best = { entity, d };
  }
  return best ? { entity: best.entity, via: "similar" } : null;
}

const isLatin = (s: string) => /^[A-Za-z0-9]/.test(s);
const wordChar = /[A-Za-z0-9]/;

/** Occurrences of recorded aliases in a text (Latin ones as whole words, case-insensitive). */
export function findAliases<T>(index: NameIndex<T>, text: string): { start: number; end: number; alias: string; entity: T }[] {
  const hits: { start: number; end: number; alias: string; entity: T }[] = [];
  const lower = text.toLowerCase();
  const taken = new Uint8Array(text.length);
  for (const { alias, entity } of index.surface) {
    const needle = isLatin(alias) ? alias.toLowerCase() : alias;
    const hay = isLatin(alias) ? lower : text;
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (isLatin(alias) && (wordChar.test(text[at - 1] ?? "") || wordChar.test(text[end] ?? ""))) continue;
      if (taken.subarray(at, end).some((x) => x)) continue;
      taken.fill(1, at, end);
      hits.push({ start: at, end, alias: text.slice(at, end), entity });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
