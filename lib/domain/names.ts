/**
 * Name keys for lookup and dedup across scripts. "ミーラ・モラティ", "ﾐｰﾗ･ﾓﾗﾃｨ" and "みーら もらてぃ"
 * share a key; "Mira Murati", "MIRA  MURATI" and "Míra Muráti" share another. Cross-script identity
 * (katakana vs Latin) is not guessed: it is recorded as an alias. See docs/decisions/0004-name-keys.md.
 */

// Spaces, name separators (・ · . = ＝ ‐ - ' ’), commas and ideographic punctuation.
const SEPARATORS = /[\s\u00b7\u30fb\u2027\u2022.=\u2010-\u2015\-'’‘`,、，。_]/gu;
const LATIN_DIACRITICS = /[\u0300-\u036f]/g;
const HIRAGANA = /[\u3041-\u3096]/g;

export function normalizeName(input: string): string {
  return input
    .normalize("NFKC")
    .normalize("NFD")
    .replace(LATIN_DIACRITICS, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(HIRAGANA, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60))
    .replace(SEPARATORS, "");
}

/** URL slug: ASCII words joined by hyphens; names with no Latin letters keep their normalized key. */
export function slugify(input: string): string {
  const ascii = input
    .normalize("NFKD")
    .replace(LATIN_DIACRITICS, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return ascii || normalizeName(input);
}

/**
 * Katakana spellings that readers use interchangeably, folded to one: ヴァ/バ, ヴ/ブ, the long-vowel mark
 * (サツケヴァー/サツケバ), small kana (ァ/ア, ッ/ツ), ヂ/ジ, ヅ/ズ. Applied in this order to a name key
 * (hiragana is katakana already). The same list is written as SQL in migration 0008_search_keys (the
 * folded keys the search index holds); tests/unit/search.test.ts checks the two agree.
 */
export const KANA_FOLDS: readonly (readonly [from: string, to: string])[] = [
  ["ヴァ", "バ"],
  ["ヴィ", "ビ"],
  ["ヴェ", "ベ"],
  ["ヴォ", "ボ"],
  ["ヴ", "ブ"],
  ["ー", ""],
  ["ァ", "ア"],
  ["ィ", "イ"],
  ["ゥ", "ウ"],
  ["ェ", "エ"],
  ["ォ", "オ"],
  ["ッ", "ツ"],
  ["ャ", "ヤ"],
  ["ュ", "ユ"],
  ["ョ", "ヨ"],
  ["ヮ", "ワ"],
  ["ヵ", "カ"],
  ["ヶ", "ケ"],
  ["ヂ", "ジ"],
  ["ヅ", "ズ"],
];

/** A name key with its kana variants folded (KANA_FOLDS); Latin keys are unchanged. */
export function foldKana(key: string): string {
  let folded = key;
  for (const [from, to] of KANA_FOLDS) folded = folded.replaceAll(from, to);
  return folded;
}

/** The key search compares: normalizeName, then kana variants folded. */
export const searchKey = (input: string): string => foldKana(normalizeName(input));

// Word boundaries inside a name as written: spaces (any width), name separators, commas.
const WORDS = /[\s\u00b7\u30fb\u2027\u2022.=\u2010-\u2015\-,、，_]+/u;

/** The name keys of a name's words, in order ("Mira Murati" → ["mira", "murati"]); empty words dropped. */
export const nameWords = (input: string): string[] =>
  input
    .normalize("NFKC")
    .split(WORDS)
    .map(normalizeName)
    .filter((w) => w.length > 0);
