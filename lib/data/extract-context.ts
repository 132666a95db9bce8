/**
 * What the article extractor needs from the database: every recorded person and company with all their
 * aliases (so a name written in any script, or katakana spelled another way, is matched), the recorded
 * events of the people it matched (so a proposal repeating one says so), and the proposals editors
 * rejected for a source (so a second paste does not propose them again). Reads only.
 */
import type { Db } from "@/lib/db-factory";
import type { ExtractContext, Proposal, RecordedEvent } from "@/lib/extract/types";

export async function loadKnownNames(db: Db): Promise<Pick<ExtractContext, "people" | "companies">> {
  const [people, companies] = await Promise.all([
    db.person.findMany({ select: { id: true, name: true, aliases: { select: { name: true } } } }),
    db.company.findMany({ select: { id: true, name: true, aliases: { select: { name: true } } } }),
  ]);
  return {
    people: people.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases.map((a) => a.name) })),
    companies: companies.map((c) => ({ id: c.id, name: c.name, aliases: c.aliases.map((a) => a.name) })),
  };
}

/** Fingerprints of proposals rejected for this source. */
export async function rejectedFingerprints(db: Db, sourceId: number): Promise<Set<string>> {
  const rows = await db.rejectedProposal.findMany({ where: { sourceId }, select: { fingerprint: true } });
  return new Set(rows.map((r) => r.fingerprint));
}

/** The recorded events of the people the proposals matched, with the excerpts of their active claims. */
export async function recordedEventsFor(db: Db, proposals: Proposal[]): Promise<RecordedEvent[]> {
  const personIds = [...new Set(proposals.map((p) => p.person.known?.id).filter((id): id is number => id !== undefined))];
  if (personIds.length === 0) return [];
  const events = await db.event.findMany({
    where: { personId: { in: personIds } },
    select: { id: true, personId: true, companyId: true, kind: true, claims: { where: { state: "active" }, select: { excerpt: true } } },
  });
  return events.map((e) => ({ eventId: e.id, personId: e.personId, companyId: e.companyId, kind: e.kind, excerpts: e.claims.map((c) => c.excerpt) }));
}
