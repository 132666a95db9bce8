/**
 * Honest dates: a date known to the day, month, quarter or year, or a range between two such dates.
 * Stored as canonical text plus the earliest and latest ISO day it can mean, so "2024-05" is never
 * turned into "2024-05-01". See docs/decisions/0002-partial-dates.md.
 */

export const PRECISIONS = ["day", "month", "quarter", "year", "range"] as const;
export type Precision = (typeof PRECISIONS)[number];

export interface PartialDate {
  /** canonical text: "2024", "2024-Q3", "2024-09", "2024-09-25", "2017/2018", or "../2021" (on or before 2021) */
  text: string;
  precision: Precision;
  /** first ISO day (YYYY-MM-DD) the date can mean */
  earliest: string;
  /** last ISO day the date can mean */
  latest: string;
}

export type ParseResult = { ok: true; date: PartialDate } | { ok: false; error: string };

const SINGLE = /^(\d{4})(?:-(?:Q([1-4])|(\d{2})(?:-(\d{2}))?))?$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function parseSingle(text: string): ParseResult {
  const m = SINGLE.exec(text);
  if (!m) return { ok: false, error: `"${text}" is not a date: use YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD` };
  const year = Number(m[1]);
  if (year < 1800) return { ok: false, error: `${year} is too early to be a plausible date` };
  if (m[2]) {
    const q = Number(m[2]);
    const last = q * 3;
    return {
      ok: true,
      date: { text, precision: "quarter", earliest: `${year}-${pad(last - 2)}-01`, latest: `${year}-${pad(last)}-${daysInMonth(year, last)}` },
    };
  }
  if (!m[3]) return { ok: true, date: { text, precision: "year", earliest: `${year}-01-01`, latest: `${year}-12-31` } };
  const month = Number(m[3]);
  if (month < 1 || month > 12) return { ok: false, error: `"${text}" has no month ${m[3]}` };
  const last = daysInMonth(year, month);
  if (!m[4]) {
    return { ok: true, date: { text, precision: "month", earliest: `${year}-${pad(month)}-01`, latest: `${year}-${pad(month)}-${last}` } };
  }
  const day = Number(m[4]);
  if (day < 1 || day > last) return { ok: false, error: `${text} does not exist: ${MONTHS[month - 1]} ${year} has ${last} days` };
  return { ok: true, date: { text, precision: "day", earliest: text, latest: text } };
}

/**
 * The earliest day of an open-start range ("../2021": on or before 2021, no more is said). A real day far
 * before any plausible event, so the range sorts and filters like any other: it never falls inside a
 * range with a lower bound, and always inside one with only an upper bound.
 */
export const OPEN_START = "0001-01-01";

export function parsePartialDate(input: string): ParseResult {
  const text = input.trim();
  const parts = text.split("/");
  if (parts.length === 1) return parseSingle(text);
  if (parts.length > 2) return { ok: false, error: `"${text}" has more than two bounds` };
  if (parts[0].trim() === "..") {
    const to = parseSingle(parts[1].trim());
    if (!to.ok) return to;
    return { ok: true, date: { text: `../${to.date.text}`, precision: "range", earliest: OPEN_START, latest: to.date.latest } };
  }
  const from = parseSingle(parts[0].trim());
  if (!from.ok) return from;
  const to = parseSingle(parts[1].trim());
  if (!to.ok) return to;
  if (from.date.earliest > to.date.latest) return { ok: false, error: `"${text}" ends before it starts` };
  return {
    ok: true,
    date: { text: `${from.date.text}/${to.date.text}`, precision: "range", earliest: from.date.earliest, latest: to.date.latest },
  };
}

/** Parse or throw: for data already validated upstream. */
export function partialDate(text: string): PartialDate {
  const r = parsePartialDate(text);
  if (!r.ok) throw new Error(r.error);
  return r.date;
}

/** Rebuild from stored columns; null when the date is unknown. */
export function fromColumns(text: string | null | undefined): PartialDate | null {
  return text ? partialDate(text) : null;
}

function humanSingle(text: string): string {
  const d = partialDate(text);
  const [y, m, day] = d.earliest.split("-");
  switch (d.precision) {
    case "year":
      return y;
    case "quarter":
      return `${text.slice(5)} ${y}`;
    case "month":
      return `${MONTHS[Number(m) - 1]} ${y}`;
    default:
      return `${Number(day)} ${MONTHS[Number(m) - 1]} ${y}`;
  }
}

/** True for "../2021": on or before a date, with no lower bound. */
export const isOpenStart = (d: PartialDate) => d.earliest === OPEN_START;

/** For people: "25 Sep 2024", "Sep 2024", "Q3 2024", "2024", "2017–2018", "by 2021". */
export function formatHuman(d: PartialDate | null): string {
  if (!d) return "date unknown";
  if (d.precision !== "range") return humanSingle(d.text);
  const [a, b] = d.text.split("/");
  if (a === "..") return `by ${humanSingle(b)}`;
  return `${humanSingle(a)}–${humanSingle(b)}`;
}

/** Width of the interval in days (0 for a day): the smaller, the more precise. */
export function widthInDays(d: PartialDate): number {
  return (Date.parse(d.latest) - Date.parse(d.earliest)) / 86_400_000;
}

export function overlaps(a: PartialDate, b: PartialDate): boolean {
  return a.earliest <= b.latest && b.earliest <= a.latest;
}

/** True when every day `inner` can mean is also a day `outer` can mean. */
export function contains(outer: PartialDate, inner: PartialDate): boolean {
  return outer.earliest <= inner.earliest && inner.latest <= outer.latest;
}

/** Days between two non-overlapping dates; 0 when they overlap. */
export function gapInDays(a: PartialDate, b: PartialDate): number {
  if (overlaps(a, b)) return 0;
  const [first, second] = a.latest < b.earliest ? [a, b] : [b, a];
  return (Date.parse(second.earliest) - Date.parse(first.latest)) / 86_400_000;
}

/** Chronological order by earliest day, then the more precise first; unknown dates last. */
export function compareDates(a: PartialDate | null, b: PartialDate | null): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  if (a.earliest !== b.earliest) return a.earliest < b.earliest ? -1 : 1;
  return a.latest < b.latest ? -1 : a.latest > b.latest ? 1 : 0;
}

/** Today's ISO day in UTC. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
