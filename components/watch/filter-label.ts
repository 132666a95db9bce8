/** A filter's name for a watch or a feed title: what its chips say ("Mira Murati · Kind: Departed"). */
import { activeChips } from "@/components/filters/filter-chips";
import type { Db } from "@/lib/db-factory";
import type { EventFilters, EventQuery } from "@/lib/validation/event-filters";

export function filterLabel(query: EventQuery, names: Map<string, string>): string {
  // people by name first ("Mira Murati · Kind: Departed"), not as "Person: …" chips
  const chips = activeChips(query, names).filter((c) => !c.key.startsWith("person-"));
  const parts = [...query.person.map((p) => names.get(`person:${p}`) ?? p), ...chips.map((c) => c.label)];
  return parts.length ? parts.join(" · ").slice(0, 200) : "All events";
}

/** Names for the slugs a filter holds: companies by slug, people as `person:slug`. */
export async function filterNames(db: Db, f: Pick<EventFilters, "person" | "company" | "destination">): Promise<Map<string, string>> {
  const slugs = [...f.company, ...f.destination.filter((d) => !d.startsWith("~"))];
  const [companies, people] = await Promise.all([
    slugs.length ? db.company.findMany({ where: { slug: { in: slugs } }, select: { slug: true, name: true } }) : [],
    f.person.length ? db.person.findMany({ where: { slug: { in: f.person } }, select: { slug: true, name: true } }) : [],
  ]);
  return new Map([...companies.map((c) => [c.slug, c.name] as const), ...people.map((p) => [`person:${p.slug}`, p.name] as const)]);
}
