/**
 * Date-range filtering over partial dates. A range is built from two bounds, each itself a partial date
 * ("2024", "2024-Q3", "2024-05", "2024-05-17"): it starts on the first day `from` can mean and ends on
 * the last day `to` can mean. An event falls inside when every day its date can mean lies inside the
 * range, so "2024-05" is inside from=2024-05 and inside 2024, but "2024" is not inside 2024-05..2024-06
 * (it may well be in March). Unknown dates fall inside no bounded range. See docs/decisions/0011-date-range-filter.md.
 */
import { formatHuman, parsePartialDate, type PartialDate } from "./partial-date";

export interface DateRange {
  /** first ISO day of the range; null = open start */
  earliest: string | null;
  /** last ISO day of the range; null = open end */
  latest: string | null;
}

export type BoundResult = { ok: true; date: PartialDate } | { ok: false; error: string };

/** One bound of a range: a single partial date (a year, quarter, month or day), never a range itself. */
export function parseRangeBound(input: string): BoundResult {
  const text = input.trim();
  if (text.includes("/")) return { ok: false, error: `"${text}" is a range: put its ends in "from" and "to"` };
  return parsePartialDate(text);
}

/** The range two valid bounds describe; either may be absent. Throws on an invalid bound (validate first). */
export function dateRange(from?: string | null, to?: string | null): DateRange {
  const bound = (text: string) => {
    const r = parseRangeBound(text);
    if (!r.ok) throw new Error(r.error);
    return r.date;
  };
  return { earliest: from ? bound(from).earliest : null, latest: to ? bound(to).latest : null };
}

/** Why two bounds cannot form a range, or null when they can. */
export function rangeError(from: PartialDate, to: PartialDate): string | null {
  return from.earliest > to.latest ? `"${to.text}" is before "${from.text}": the range would be empty` : null;
}

export const isBounded = (r: DateRange) => r.earliest !== null || r.latest !== null;

/** True when every day `date` can mean lies in the range. The SQL filter in lib/data/find-events.ts mirrors this. */
export function fallsWithin(date: PartialDate | null, range: DateRange): boolean {
  if (!isBounded(range)) return true;
  if (!date) return false;
  return (range.earliest === null || date.earliest >= range.earliest) && (range.latest === null || date.latest <= range.latest);
}

const quarterKey = (isoDay: string) => `${isoDay.slice(0, 4)}-Q${Math.floor((Number(isoDay.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * The quarter ("2024-Q3") a date lies in, or null when it is unknown or could fall in more than one
 * quarter (a year, a range): such dates are counted apart rather than placed in a quarter they may not be in.
 * Works on day or month prefixes of the interval ends ("2024-05" or "2024-05-17").
 */
export function quarterOf(earliest: string | null, latest: string | null): string | null {
  if (!earliest || !latest) return null;
  const a = quarterKey(earliest);
  return a === quarterKey(latest) ? a : null;
}

/** Every quarter from `first` to `last` inclusive ("2023-Q4", "2024-Q1", …), so empty quarters show as gaps. */
export function quarterSpan(first: string, last: string): string[] {
  const toIndex = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
  const out: string[] = [];
  for (let i = toIndex(first); i <= toIndex(last); i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface TimelineGroup {
  key: string;
  label: string;
}

/**
 * The heading a timeline row sits under, at the precision its date has: a day or month date goes under
 * its month ("May 2024"), a quarter under the quarter ("Q3 2024"), a year under the year, a range under
 * the range ("2017–2018"), never under a month it may not be in.
 */
export function timelineGroup(date: PartialDate | null): TimelineGroup {
  if (!date) return { key: "unknown", label: "Date unknown" };
  const year = date.earliest.slice(0, 4);
  switch (date.precision) {
    case "day":
    case "month":
      return { key: date.earliest.slice(0, 7), label: `${MONTHS[Number(date.earliest.slice(5, 7)) - 1]} ${year}` };
    case "quarter":
      return { key: date.text, label: `${date.text.slice(5)} ${year}` };
    case "year":
      return { key: year, label: year };
    case "range":
      return { key: date.text, label: formatHuman(date) };
  }
}

/** "May 2024 – 2025", "from 2020", "until Q3 2024": a range in words for filter chips. */
export function describeRange(from: PartialDate | null, to: PartialDate | null): string {
  if (from && to) return `${formatHuman(from)} – ${formatHuman(to)}`;
  if (from) return `from ${formatHuman(from)}`;
  if (to) return `until ${formatHuman(to)}`;
  return "any date";
}

// ---- counting events per period, for charts ---------------------------------------------------------

/** Events with the same date interval (as month or day prefixes) and category, counted. */
export interface IntervalCount {
  earliest: string | null;
  latest: string | null;
  category: string | null;
  n: number;
}

export interface Period {
  key: string;
  label: string;
  counts: Map<string | null, number>;
  total: number;
}

export interface PeriodSeries {
  granularity: "quarter" | "year";
  periods: Period[];
  /** events whose date is unknown or too imprecise for one period: counted here, never guessed into a bar */
  unplaced: number;
  total: number;
}

const yearOf = (earliest: string | null, latest: string | null) =>
  earliest && latest && earliest.slice(0, 4) === latest.slice(0, 4) ? earliest.slice(0, 4) : null;

/**
 * Bars per quarter, or per year when the data spans more than `maxQuarters` quarters (a bar a quarter
 * over 25 years is unreadable). Every period between the first and last is present, so gaps show.
 */
export function countByPeriod(rows: IntervalCount[], maxQuarters = 40): PeriodSeries {
  const total = rows.reduce((s, r) => s + r.n, 0);
  const quarters = rows
    .map((r) => quarterOf(r.earliest, r.latest))
    .filter((q): q is string => q !== null)
    .sort();
  const byQuarter = quarters.length > 0 && quarterSpan(quarters[0], quarters.at(-1)!).length <= maxQuarters;
  const bucket = byQuarter ? quarterOf : yearOf;
  const periods = new Map<string, Period>();
  let unplaced = 0;
  for (const r of rows) {
    const key = bucket(r.earliest, r.latest);
    if (!key) {
      unplaced += r.n;
      continue;
    }
    const p = periods.get(key) ?? { key, label: "", counts: new Map(), total: 0 };
    p.counts.set(r.category, (p.counts.get(r.category) ?? 0) + r.n);
    p.total += r.n;
    periods.set(key, p);
  }
  const keys = [...periods.keys()].sort();
  const span = keys.length === 0 ? [] : byQuarter ? quarterSpan(keys[0], keys.at(-1)!) : yearSpan(keys[0], keys.at(-1)!);
  return {
    granularity: byQuarter ? "quarter" : "year",
    periods: span.map((key) => ({
      ...(periods.get(key) ?? { key, counts: new Map(), total: 0 }),
      label: byQuarter ? `${key.slice(5)} ${key.slice(0, 4)}` : key,
    })),
    unplaced,
    total,
  };
}

function yearSpan(first: string, last: string): string[] {
  const out: string[] = [];
  for (let y = Number(first); y <= Number(last); y++) out.push(String(y));
  return out;
}
