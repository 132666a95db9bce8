/**
 * Tags: a claim's are stored with it (ClaimTag); an event carries the tags of its active claims (EventTag),
 * kept by recomputeEvent so a retracted claim's tags leave the event with it.
 */
import { uniqueTags } from "@/lib/domain/tags";
import type { Tx } from "@/lib/db-factory";

export async function tagClaim(tx: Tx, claimId: number, names: readonly string[]) {
  for (const { slug, name } of uniqueTags(names)) {
    const tag = await tx.tag.upsert({ where: { slug }, create: { slug, name }, update: {}, select: { id: true } });
    await tx.claimTag.upsert({
      where: { claimId_tagId: { claimId, tagId: tag.id } },
      create: { claimId, tagId: tag.id },
      update: {},
    });
  }
}

/** Make the event's tags exactly those of its active claims. */
export async function syncEventTags(tx: Tx, eventId: number) {
  const wanted = await tx.claimTag.findMany({
    where: { claim: { eventId, state: "active" } },
    distinct: ["tagId"],
    select: { tagId: true },
  });
  const want = new Set(wanted.map((t) => t.tagId));
  const have = await tx.eventTag.findMany({ where: { eventId }, select: { tagId: true } });
  const gone = have.filter((t) => !want.has(t.tagId)).map((t) => t.tagId);
  if (gone.length > 0) await tx.eventTag.deleteMany({ where: { eventId, tagId: { in: gone } } });
  const haveIds = new Set(have.map((t) => t.tagId));
  const added = [...want].filter((id) => !haveIds.has(id));
  if (added.length > 0) await tx.eventTag.createMany({ data: added.map((tagId) => ({ eventId, tagId })) });
}
