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
