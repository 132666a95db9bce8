/**
 * The one schema for browsing events: the timeline page, the table, GET /api/events, the CSV download
 * and /feed.xml all parse their search params with `parseEventQuery`, so a URL means the same thing
 * everywhere and can be bookmarked, shared or scripted. See docs/decisions/0012-filter-params.md.
 */
import { z } from "zod";
import { parseRangeBound, rangeError } from "@/lib/domain/date-range";
import { EVENT_KINDS, EVENT_STATUSES, ROLE_CATEGORIES } from "@/lib/domain/vocabulary";
import { UNSTORABLE_MESSAGE, isStorable } from "./text";

import { DEFAULT_STATUSES, DESTINATION_FOUNDED, DESTINATION_UNKNOWN } from "./filter-constants";
export { DEFAULT_STATUSES, DESTINATION_FOUNDED, DESTINATION_UNKNOWN };

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/**
 * Server-side sorts. Each has a unique keyset: the values of the last row shown are the cursor.
 * Ascending sorts keep one direction for every key column, so within a person or company the events read
 * oldest first; "newest" is the default and puts unknown dates last.
 */
export const EVENT_SORTS = ["newest", "oldest", "person", "person_desc", "company", "company_desc"] as const;
export type EventSort = (typeof EVENT_SORTS)[number];
export const EVENT_VIEWS = ["timeline", "table"] as const;
export type EventView = (typeof EVENT_VIEWS)[number];

/** [sortDate, id] for date sorts; [name, entityId, sortDate, id] for person and company sorts. */
export type CursorKey = [string, number] | [string, number, string, number];
export interface Cursor {
  sort: EventSort;
  key: CursorKey;
}

// base64url over UTF-8 without Buffer, so the codec also runs in the browser.
const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const fromBase64Url = (text: string) =>
  new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)));

export function encodeCursor(cursor: Cursor): string {
  return toBase64Url(JSON.stringify([cursor.sort, ...cursor.key]));
}

const isDay = (v: unknown) => typeof v === "string" && (v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v));
const isId = (v: unknown) => typeof v === "number" && Number.isSafeInteger(v) && v > 0;

/** null when the text is not a cursor this API issued (tampered, truncated, or for another sort). */
export function decodeCursor(text: string): Cursor | null {
  let parts: unknown;
  try {
    parts = JSON.parse(fromBase64Url(text));
  } catch {
    return null;
  }
  if (!Array.isArray(parts)) return null;
  const [sort, ...key] = parts as [unknown, ...unknown[]];
  if (!EVENT_SORTS.includes(sort as EventSort)) return null;
  if (sort === "newest" || sort === "oldest") {
    return key.length === 2 && isDay(key[0]) && isId(key[1]) ? { sort, key: key as [string, number] } : null;
  }
  const ok = key.length === 4 && typeof key[0] === "string" && key[0].length <= 500 && isId(key[1]) && isDay(key[2]) && isId(key[3]);
  return ok ? { sort: sort as EventSort, key: key as [string, number, string, number] } : null;
}

// ---- search params → values ----------------------------------------------------------------------

type RawParams = Record<string, string | string[] | undefined>;

/** Every non-empty value of a param: repeated (`kind=a&kind=b`) or comma-separated (`kind=a,b`). */
const valuesOf = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])
    .flatMap((s) => String(s).split(","))
    .map((s) => s.trim())
    .filter(Boolean);

/** A single-valued param; an empty form field counts as absent. */
const oneOf = (v: unknown): string | undefined => {
  const first = Array.isArray(v) ? v[0] : v;
  const s = typeof first === "string" ? first.trim() : undefined;
  return s ? s : undefined;
};

const list = <T extends z.ZodType<string>>(item: T, max: number, label: string) =>
  z.preprocess((v) => [...new Set(valuesOf(v))], z.array(item).max(max, `Pick at most ${max} ${label}`));

const single = <T extends z.ZodType>(schema: T) => z.preprocess(oneOf, schema);

const enumValue = <const V extends readonly [string, ...string[]]>(values: V, label: string) =>
  z.enum(values, { error: (issue) => `Unknown ${label} "${String(issue.input)}": use one of ${values.join(", ")}` });

const slug = z
  .string()
  .max(200, "A company is at most 200 characters")
  .regex(/^[^\s~]+$/u, "Use the company's slug, as in its page address (/companies/openai → openai)");

const personSlug = z
  .string()
  .max(200, "A person is at most 200 characters")
  .regex(/^[^\s~]+$/u, "Use the person's slug, as in their page address (/people/mira-murati → mira-murati)");

/** A range bound: one partial date, stored in its canonical text ("2024-5" is rejected, "2024-05" kept). */
const dateBound = (label: string) =>
  z
    .string()
    .max(40, `${label} is at most 40 characters`)
    .transform((text, ctx) => {
      const r = parseRangeBound(text);
      if (r.ok) return r.date.text;
      ctx.addIssue({ code: "custom", message: r.error });
      return z.NEVER;
    });

export const eventQuerySchema = z
  .object({
    /** people, by slug; any of them (a person's feed: /feed.xml?person=mira-murati) */
    person: list(personSlug, 20, "people"),
    /** companies left, by slug; any of them */
    company: list(slug, 20, "companies"),
    /** role categories; any of them */
    role: list(enumValue(ROLE_CATEGORIES, "role category"), ROLE_CATEGORIES.length, "role categories"),
    /** free text found in the role or title ("CTO", "research") */
    title: single(z.string().max(100, "A title search is at most 100 characters").optional()),
    /** destination company slugs, or ~founded (founded their own) / ~unknown (no destination on record) */
    destination: list(z.union([z.literal(DESTINATION_FOUNDED), z.literal(DESTINATION_UNKNOWN), slug]), 20, "destinations"),
    kind: list(enumValue(EVENT_KINDS, "kind"), EVENT_KINDS.length, "kinds"),
    /** tag slugs (lib/domain/tags.ts); any of them */
    tag: list(z.string().max(100, "A tag is at most 100 characters"), 10, "tags"),
    /** "1": a company also means its units and the names it was renamed from or to (Google → Google DeepMind) */
    units: single(z.enum(["1", "0"], { error: "units is 1 (include related companies) or 0" }).optional()).transform((v) => v === "1"),
    from: single(dateBound("From").optional()),
    to: single(dateBound("To").optional()),
    /** statuses to show; "all" includes retracted; absent = everything but retracted */
    status: z
      .preprocess(
        (v) => {
          const values = valuesOf(v);
          return values.includes("all") ? [...EVENT_STATUSES] : values;
        },
        z.array(enumValue(EVENT_STATUSES, "status")),
      )
      .transform((s) => (s.length ? EVENT_STATUSES.filter((x) => s.includes(x)) : DEFAULT_STATUSES)),
    /** a name in any script, matched against every alias of people and companies */
    q: single(z.string().max(100, "A search is at most 100 characters").optional()),
    sort: single(enumValue(EVENT_SORTS, "sort").default("newest")),
    cursor: single(
      z
        .string()
        .max(1000, "This page link is not valid: start again from the first page")
        .transform((text, ctx) => {
          const cursor = decodeCursor(text);
          if (!cursor) ctx.addIssue({ code: "custom", message: "This page link is not valid: start again from the first page" });
          return cursor ?? undefined;
        })
        .optional(),
    ),
    limit: single(
      z.coerce
        .number({ error: "limit must be a whole number" })
        .int("limit must be a whole number")
        .min(1, "limit is at least 1")
        .max(MAX_LIMIT, `limit is at most ${MAX_LIMIT}`)
        .default(DEFAULT_LIMIT),
    ),
    /** page only: how results are shown */
    view: single(enumValue(EVENT_VIEWS, "view").default("timeline")),
    /** API only: JSON (default) or CSV of every matching row */
    format: single(enumValue(["json", "csv"] as const, "format").default("json")),
    /** CSV only: "1" starts the file with a UTF-8 byte order mark, so Excel reads non-Latin names correctly */
    bom: single(z.enum(["1", "0"], { error: "bom is 1 (start the CSV with a UTF-8 byte order mark) or 0" }).optional()).transform((v) => v === "1"),
  })
  .superRefine((q, ctx) => {
    const from = q.from ? parseRangeBound(q.from) : null;
    const to = q.to ? parseRangeBound(q.to) : null;
    const error = from?.ok && to?.ok ? rangeError(from.date, to.date) : null;
    if (error) ctx.addIssue({ code: "custom", path: ["to"], message: error });
    if (q.cursor && q.cursor.sort !== q.sort) {
      ctx.addIssue({ code: "custom", path: ["cursor"], message: "This page link belongs to another sort order: start again from the first page" });
    }
  });

export type EventQuery = z.output<typeof eventQuerySchema>;
/** The filters alone: what decides which events match, whatever the page, sort or format. */
export const FILTER_KEYS = ["person", "company", "role", "title", "destination", "kind", "tag", "units", "from", "to", "status", "q"] as const;
export type EventFilters = Pick<EventQuery, (typeof FILTER_KEYS)[number]>;
export type QueryFieldErrors = Partial<Record<keyof EventQuery, string[]>>;

export type ParsedEventQuery = { ok: true; query: EventQuery } | { ok: false; fieldErrors: QueryFieldErrors; raw: RawParams };

/**
 * Search params as a record with no prototype, holding only the params' own keys: a query key named
 * like an Object.prototype member (`?constructor=1`, `?toString=1`, `?__proto__=1`) is then an unknown
 * param like any other, ignored by the schema, instead of an inherited function the parser trips over.
 */
export function paramsToRecord(params: URLSearchParams | RawParams): RawParams {
  const out: Record<string, string[]> = Object.create(null);
  const add = (k: string, v: string) => {
    if (Object.hasOwn(out, k)) out[k].push(v);
    else out[k] = [v];
  };
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) add(k, v);
    return out;
  }
  for (const k of Object.keys(params)) {
    const v = params[k];
    for (const item of Array.isArray(v) ? v : v === undefined ? [] : [v]) if (typeof item === "string") add(k, item);
  }
  return out;
}

/**
 * Params holding a control character (NUL, which PostgreSQL refuses in any text) or a lone surrogate
 * cannot match anything stored: a field error each, before the schema sees them.
 */
function unstorableParams(raw: RawParams, known: object): Record<string, string[]> | null {
  let out: Record<string, string[]> | null = null;
  for (const key of Object.keys(raw).filter((k) => Object.hasOwn(known, k))) {
    const v = raw[key];
    if ((Array.isArray(v) ? v : [v ?? ""]).some((item) => !isStorable(item, "single-line"))) (out ??= {})[key] = [`${key} ${UNSTORABLE_MESSAGE}`];
  }
  return out;
}

export function parseEventQuery(params: URLSearchParams | RawParams): ParsedEventQuery {
  const raw = paramsToRecord(params);
  const unstorable = unstorableParams(raw, eventQuerySchema.shape);
  if (unstorable) return { ok: false, fieldErrors: unstorable as QueryFieldErrors, raw };
  const parsed = eventQuerySchema.safeParse(raw);
  if (parsed.success) return { ok: true, query: parsed.data };
  return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors as QueryFieldErrors, raw };
}

/** Everything a parse with no params gives: the unfiltered first page. */
export const DEFAULT_QUERY: EventQuery = eventQuerySchema.parse({});

// ---- values → search params ----------------------------------------------------------------------

/**
 * The canonical URL params for a query, defaults left out, so links, chips and the form produce the
 * same URLs. `overrides` replace fields (e.g. a chip removes one value, a page link sets the cursor).
 */
export function toSearchParams(query: Partial<EventQuery>, overrides: Partial<EventQuery> = {}): URLSearchParams {
  const q = { ...query, ...overrides };
  const out = new URLSearchParams();
  const add = (key: string, values: readonly string[] | string | undefined) => {
    for (const v of typeof values === "string" ? [values] : (values ?? [])) out.append(key, v);
  };
  add("q", q.q);
  add("person", q.person);
  add("company", q.company);
  add("role", q.role);
  add("title", q.title);
  add("destination", q.destination);
  add("kind", q.kind);
  add("tag", q.tag);
  if (q.units) add("units", "1");
  add("from", q.from);
  add("to", q.to);
  if (q.status && !sameSet(q.status, DEFAULT_STATUSES)) add("status", sameSet(q.status, EVENT_STATUSES) ? "all" : q.status);
  if (q.view && q.view !== "timeline") add("view", q.view);
  if (q.sort && q.sort !== "newest") add("sort", q.sort);
  if (q.limit && q.limit !== DEFAULT_LIMIT) add("limit", String(q.limit));
  if (q.cursor) add("cursor", encodeCursor(q.cursor));
  if (q.format && q.format !== "json") add("format", q.format);
  if (q.bom) add("bom", "1");
  return out;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** "?company=openai&role=research" or "" — for hrefs. */
export function queryString(query: Partial<EventQuery>, overrides: Partial<EventQuery> = {}): string {
  const s = toSearchParams(query, overrides).toString();
  return s ? `?${s}` : "";
}

/** The filters of a query, without paging, sort or presentation. */
export function filtersOf(q: EventQuery): EventFilters {
  // every filter key, and nothing else of the query (sort, view, paging): one list, FILTER_KEYS
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, q[key]])) as EventFilters;
}

/** True when any filter differs from showing everything (retracted hidden). */
export function hasActiveFilters(f: EventFilters): boolean {
  return (
    f.person.length + f.company.length + f.role.length + f.destination.length + f.kind.length + f.tag.length > 0 ||
    !!(f.title || f.from || f.to || f.q) ||
    !sameSet(f.status, DEFAULT_STATUSES)
  );
}

// ---- name lookups (GET /api/people, GET /api/companies) ---------------------------------------------

export const LOOKUP_LIMIT_MAX = 50;

export const lookupQuerySchema = z.object({
  q: single(z.string({ error: "q is required: a name or part of one, in any script" }).max(100, "A search is at most 100 characters")),
  limit: single(
    z.coerce
      .number({ error: "limit must be a whole number" })
      .int("limit must be a whole number")
      .min(1, "limit is at least 1")
      .max(LOOKUP_LIMIT_MAX, `limit is at most ${LOOKUP_LIMIT_MAX}`)
      .default(10),
  ),
});

export type LookupQuery = z.output<typeof lookupQuerySchema>;

export function parseLookupQuery(
  params: URLSearchParams,
): { ok: true; query: LookupQuery } | { ok: false; fieldErrors: Record<string, string[] | undefined> } {
  const raw = paramsToRecord(params);
  const unstorable = unstorableParams(raw, lookupQuerySchema.shape);
  if (unstorable) return { ok: false, fieldErrors: unstorable };
  const parsed = lookupQuerySchema.safeParse(raw);
  return parsed.success ? { ok: true, query: parsed.data } : { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
}
