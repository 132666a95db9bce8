import Link from "next/link";
import { describeRange, parseRangeBound } from "@/lib/domain/date-range";
import { queryString, type EventQuery } from "@/lib/validation/event-filters";
import { DEFAULT_STATUSES } from "@/lib/validation/filter-constants";
import { companyLabel, kindLabel, roleLabel, STATUS_LABELS } from "./labels";

interface Chip {
  key: string;
  label: string;
  /** the same view without this value (and back on the first page) */
  href: string;
}

const bound = (text?: string) => {
  const r = text ? parseRangeBound(text) : null;
  return r?.ok ? r.date : null;
};

/** One chip per active filter value, each a link that removes it: works with and without JavaScript. */
export function activeChips(query: EventQuery, names: Map<string, string>, basePath = "/"): Chip[] {
  const base = { ...query, cursor: undefined };
  const href = (overrides: Partial<EventQuery>) => `${basePath}${queryString(base, overrides)}`;
  const without = <K extends "person" | "company" | "role" | "destination" | "kind" | "tag">(key: K, value: string) =>
    href({ [key]: (query[key] as string[]).filter((v) => v !== value) } as Partial<EventQuery>);
  const chips: Chip[] = [];
  if (query.q) chips.push({ key: "q", label: `Search: “${query.q}”`, href: href({ q: undefined }) });
  for (const p of query.person)
    chips.push({ key: `person-${p}`, label: `Person: ${names.get(`person:${p}`) ?? names.get(p) ?? p}`, href: without("person", p) });
  for (const c of query.company) chips.push({ key: `company-${c}`, label: `Left: ${companyLabel(c, names)}`, href: without("company", c) });
  if (query.units) chips.push({ key: "units", label: "Including units and former names", href: href({ units: false }) });
  for (const t of query.tag) chips.push({ key: `tag-${t}`, label: `Tag: ${t}`, href: without("tag", t) });
  for (const r of query.role) chips.push({ key: `role-${r}`, label: `Role: ${roleLabel(r)}`, href: without("role", r) });
  if (query.title) chips.push({ key: "title", label: `Title contains “${query.title}”`, href: href({ title: undefined }) });
  for (const d of query.destination) chips.push({ key: `dest-${d}`, label: `To: ${companyLabel(d, names)}`, href: without("destination", d) });
  for (const k of query.kind) chips.push({ key: `kind-${k}`, label: `Kind: ${kindLabel(k)}`, href: without("kind", k) });
  if (query.from || query.to) {
    chips.push({ key: "dates", label: `Date: ${describeRange(bound(query.from), bound(query.to))}`, href: href({ from: undefined, to: undefined }) });
  }
  const sameAsDefault = query.status.length === DEFAULT_STATUSES.length && query.status.every((s) => DEFAULT_STATUSES.includes(s));
  if (!sameAsDefault) {
    chips.push({
      key: "status",
      label: `Status: ${query.status.map((s) => STATUS_LABELS[s] ?? s).join(", ")}`,
      href: href({ status: DEFAULT_STATUSES }),
    });
  }
  return chips;
}

export function FilterChips({ query, names, basePath = "/" }: { query: EventQuery; names: Map<string, string>; basePath?: string }) {
  const chips = activeChips(query, names, basePath);
  if (chips.length === 0) return <p className="text-sm text-stone-600">No filters: showing every event except retracted ones.</p>;
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Active filters">
      <ul className="flex flex-wrap gap-2">
        {chips.map((c) => (
          <li key={c.key}>
            <Link
              href={c.href}
              scroll={false}
              aria-label={`Remove filter ${c.label}`}
              className="inline-flex items-center gap-1 rounded-full bg-sky-50 px-2.5 py-0.5 text-sm text-sky-900 ring-1 ring-inset ring-sky-300 hover:bg-sky-100"
              data-testid="filter-chip"
            >
              <span lang={/[\u3040-\u30ff\u4e00-\u9fff]/.test(c.label) ? "ja" : undefined}>{c.label}</span>
              <span aria-hidden="true" className="text-sky-700">
                ×
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <Link
        href={`${basePath}${queryString({ view: query.view, sort: query.sort, limit: query.limit })}`}
        scroll={false}
        className="text-sm text-stone-700 underline"
      >
        Clear all
      </Link>
    </div>
  );
}
