import type { ExtractLanguage } from "./types";

const KANA = /[\u3041-\u3096\u30a1-\u30fa]/g;
const HAN = /[\u4e00-\u9fff]/g;
const LATIN = /[A-Za-z]/g;

/** ja when the text has kana, zh when it is Han without kana, otherwise en. */
export function detectLanguage(text: string): ExtractLanguage {
  const sample = text.slice(0, 20_000);
  const kana = sample.match(KANA)?.length ?? 0;
  const han = sample.match(HAN)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  if (kana > 20 || (kana > 0 && kana >= han * 0.1)) return "ja";
  if (han > latin / 4) return "zh";
  return "en";
}
