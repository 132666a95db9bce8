/**
 * The filter form's values and the canonical query string for them, in the same order and with the same
 * defaults left out as toSearchParams. Plain module: the server computes the key of the URL it rendered,
 * the form computes the URL it pushes, and the two must agree to the character.
 */
import { EVENT_STATUSES } from "@/lib/domain/vocabulary";
import type { ParsedEventQuery } from "@/lib/validation/event-filters";
import { DEFAULT_STATUSES } from "@/lib/validation/filter-constants";

export interface FilterValues {
  q: string;
  company: string[];
  role: string[];
  title: string;
  destination: string[];
  kind: string[];
  from: string;
  to: string;
  status: string[];
}

const isDefaultStatus = (status: string[]) =>
  status.length === 0 || (status.length === DEFAULT_STATUSES.length && DEFAULT_STATUSES.every((s) => status.includes(s)));

/** The canonical query string for the form's values: the same order and defaults as toSearchParams. */
export function filterQuery(v: FilterValues, keep: Record<string, string>): string {
  const out = new URLSearchParams();
  const add = (key: string, values: string[] | string) =>
    (typeof values === "string" ? [values] : values)
      .map((s) => s.trim())
      .filter(Boolean)
      .forEach((s) => out.append(key, s));
  add("q", v.q);
  add("company", v.company);
  add("role", v.role);
  add("title", v.title);
  add("destination", v.destination);
  add("kind", v.kind);
  add("from", v.from);
  add("to", v.to);
  const status: string[] = EVENT_STATUSES.filter((s) => v.status.includes(s));
  if (!isDefaultStatus(status)) add("status", status.length === EVENT_STATUSES.length ? "all" : status);
  for (const key of ["view", "sort", "limit"]) if (keep[key]) out.append(key, keep[key]);
  return out.toString();
}

/** What the form shows: the parsed query, or on a bad URL exactly what was sent, so it can be corrected. */
export function formValuesOf(parsed: ParsedEventQuery): FilterValues {
  if (parsed.ok) {
    const q = parsed.query;
    return {
      q: q.q ?? "",
      company: q.company,
      role: q.role,
      title: q.title ?? "",
      destination: q.destination,
      kind: q.kind,
      from: q.from ?? "",
      to: q.to ?? "",
      status: q.status,
    };
  }
  const list = (k: string) =>
    [parsed.raw[k] ?? []]
      .flat()
      .flatMap((v) => v.split(","))
      .filter(Boolean);
  const one = (k: string) => list(k)[0] ?? "";
  return {
    q: one("q"),
    company: list("company"),
    role: list("role"),
    title: one("title"),
    destination: list("destination"),
    kind: list("kind"),
    from: one("from"),
    to: one("to"),
    status: list("status"),
  };
}
