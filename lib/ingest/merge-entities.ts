/**
 * Merge two people (or two companies) that are one: the duplicate's aliases, identifiers, events (and so
 * claims), managed-by links, arrivals and relations move to the kept record, the duplicate's slug
 * redirects there, and positions are rebuilt, in one transaction, logged with everything moved so a
 * revert puts each row back. Split is the reverse for a wrongly merged spelling: the alias and the events
 * the editor picks move to a new record.
 */
import { slugify } from "@/lib/domain/names";
import type { Tx } from "@/lib/db-factory";
import type { Actor } from "./actor";
import { logChange } from "./change-log";
import { IngestError } from "./ingest-error";
import type { EntityKind } from "./match-entities";
import { rebuildPositions, recomputeEvent } from "./recompute-event";
import { moveEventsCounted } from "./rollups";

export interface MergeSnapshot {
  kind: EntityKind;
  from: { id: number; slug: string; name: string; kind?: string; foundedAt?: string | null; createdAt: string };
  intoId: number;
  movedAliasIds: number[];
  droppedAliases: { key: string; name: string }[];
  externalIdIds: number[];
  eventIds: number[];
  arrivalEventIds: number[];
  claimDestinationIds: number[];
  managedClaimIds: number[];
  relationsFrom: number[];
  relationsTo: number[];
  redirectIds: number[];
}

const label = (kind: EntityKind) => (kind === "person" ? "person" : "company");

async function entity(tx: Tx, kind: EntityKind, id: number) {
  const row = kind === "person" ? await tx.person.findUnique({ where: { id } }) : await tx.company.findUnique({ where: { id } });
  if (!row) throw new IngestError({ [kind]: [`No ${label(kind)} has id ${id}`] });
  return row as { id: number; slug: string; name: string; kind?: string; foundedAt?: string | null; createdAt: Date };
}

async function recomputeAll(tx: Tx, eventIds: number[]) {
  for (const id of [...new Set(eventIds)]) await recomputeEvent(tx, id);
}

/** Move everything of `fromId` onto `intoId` and delete `fromId`; returns what moved (for the log and a revert). */
export async function mergeIn(tx: Tx, kind: EntityKind, fromId: number, intoId: number): Promise<MergeSnapshot> {
  if (fromId === intoId) throw new IngestError({ into: ["Pick another record: a record cannot be merged into itself"] });
  const from = await entity(tx, kind, fromId);
  await entity(tx, kind, intoId); // the record to keep must exist
  const isPerson = kind === "person";
  const aliases = isPerson
    ? await tx.personAlias.findMany({ where: { personId: fromId } })
    : await tx.companyAlias.findMany({ where: { companyId: fromId } });
  const keep = new Set(
    (isPerson
      ? await tx.personAlias.findMany({ where: { personId: intoId } })
      : await tx.companyAlias.findMany({ where: { companyId: intoId } })
    ).map((a) => a.key),
  );
  const moved = aliases.filter((a) => !keep.has(a.key));
  const dropped = aliases.filter((a) => keep.has(a.key));
  const owner = isPerson ? { personId: intoId } : { companyId: intoId };
  if (isPerson) await tx.personAlias.updateMany({ where: { id: { in: moved.map((a) => a.id) } }, data: owner as { personId: number } });
  else await tx.companyAlias.updateMany({ where: { id: { in: moved.map((a) => a.id) } }, data: owner as { companyId: number } });
  const externalIds = await tx.externalId.findMany({ where: isPerson ? { personId: fromId } : { companyId: fromId }, select: { id: true } });
  await tx.externalId.updateMany({ where: { id: { in: externalIds.map((e) => e.id) } }, data: owner });

  const events = await tx.event.findMany({ where: isPerson ? { personId: fromId } : { companyId: fromId }, select: { id: true } });
  await moveEventsCounted(
    tx,
    events.map((e) => e.id),
    owner,
  );
  let arrivals: { id: number }[] = [];
  let claimDestinations: { id: number }[] = [];
  let managed: { id: number; eventId: number }[] = [];
  let relationsFrom: { id: number }[] = [];
  let relationsTo: { id: number }[] = [];
  if (isPerson) {
    managed = await tx.claim.findMany({ where: { reportsToPersonId: fromId }, select: { id: true, eventId: true } });
    await tx.claim.updateMany({ where: { reportsToPersonId: fromId }, data: { reportsToPersonId: intoId } });
  } else {
    arrivals = await tx.event.findMany({ where: { destinationId: fromId }, select: { id: true } });
    // before the duplicate goes: its deletion would null these behind the rollup's back
    await moveEventsCounted(
      tx,
      arrivals.map((e) => e.id),
      { destinationId: intoId },
    );
    claimDestinations = await tx.claim.findMany({ where: { destinationId: fromId }, select: { id: true } });
    await tx.claim.updateMany({ where: { destinationId: fromId }, data: { destinationId: intoId } });
    relationsFrom = await tx.companyRelation.findMany({ where: { fromId, NOT: { toId: intoId } }, select: { id: true } });
    relationsTo = await tx.companyRelation.findMany({ where: { toId: fromId, NOT: { fromId: intoId } }, select: { id: true } });
    await tx.companyRelation.updateMany({ where: { id: { in: relationsFrom.map((r) => r.id) } }, data: { fromId: intoId } });
    await tx.companyRelation.updateMany({ where: { id: { in: relationsTo.map((r) => r.id) } }, data: { toId: intoId } });
  }
  const redirects = await tx.slugRedirect.findMany({ where: { kind, toId: fromId }, select: { id: true } });
  await tx.slugRedirect.updateMany({ where: { kind, toId: fromId }, data: { toId: intoId } });
  // what still points at the duplicate is derived (positions) or a relation between the two: it goes with it
  if (isPerson) await tx.person.delete({ where: { id: fromId } });
  else await tx.company.delete({ where: { id: fromId } });
  const redirect = await tx.slugRedirect.upsert({
    where: { kind_fromSlug: { kind, fromSlug: from.slug } },
    create: { kind, fromSlug: from.slug, toId: intoId },
    update: { toId: intoId },
  });
  await recomputeAll(tx, [...events.map((e) => e.id), ...arrivals.map((e) => e.id), ...managed.map((c) => c.eventId)]);
  return {
    kind,
    from: {
      id: from.id,
      slug: from.slug,
      name: from.name,
      kind: from.kind,
      foundedAt: from.foundedAt ?? null,
      createdAt: from.createdAt.toISOString(),
    },
    intoId,
    movedAliasIds: moved.map((a) => a.id),
    droppedAliases: dropped.map((a) => ({ key: a.key, name: a.name })),
    externalIdIds: externalIds.map((e) => e.id),
    eventIds: events.map((e) => e.id),
    arrivalEventIds: arrivals.map((e) => e.id),
    claimDestinationIds: claimDestinations.map((c) => c.id),
    managedClaimIds: managed.map((c) => c.id),
    relationsFrom: relationsFrom.map((r) => r.id),
    relationsTo: relationsTo.map((r) => r.id),
    redirectIds: [...redirects.map((r) => r.id), redirect.id],
  };
}

/** Put a merged record back as it was (the revert of a merge). */
export async function unmergeIn(tx: Tx, s: MergeSnapshot) {
  const isPerson = s.kind === "person";
  const slugTaken = isPerson
    ? await tx.person.findUnique({ where: { slug: s.from.slug } })
    : await tx.company.findUnique({ where: { slug: s.from.slug } });
  if (slugTaken) throw new IngestError({ changeId: [`The slug ${s.from.slug} is in use again: the merge cannot be reverted`] });
  const base = { id: s.from.id, slug: s.from.slug, name: s.from.name, createdAt: new Date(s.from.createdAt) };
  if (isPerson) await tx.person.create({ data: base });
  else await tx.company.create({ data: { ...base, kind: (s.from.kind ?? "company") as "company", foundedAt: s.from.foundedAt ?? null } });
  const owner = isPerson ? { personId: s.from.id } : { companyId: s.from.id };
  if (isPerson) {
    await tx.personAlias.updateMany({ where: { id: { in: s.movedAliasIds } }, data: owner as { personId: number } });
    for (const a of s.droppedAliases) await tx.personAlias.create({ data: { personId: s.from.id, key: a.key, name: a.name } });
    await tx.claim.updateMany({ where: { id: { in: s.managedClaimIds } }, data: { reportsToPersonId: s.from.id } });
  } else {
    await tx.companyAlias.updateMany({ where: { id: { in: s.movedAliasIds } }, data: owner as { companyId: number } });
    for (const a of s.droppedAliases) await tx.companyAlias.create({ data: { companyId: s.from.id, key: a.key, name: a.name } });
    await tx.claim.updateMany({ where: { id: { in: s.claimDestinationIds } }, data: { destinationId: s.from.id } });
    await tx.companyRelation.updateMany({ where: { id: { in: s.relationsFrom } }, data: { fromId: s.from.id } });
    await tx.companyRelation.updateMany({ where: { id: { in: s.relationsTo } }, data: { toId: s.from.id } });
  }
  await tx.externalId.updateMany({ where: { id: { in: s.externalIdIds } }, data: owner });
  await moveEventsCounted(tx, s.eventIds, owner);
  await tx.slugRedirect.deleteMany({ where: { kind: s.kind, fromSlug: s.from.slug } });
  await tx.slugRedirect.updateMany({ where: { id: { in: s.redirectIds } }, data: { toId: s.from.id } });
  // positions of the kept record at those companies lose the moved events: rebuild both sides
  const touched = await tx.event.findMany({ where: { id: { in: [...s.eventIds, ...s.arrivalEventIds] } }, select: { id: true } });
  const managed = await tx.claim.findMany({ where: { id: { in: s.managedClaimIds } }, select: { eventId: true } });
  await recomputeAll(tx, [...touched.map((e) => e.id), ...managed.map((c) => c.eventId)]);
  const keptEvents = await tx.event.findMany({ where: isPerson ? { personId: s.intoId } : { companyId: s.intoId }, select: { id: true } });
  await recomputeAll(
    tx,
    keptEvents.map((e) => e.id),
  );
  await rebuildSubjects(tx, s.kind, s.intoId, s.eventIds);
}

/** Rebuild the positions `ownerId` held beside the given events, which have just moved to another record. */
async function rebuildSubjects(tx: Tx, kind: EntityKind, ownerId: number, movedEventIds: number[]) {
  const moved = await tx.event.findMany({ where: { id: { in: movedEventIds } }, select: { personId: true, companyId: true } });
  const others = new Set(moved.map((e) => (kind === "person" ? e.companyId : e.personId)));
  for (const other of others) await (kind === "person" ? rebuildPositions(tx, ownerId, other) : rebuildPositions(tx, other, ownerId));
}

export async function mergeEntities(tx: Tx, kind: EntityKind, fromSlug: string, intoSlug: string, actor: Actor) {
  const find = (slug: string) =>
    kind === "person"
      ? tx.person.findUnique({ where: { slug }, select: { id: true, name: true } })
      : tx.company.findUnique({ where: { slug }, select: { id: true, name: true } });
  const [from, into] = await Promise.all([find(fromSlug), find(intoSlug)]);
  if (!from) throw new IngestError({ from: [`No ${label(kind)} has the slug ${fromSlug}`] });
  if (!into)
    throw new IngestError({
      into: [`No ${label(kind)} has the slug ${intoSlug}: use the address of its page (/${kind === "person" ? "people" : "companies"}/SLUG)`],
    });
  const snapshot = await mergeIn(tx, kind, from.id, into.id);
  const changeId = await logChange(tx, {
    actor,
    action: kind === "person" ? "merge_people" : "merge_companies",
    eventId: null,
    summary: `Merged ${from.name} (${fromSlug}) into ${into.name} (${intoSlug}): ${snapshot.eventIds.length} events, ${snapshot.movedAliasIds.length + snapshot.droppedAliases.length} spellings`,
    before: snapshot,
    after: { intoId: into.id },
  });
  return { changeId, intoSlug, snapshot };
}

/** A wrongly merged spelling becomes its own record, taking the events the editor picked. */
export async function splitAlias(tx: Tx, kind: EntityKind, ownerSlug: string, aliasId: number, eventIds: number[], actor: Actor) {
  const isPerson = kind === "person";
  const owner = isPerson ? await tx.person.findUnique({ where: { slug: ownerSlug } }) : await tx.company.findUnique({ where: { slug: ownerSlug } });
  if (!owner) throw new IngestError({ owner: [`No ${label(kind)} has the slug ${ownerSlug}`] });
  const alias = isPerson ? await tx.personAlias.findUnique({ where: { id: aliasId } }) : await tx.companyAlias.findUnique({ where: { id: aliasId } });
  const aliasOwner = alias ? ("personId" in alias ? alias.personId : alias.companyId) : null;
  if (!alias || aliasOwner !== owner.id) throw new IngestError({ aliasId: ["Pick one of this record's spellings"] });
  if (alias.name === owner.name) throw new IngestError({ aliasId: ["The record's own name cannot be split off: pick another spelling"] });
  const events = await tx.event.findMany({ where: { id: { in: eventIds } }, select: { id: true, personId: true, companyId: true } });
  if (events.length !== eventIds.length || events.some((e) => (isPerson ? e.personId : e.companyId) !== owner.id))
    throw new IngestError({ eventIds: ["Pick events of this record"] });
  let slug = slugify(alias.name);
  for (let i = 2; isPerson ? await tx.person.findUnique({ where: { slug } }) : await tx.company.findUnique({ where: { slug } }); i++)
    slug = `${slugify(alias.name)}-${i}`;
  const created = isPerson
    ? await tx.person.create({ data: { name: alias.name, slug } })
    : await tx.company.create({ data: { name: alias.name, slug } });
  const to = isPerson ? { personId: created.id } : { companyId: created.id };
  if (isPerson) await tx.personAlias.update({ where: { id: aliasId }, data: to as { personId: number } });
  else await tx.companyAlias.update({ where: { id: aliasId }, data: to as { companyId: number } });
  await moveEventsCounted(tx, eventIds, to);
  const remaining = await tx.event.findMany({ where: isPerson ? { personId: owner.id } : { companyId: owner.id }, select: { id: true } });
  await recomputeAll(tx, [...eventIds, ...remaining.map((e) => e.id)]);
  await rebuildSubjects(tx, kind, owner.id, eventIds);
  const changeId = await logChange(tx, {
    actor,
    action: "split_alias",
    eventId: null,
    summary: `Split “${alias.name}” off ${owner.name} as a new ${label(kind)} (${slug}) with ${eventIds.length} events`,
    before: { kind, ownerId: owner.id, aliasId, eventIds },
    after: { kind, newId: created.id, slug },
  });
  return { changeId, slug };
}
