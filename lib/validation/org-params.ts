/**
 * Query parameters of the org chart: the page, GET /api/companies/[slug]/org(/diff) and the SVG export
 * parse with these, so a bad date gets the same message everywhere (400 with field errors in the API).
 */
import { z } from "zod";
import { parsePartialDate, todayIso } from "@/lib/domain/partial-date";
import { fieldErrorsOf, type FieldErrors } from "./field-errors";
import { ROLE_CATEGORIES } from "@/lib/domain/vocabulary";

/** A calendar day, YYYY-MM-DD, that exists and is not in the future (a chart of tomorrow would be a guess). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (text: string) => DAY.test(text) && parsePartialDate(text).ok;

export const orgDay = z
  .string({ error: "Enter a date" })
  .trim()
  .superRefine((text, ctx) => {
    if (text === "") {
      ctx.addIssue({ code: "custom", message: "Enter a date" });
      return;
    }
    if (!DAY.test(text)) {
      ctx.addIssue({ code: "custom", message: `"${text}" is not a day: use YYYY-MM-DD, e.g. 2024-01-01` });
      return;
    }
    const parsed = parsePartialDate(text);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
    else if (text > todayIso()) ctx.addIssue({ code: "custom", message: `${text} is in the future` });
  });

export const orgSnapshotParams = z.object({ at: orgDay.optional() });

export const orgDiffParams = z
  .object({ from: orgDay, to: orgDay })
  // compared only once both are real days, so one mistake gets one message
  .refine((p) => !isDay(p.from) || !isDay(p.to) || p.from <= p.to, { path: ["to"], message: "“To” must be on or after “from”" });

export type OrgSnapshotParams = z.infer<typeof orgSnapshotParams>;
export type OrgDiffParams = z.infer<typeof orgDiffParams>;

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** The first value of each parameter; empty strings count as absent for optional ones. */
function pick(raw: RawParams, names: string[]): Record<string, string | undefined> {
  const get = (name: string) => {
    if (raw instanceof URLSearchParams) return raw.get(name) ?? undefined;
    // own keys only: a param named like an Object.prototype member is not a value
    const v = Object.hasOwn(raw, name) ? raw[name] : undefined;
    const first = Array.isArray(v) ? v[0] : v;
    return typeof first === "string" ? first : undefined;
  };
  return Object.fromEntries(names.map((n) => [n, get(n)]));
}

export type OrgQuery =
  | { ok: true; mode: "snapshot"; at: string }
  | { ok: true; mode: "diff"; from: string; to: string }
  | { ok: false; mode: "snapshot" | "diff"; errors: FieldErrors; values: Record<string, string | undefined> };

/** Snapshot when only `at` (or nothing: today) is given; diff as soon as `from` or `to` is. */
export function parseOrgQuery(raw: RawParams): OrgQuery {
  const values = pick(raw, ["at", "from", "to"]);
  if (values.from !== undefined || values.to !== undefined) {
    const parsed = orgDiffParams.safeParse({ from: values.from ?? "", to: values.to ?? "" });
    return parsed.success ? { ok: true, mode: "diff", ...parsed.data } : { ok: false, mode: "diff", errors: fieldErrorsOf(parsed.error), values };
  }
  const parsed = orgSnapshotParams.safeParse({ at: values.at || undefined });
  return parsed.success
    ? { ok: true, mode: "snapshot", at: parsed.data.at ?? todayIso() }
    : { ok: false, mode: "snapshot", errors: fieldErrorsOf(parsed.error), values };
}

/** A role group in a URL: its category, or "none" for people with no role on record; and back. */
const NO_ROLE = "none";
export const groupParam = (group: string) => group || NO_ROLE;
export const groupOfParam = (param: string) => (param === NO_ROLE ? "" : param);

/** A large chart's open role group (`group=engineering&page=2`; `none` for people with no role on record). */
export const orgOpenParams = z.object({
  group: z.enum([...ROLE_CATEGORIES, NO_ROLE], {
    error: (issue) => `No role group "${String(issue.input)}": use one of ${[...ROLE_CATEGORIES, NO_ROLE].join(", ")}`,
  }),
  page: z.coerce
    .number({ error: "The page must be a whole number" })
    .int("The page must be a whole number")
    .min(1, "Pages start at 1")
    .max(1_000_000, "No such page")
    .default(1),
});

/** GET /api/companies/[slug]/org: a day, and optionally one role group's page of a chart drawn by group. */
export const orgApiParams = orgSnapshotParams.extend({
  group: orgOpenParams.shape.group.optional(),
  page: orgOpenParams.shape.page.optional(),
});

export type OpenGroupQuery = { ok: true; open: { group: string; page: number } | null } | { ok: false; errors: FieldErrors };

/** No group open when `group` is absent; a bad group or page is an error for the page to show, and nothing opens. */
export function parseOpenGroup(raw: RawParams): OpenGroupQuery {
  const values = pick(raw, ["group", "page"]);
  if (!values.group) return { ok: true, open: null };
  const parsed = orgOpenParams.safeParse({ group: values.group, page: values.page || undefined });
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error) };
  return { ok: true, open: { group: groupOfParam(parsed.data.group), page: parsed.data.page } };
}
