import type { Db } from "@/lib/db-factory";

/** Rows a write could create, compared before and after to prove that nothing was stored. */
export async function rowCounts(db: Db) {
  const [people, companies, events, claims, sources, changes, aliases] = await Promise.all([
    db.person.count(),
    db.company.count(),
    db.event.count(),
    db.claim.count(),
    db.source.count(),
    db.change.count(),
    db.personAlias.count(),
  ]);
  return { people, companies, events, claims, sources, changes, aliases };
}
