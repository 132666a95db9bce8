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

/** Make each event's tags exactly those of its active claims. */
export async function syncEventTags(tx: Tx, eventIds: number[]) {
  if (eventIds.length === 0) return;
  const wanted = await tx.claimTag.findMany({
    where: { claim: { eventId: { in: eventIds }, state: "active" } },
    select: { tagId: true, claim: { select: { eventId: true } } },
  });
  const pair = (eventId: number, tagId: number) => `${eventId}:${tagId}`;
  const want = new Map(wanted.map((t) => [pair(t.claim.eventId, t.tagId), { eventId: t.claim.eventId, tagId: t.tagId }]));
  const have = await tx.eventTag.findMany({ where: { eventId: { in: eventIds } }, select: { eventId: true, tagId: true } });
  const haveKeys = new Set(have.map((t) => pair(t.eventId, t.tagId)));
  const gone = have.filter((t) => !want.has(pair(t.eventId, t.tagId)));
  if (gone.length > 0) await tx.eventTag.deleteMany({ where: { OR: gone.map((t) => ({ eventId: t.eventId, tagId: t.tagId })) } });
  const added = [...want].filter(([key]) => !haveKeys.has(key)).map(([, t]) => t);
  if (added.length > 0) await tx.eventTag.createMany({ data: added });
}
