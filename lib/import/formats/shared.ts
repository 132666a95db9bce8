/**
 * Small pieces every format reader uses: stable record keys, the per-record dataset source, loose dates
 * ("May 2024") read into partial-date text, and a check for web addresses. Pure: no database, no files.
 */
import { createHash } from "node:crypto";
import { normalizeName } from "@/lib/domain/names";
import { parsePartialDate } from "@/lib/domain/partial-date";
import type { ImportFormatName } from "@/lib/domain/vocabulary";
import type { ParsedDataset, RecordRef, Rejection } from "@/lib/import/record";

/** A short stable key from parts that identify a record: the same parts give the same key in every version. */
export function stableKey(...parts: string[]): string {
  return createHash("sha256").update(JSON.stringify(parts), "utf8").digest("hex").slice(0, 20);
}

/** Names compared as the app compares them (lib/domain/names.ts), so "Jan Leike" and "JAN  LEIKE" share a key. */
export const nameKey = (name: unknown) => normalizeName(typeof name === "string" ? name : "");

/**
 * Two records of one file with the same key get "#2", "#3": keys stay unique and, as long as the dataset
 * keeps its order for those few duplicates, stable.
 */
export function uniqueKeys() {
  const seen = new Map<string, number>();
  return (key: string) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  };
}

export function emptyDataset(format: ImportFormatName): ParsedDataset {
  return { format, records: [], rejected: [], people: [], companies: [], meta: {} };
}

export const reject = (ref: RecordRef, field: string, message: string): Rejection => ({ ref, field, message });

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A trimmed non-empty string, or undefined. Numbers are read as their text (a year typed as 2024). */
export function str(v: unknown): string | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v !== "string") return undefined;
  const t = v.trim();
  return t === "" ? undefined : t;
}

export function isWebAddress(v: unknown): v is string {
  if (typeof v !== "string") return false;
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.includes(".");
  } catch {
    return false;
  }
}

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** 1–12 for "May", "may", "Sept", "September"; undefined otherwise. */
export function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, "");
  if (n.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((m) => m === n || (m.startsWith(n) && (n.length === 3 || n === "sept")));
  return i < 0 ? undefined : i + 1;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Partial-date text from parts, checked by the app's own parser (so 31/02/2024 is refused here). */
export function dateFromParts(year: number, month?: number, day?: number): { ok: true; text: string } | { ok: false; error: string } {
  const text = day !== undefined ? `${year}-${pad(month!)}-${pad(day)}` : month !== undefined ? `${year}-${pad(month)}` : String(year);
  const parsed = parsePartialDate(text);
  return parsed.ok ? { ok: true, text: parsed.date.text } : { ok: false, error: parsed.error };
}

/**
 * A date as trackers write it, at the precision written: "2024", "2024-05", "2024-05-17" (and any other
 * partial date the app reads: "2024-Q2", "2023/2024"), "May 2024", "17 May 2024", "May 17, 2024".
 * Never more precise than the text: "May 2024" is "2024-05", not "2024-05-01".
 */
export function readLooseDate(input: string): { ok: true; text: string } | { ok: false; error: string } {
  const t = input.trim().replace(/\s+/g, " ");
  const canonical = parsePartialDate(t);
  if (canonical.ok) return { ok: true, text: canonical.date.text };
  let m = /^([A-Za-z]+\.?) (\d{4})$/.exec(t);
  if (m && monthNumber(m[1])) return dateFromParts(Number(m[2]), monthNumber(m[1]));
  m = /^(\d{1,2}) ([A-Za-z]+\.?),? (\d{4})$/.exec(t);
  if (m && monthNumber(m[2])) return dateFromParts(Number(m[3]), monthNumber(m[2]), Number(m[1]));
  m = /^([A-Za-z]+\.?) (\d{1,2}),? (\d{4})$/.exec(t);
  if (m && monthNumber(m[1])) return dateFromParts(Number(m[3]), monthNumber(m[1]), Number(m[2]));
  return { ok: false, error: `"${input}" is not a date: use 2024, 2024-05, 2024-05-17, May 2024 or 17 May 2024` };
}

/**
 * The source for a record that a dataset states in its own words: the dataset, one source per person and
 * organization ("The Warning Collective: Jan Leike (OpenAI)"), citing the documents the record lists.
 * Sources are found again by title and publisher (lib/ingest sourceDedupKey), so a re-import finds it.
 */
export function datasetRecordSource(opts: {
  dataset: string;
  person: string;
  company: string;
  publisher?: string;
  language?: string;
  cites: { url: string; title?: string }[];
}): Record<string, unknown> {
  return {
    title: `${opts.dataset}: ${opts.person} (${opts.company})`,
    ...(opts.publisher ? { publisher: opts.publisher } : {}),
    language: opts.language ?? "en",
    kind: "dataset",
    ...(opts.cites.length > 0 ? { cites: opts.cites } : {}),
  };
}

/** Identifier schemes as the claim schema takes them: lower case letters, digits, . _ - ("ORCID iD" → "orcid-id"). */
export function schemeOf(raw: string): string {
  return (
    raw
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[^a-z0-9]+/, "")
      .slice(0, 50) || "id"
  );
}

/** Names once each by the app's name key, the main name left out. */
export function uniqueAliases(name: string, candidates: unknown[], max = 50): string[] {
  const seen = new Set([nameKey(name)]);
  const out: string[] = [];
  for (const c of candidates) {
    const s = str(c);
    if (!s) continue;
    const k = nameKey(s);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(s);
    if (out.length >= max) break;
  }
  return out;
}
