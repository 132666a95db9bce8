/**
 * Date expressions in a sentence. chrono-node reads full dates (2024年8月2日, September 25, 2024); the
 * patterns below add what it does not: bare years and months (2021年, 2024年5月, May 2024), ranges
 * (2017年から2018年), year ends (2023年末), and the relative phrases (今年, 昨年末, 先月, 5月に, last
 * week, 上个月) that lib/domain/relative-date.ts resolves against the publication date.
 */
import * as chrono from "chrono-node";
import { partialDate, type PartialDate } from "@/lib/domain/partial-date";
import { resolveRelativeDate } from "@/lib/domain/relative-date";
import type { DateBasis } from "@/lib/domain/vocabulary";
import type { ExtractLanguage } from "./types";

export interface FoundDate {
  /** the words as written, a substring of the sentence */
  phrase: string;
  /** offset in the sentence */
  index: number;
  basis: Exclude<DateBasis, "bounded_by_published">;
  /** the partial date; for a relative phrase, its resolution (absent when the publication date is too vague) */
  date?: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const D = "[0-9０-９]";
const num = (s: string) => Number(s.normalize("NFKC"));

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTH_INDEX = MONTHS.split("|");
const monthOf = (name: string) => MONTH_INDEX.findIndex((m) => m.toLowerCase() === name.toLowerCase().slice(0, m.length)) + 1;

type Stated = [RegExp, (m: RegExpExecArray) => string | null];

/** Stated dates coarser than a day, most specific first; a later pattern never claims text an earlier one took. */
const STATED: Record<ExtractLanguage, Stated[]> = {
  ja: [],
  zh: [],
  en: [
    [
      new RegExp(`\\b(?:between |from )?(${D}{4})\\s*(?:-|–|to|and)\\s*(${D}{4})\\b`, "g"),
      (m) => (num(m[2]) > num(m[1]) ? `${num(m[1])}/${num(m[2])}` : null),
    ],
    [new RegExp(`\\b(?:the end of|late) (${D}{4})\\b`, "g"), (m) => `${num(m[1])}-Q4`],
    [new RegExp(`\\b(?:early) (${D}{4})\\b`, "g"), (m) => `${num(m[1])}-Q1`],
    [new RegExp(`\\b(${MONTHS}),? (${D}{4})\\b`, "g"), (m) => `${num(m[2])}-${pad(monthOf(m[1]))}`],
    [new RegExp(`\\b(?:in|since|by|of|from|until) (${D}{4})\\b`, "g"), (m) => `${num(m[1])}`],
  ],
};
const CJK_STATED: Stated[] = [
  [
    new RegExp(`(${D}{4})\\s*年\\s*(?:から|至|到|-|〜|~)\\s*(${D}{4})\\s*年`, "g"),
    (m) => (num(m[2]) > num(m[1]) ? `${num(m[1])}/${num(m[2])}` : null),
  ],
  [new RegExp(`(${D}{4})\\s*年\\s*(${D}{1,2})\\s*月`, "g"), (m) => (num(m[2]) >= 1 && num(m[2]) <= 12 ? `${num(m[1])}-${pad(num(m[2]))}` : null)],
  [new RegExp(`(${D}{4})\\s*年\\s*(?:末|の終わり|底|年底)`, "g"), (m) => `${num(m[1])}-Q4`],
  [new RegExp(`(${D}{4})\\s*年\\s*(?:初め|初|の初め|年初)`, "g"), (m) => `${num(m[1])}-Q1`],
  [new RegExp(`(${D}{4})\\s*年(?!\\s*${D})`, "g"), (m) => `${num(m[1])}`],
];
STATED.ja = CJK_STATED;
STATED.zh = CJK_STATED;

/**
 * Relative phrases, as written; each is handed to resolveRelativeDate (one implementation of what "先月"
 * means). Longer phrases first so 昨年末 is not read as 昨年.
 */
const RELATIVE: Record<ExtractLanguage, RegExp> = {
  ja: /今年に入って|今年だけでも|今年だけで|今年の初め|今年初め|今年上半期|昨年末|去年末|昨年(?:1[0-2]|[1-9])月|去年(?:1[0-2]|[1-9])月|先週[月火水木金土日]曜日?|先月末|先月|今月|先週|ちょうど今日|本日|今日|昨日|今年|昨年|去年|(?<![0-9０-９年])(?:1[0-2]|[1-9]|１[０-２]|[１-９])月(?![0-9０-９]|間|前|後)/g,
  zh: /今年上半年|去年年底|去年底|去年(?:1[0-2]|[1-9])月|上个月底|上月底|上个月|上月|本月|这个月|上周|上週|今天|昨天|今年|去年|年初|(?<![0-9０-９年])(?:1[0-2]|[1-9])月(?![0-9０-９]|份?[0-9])/g,
  en: new RegExp(
    `\\b(?:the first half of this year|the end of last year|late last year|earlier this year|so far this year|early this year|the beginning of this year|this year|last year|last month|this month|last week|last (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|(?:in |last )(?:${MONTHS})(?![ ,]*(?:[0-9]{1,4})))\\b`,
    "gi",
  ),
};

function chronoFor(language: ExtractLanguage) {
  return language === "ja" ? chrono.ja.strict : language === "zh" ? chrono.zh.strict : chrono.en.strict;
}

/** Full dates chrono is sure of (day, month and year in the text). */
function fullDates(sentence: string, language: ExtractLanguage): FoundDate[] {
  const found: FoundDate[] = [];
  // a full date has its year written out: without four digits chrono has nothing to add, and it is the slow part
  if (!/[0-9０-９]{4}/.test(sentence)) return found;
  for (const r of chronoFor(language).parse(sentence, new Date(Date.UTC(2000, 0, 1)))) {
    const s = r.start;
    // a year written out: chrono also reads "last week" as a certain day, which is a relative phrase here
    if (!/[0-9０-９]{4}/.test(r.text) || !(s.isCertain("year") && s.isCertain("month") && s.isCertain("day"))) continue;
    const day = `${s.get("year")}-${pad(s.get("month")!)}-${pad(s.get("day")!)}`;
    found.push({ phrase: r.text, index: r.index, basis: "stated", date: day });
  }
  return found;
}

const overlapsAny = (found: FoundDate[], index: number, length: number) =>
  found.some((f) => index < f.index + f.phrase.length && f.index < index + length);

/** Every date expression in the sentence, in text order. */
export function findDates(sentence: string, language: ExtractLanguage, published: PartialDate | null): FoundDate[] {
  const found = fullDates(sentence, language);
  for (const [pattern, read] of STATED[language]) {
    for (const m of sentence.matchAll(new RegExp(pattern.source, pattern.flags))) {
      if (overlapsAny(found, m.index!, m[0].length)) continue;
      const text = read(m as RegExpExecArray);
      if (text) found.push({ phrase: m[0].trim(), index: m.index! + (m[0].length - m[0].trimStart().length), basis: "stated", date: text });
    }
  }
  for (const m of sentence.matchAll(new RegExp(RELATIVE[language].source, RELATIVE[language].flags))) {
    if (overlapsAny(found, m.index!, m[0].length)) continue;
    const resolved = resolveRelativeDate(m[0], published);
    found.push({ phrase: m[0], index: m.index!, basis: "relative_to_published", date: resolved.ok ? resolved.date.text : undefined });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A date line at the top of a text ("2024-08-06", "2024年8月6日", "Published: Aug 6, 2024"), as an ISO day. */
export function dateLineAtTop(text: string): string | null {
  const lines = text.split(/\r?\n/).slice(0, 6);
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.length > 60) continue;
    const iso = trimmed.match(/(?:^|\s|:)(\d{4})-(\d{2})-(\d{2})\b/);
    if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
    for (const lang of ["ja", "en"] as const) {
      const r = chronoFor(lang).parse(trimmed)[0];
      if (r && r.start.isCertain("year") && r.start.isCertain("month") && r.start.isCertain("day") && r.text.length >= trimmed.length * 0.4)
        return `${r.start.get("year")}-${pad(r.start.get("month")!)}-${pad(r.start.get("day")!)}`;
    }
  }
  return null;
}

/** A publication date the app can read, or null. */
export function readPublished(text: string | undefined): PartialDate | null {
  if (!text) return null;
  try {
    return partialDate(text);
  } catch {
    return null;
  }
}
