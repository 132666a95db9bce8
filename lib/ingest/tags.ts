/**
 * Tags: a claim's are stored with it (ClaimTag); an event carries the tags of its active claims (EventTag),
 * kept by recomputeEvent so a retracted claim's tags leave the event with it.
 */
import { uniqueTags } from "@/lib/domain/tags";
import type { Tx } from "@/lib/db-factory";
import { insertRows } from "@/lib/db/insert-rows";

export async function tagClaim(tx: Tx, claimId: number, names: readonly string[]) {
  await tagClaims(tx, [{ claimId, names }]);
}

/** Tag new claims set-wise: tags are created on first use (named as first written), each claim's stored once. */
export async function tagClaims(tx: Tx, claims: { claimId: number; names: readonly string[] }[]) {
  const wanted = claims.map((c) => ({ claimId: c.claimId, tags: uniqueTags(c.names) }));
  const names = new Map<string, string>();
  for (const { slug, name } of wanted.flatMap((w) => w.tags)) if (!names.has(slug)) names.set(slug, name);
  if (names.size === 0) return;
  const find = () => tx.tag.findMany({ where: { slug: { in: [...names.keys()] } }, select: { id: true, slug: true } });
  const known = new Set((await find()).map((t) => t.slug));
  const missing = [...names].filter(([slug]) => !known.has(slug));
  if (missing.length > 0) await tx.tag.createMany({ data: missing.map(([slug, name]) => ({ slug, name })) });
  const ids = new Map((await find()).map((t) => [t.slug, t.id]));
  const rows = wanted.flatMap((w) => w.tags.map((t) => ({ claimId: w.claimId, tagId: ids.get(t.slug)! })));
  const have = await tx.claimTag.findMany({ where: { claimId: { in: claims.map((c) => c.claimId) } }, select: { claimId: true, tagId: true } });
  const stored = new Set(have.map((t) => `${t.claimId}:${t.tagId}`));
  const added = rows.filter((r) => !stored.has(`${r.claimId}:${r.tagId}`));
  await insertRows(tx, "ClaimTag", added, null);
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
  await insertRows(tx, "EventTag", added, null);
}
