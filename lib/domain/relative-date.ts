/**
 * Dates a text gives relative to its own publication: "this year", "last week", "in May", 今年, 昨年末,
 * 先月, 去年. Each phrase resolves to the partial date it honestly means, no more precise than the phrase
 * and the publication date allow: "in May" in an article published in January means last May; "last week"
 * in an article dated only to the month is a range, not a day. See docs/decisions/0040-evidence-model-v2.md.
 *
 * A small phrase table rather than a general date parser: chrono-node reads instants ("last week" →
 * one day), while an evidence record needs the interval the words allow and a refusal when they allow
 * nothing definite ("recently" is not a date; that is `bounded_by_published`).
 */
import { partialDate, type PartialDate } from "./partial-date";

const pad = (n: number) => String(n).padStart(2, "0");
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;

const MONTH_WORDS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

type Resolver = (published: PartialDate, match: RegExpMatchArray) => string | null;

const year = (p: PartialDate) => Number(p.latest.slice(0, 4));
const month = (p: PartialDate) => Number(p.latest.slice(5, 7));
/** The month of the publication, or null when the date is coarser than a month. */
const knownMonth = (p: PartialDate) => (p.precision === "day" || p.precision === "month" ? month(p) : null);
const knownDay = (p: PartialDate) => (p.precision === "day" ? Date.parse(p.earliest) : null);

function monthShift(p: PartialDate, by: number): string | null {
  const m = knownMonth(p);
  if (m === null) return null;
  const index = year(p) * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** A named month without a year: the latest such month not after the publication ("in May", "5月"). */
function namedMonth(p: PartialDate, m: number, lastYear = false): string | null {
  const pm = knownMonth(p);
  if (lastYear) return `${year(p) - 1}-${pad(m)}`;
  if (pm === null) return null;
  return `${m <= pm ? year(p) : year(p) - 1}-${pad(m)}`;
}

/** The calendar week (Monday–Sunday) before the publication day; a range of days, or one weekday of it. */
function lastWeek(p: PartialDate, weekday?: number): string | null {
  const day = knownDay(p);
  if (day === null) return null;
  const today = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  const monday = day - (today + 7) * DAY;
  return weekday === undefined ? `${isoDay(monday)}/${isoDay(monday + 6 * DAY)}` : isoDay(monday + weekday * DAY);
}

const JA_WEEKDAYS = "月火水木金土日";
const EN_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

const RULES: [RegExp, Resolver][] = [
  [/^(today|just today|ちょうど今日|今日|本日|今天)$/, (p) => (knownDay(p) === null ? null : p.earliest)],
  [
    /^(yesterday|昨日|昨天)$/,
    (p) => {
      const d = knownDay(p);
      return d === null ? null : isoDay(d - DAY);
    },
  ],
  [
    /^(this year|earlier this year|so far this year|this year alone|今年|今年に入って|今年だけで|今年だけでも|今年以来|今年以降|今年内)$/,
    (p) => `${year(p)}`,
  ],
  [/^(the first half of this year|今年上半期|今年上半年)$/, (p) => `${year(p)}-01/${year(p)}-06`],
  [/^(last year|去年|昨年)$/, (p) => `${year(p) - 1}`],
  [/^(the end of last year|late last year|end of last year|昨年末|去年年底|去年底)$/, (p) => `${year(p) - 1}-Q4`],
  [/^(the beginning of this year|early this year|年初|今年初|今年初め|今年の初め|今年年初)$/, (p) => `${year(p)}-Q1`],
  [/^(this month|今月|本月|这个月)$/, (p) => monthShift(p, 0)],
  [/^(last month|the end of last month|先月|先月末|上个月|上月|上个月底|上月底)$/, (p) => monthShift(p, -1)],
  [/^(last week|先週|上周|上週)$/, (p) => lastWeek(p)],
  [/^先週([月火水木金土日])曜日?$/, (p, m) => lastWeek(p, JA_WEEKDAYS.indexOf(m[1]))],
  [/^last (monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/, (p, m) => lastWeek(p, EN_WEEKDAYS.indexOf(m[1]))],
  [
    /^(?:in )?(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/,
    (p, m) => namedMonth(p, MONTH_WORDS[m[1]]),
  ],
  [
    /^last (january|february|march|april|may|june|july|august|september|october|november|december)$/,
    (p, m) => namedMonth(p, MONTH_WORDS[m[1]], false),
  ],
  [/^(?:今年)?(1[0-2]|[1-9])月(?:に|には)?$/, (p, m) => namedMonth(p, Number(m[1]))],
  [/^(?:昨年|去年)(1[0-2]|[1-9])月$/, (p, m) => namedMonth(p, Number(m[1]), true)],
];

/** Lower case, NFKC (full-width digits), no surrounding punctuation or spaces. */
function normalizePhrase(phrase: string): string {
  return phrase
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s\u3000]+/g, " ")
    .replace(/^[「『"'“]+|[」』"'”、。,.]+$/g, "");
}

export type RelativeResult = { ok: true; date: PartialDate } | { ok: false; error: string };

/**
 * Resolve a relative phrase against the publication date of its source. A publication known only as a
 * range (a transcript "published Aug–Dec 2024") is read at both ends: the same answer is the answer
 * ("this year" = 2024), different answers make a range between them, never a guess in the middle.
 */
export function resolveRelativeDate(phrase: string, published: PartialDate | null): RelativeResult {
  if (!published) return { ok: false, error: `"${phrase}" is relative to the publication date, and the source has none` };
  if (published.precision !== "range" || published.text.startsWith("..")) return resolveAgainst(phrase, published);
  const [from, to] = published.text.split("/").map((t) => partialDate(t));
  const a = resolveAgainst(phrase, from);
  const b = resolveAgainst(phrase, to);
  if (!a.ok)
    return a.error.includes("not a relative date")
      ? a
      : { ok: false, error: `"${phrase}" needs a publication date more precise than ${published.text}` };
  if (!b.ok) return { ok: false, error: `"${phrase}" needs a publication date more precise than ${published.text}` };
  if (a.date.text === b.date.text) return a;
  return { ok: true, date: partialDate(`${a.date.text.split("/")[0]}/${b.date.text.split("/").pop()}`) };
}

function resolveAgainst(phrase: string, published: PartialDate): RelativeResult {
  const text = normalizePhrase(phrase);
  for (const [pattern, resolve] of RULES) {
    const m = text.match(pattern);
    if (!m) continue;
    const resolved = resolve(published, m);
    if (resolved === null) return { ok: false, error: `"${phrase}" needs a publication date more precise than ${published.text}` };
    return { ok: true, date: partialDate(resolved) };
  }
  return { ok: false, error: `"${phrase}" is not a relative date this app can read (e.g. "this year", "last month", "in May", 今年, 先月)` };
}

/** "On or before the publication date, no more is said": an open-start range ending on it. */
export function boundedByPublished(published: PartialDate): PartialDate {
  return partialDate(`../${published.text.split("/").pop()}`);
}
