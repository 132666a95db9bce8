/**
 * The CSV download's file name, saying what was filtered: departures-openai-anthropic-departed-2023-to-2024.csv.
 * Only [a-z0-9-] (safe in a Content-Disposition header on every system), at most 120 characters.
 */
import type { EventFilters } from "@/lib/validation/event-filters";
import { DESTINATION_FOUNDED, DESTINATION_UNKNOWN } from "@/lib/validation/filter-constants";

const clean = (s: string) =>
  s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

export function csvFilename(f: Partial<EventFilters>): string {
  const parts: string[] = ["departures"];
  parts.push(...(f.company ?? []));
  const to = (f.destination ?? []).map((d) => (d === DESTINATION_FOUNDED ? "founded" : d === DESTINATION_UNKNOWN ? "destination-unknown" : d));
  if (to.length) parts.push("to", ...to);
  parts.push(...(f.role ?? []), ...(f.kind ?? []));
  if (f.title) parts.push("title", f.title);
  if (f.q) parts.push("matching", f.q);
  if (f.from || f.to) parts.push(f.from && f.to ? `${f.from}-to-${f.to}` : f.from ? `from-${f.from}` : `to-${f.to}`);
  const name = parts.map(clean).filter(Boolean).join("-").slice(0, 120).replace(/-+$/, "");
  return `${name === "departures" ? "departures-events" : name}.csv`;
}
