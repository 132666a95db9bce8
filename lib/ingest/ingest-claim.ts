/**
 * The one write path for evidence. The seed loader, `npm run ingest`, the form and POST /api/claims all
 * call ingestClaim: in one transaction it resolves the person and companies by any alias, finds or
 * creates the event, attaches the claim (once), recomputes the event and rebuilds positions, and logs
 * the change.
 */
import type { Db, Tx } from "@/lib/db-factory";
import type { ClaimInput } from "@/lib/validation/claim";
import { logChange } from "./change-log";
import { IngestError } from "./ingest-error";
import { claimDedupKey, preflightClaim } from "./preflight";
import { lockEvent, recomputeEvent } from "./recompute-event";
import { resolveCompany, resolvePerson, resolveSource } from "./resolve-entities";

export { claimDedupKey } from "./preflight";

export interface IngestResult {
  /** created: new event; merged: claim added to an existing event; duplicate: nothing stored */
  outcome: "created" | "merged" | "duplicate";
  eventId: number;
  claimId: number;
  created: { person: boolean; company: boolean; destination: boolean; source: boolean };
}

/** The event the submitter chose. A claim of another kind may join it: that disputes what happened. */
async function chosenEvent(tx: Tx, eventId: number, personId: number, companyId: number) {
  const event = await tx.event.findUnique({ where: { id: eventId } });
  if (!event) throw new IngestError({ eventId: [`No event has id ${eventId}`] });
  if (event.personId !== personId || event.companyId !== companyId)
    throw new IngestError({ eventId: ["That event is about a different person or company"] });
  return event.id;
}

export async function ingestInTransaction(tx: Tx, input: ClaimInput): Promise<IngestResult> {
  const editor = input.editor ?? "anonymous";
  const plan = await preflightClaim(tx, input);
  if (Object.keys(plan.problems).length > 0) throw new IngestError(plan.problems);

  const source = await resolveSource(tx, input.source);
  const person = await resolvePerson(tx, input.person);
  const company = await resolveCompany(tx, input.company);
  const destination = input.destination ? await resolveCompany(tx, input.destination) : null;
  const manager = input.reportsTo ? await resolvePerson(tx, input.reportsTo) : null;
  const created = { person: person.created, company: company.created, destination: !!destination?.created, source: source.created };

  const dedupKey = claimDedupKey({ sourceId: source.id, excerpt: input.excerpt, personId: person.id, companyId: company.id, kind: plan.kind });
  const duplicate = await tx.claim.findUnique({ where: { dedupKey }, select: { id: true, eventId: true } });
  if (duplicate) return { outcome: "duplicate", eventId: duplicate.eventId, claimId: duplicate.id, created };

  let eventId = input.eventId
    ? await chosenEvent(tx, input.eventId, person.id, company.id)
    : input.newEvent
      ? null
      : plan.suggestedEventId;
  const outcome = eventId ? "merged" : "created";
  if (!eventId) {
    eventId = (await tx.event.create({ data: { personId: person.id, companyId: company.id, kind: plan.kind, scope: plan.scope } })).id;
  }
  // Concurrent claims on one event are serialized here, before its claims are read and recomputed.
  await lockEvent(tx, eventId);
  const before = outcome === "merged" ? await tx.event.findUniqueOrThrow({ where: { id: eventId } }) : null;
  const date = plan.date.date;
  const claim = await tx.claim.create({
    data: {
      eventId,
      sourceId: source.id,
      dedupKey,
      excerpt: input.excerpt,
      translation: input.translation ?? null,
      context: input.context ?? null,
      contextTranslation: input.contextTranslation ?? null,
      kind: plan.kind,
      manner: plan.manner,
      scope: plan.scope,
      role: input.role ?? null,
      roleCategory: input.roleCategory ?? null,
      team: input.team ?? null,
      dateText: date?.text ?? null,
      datePrecision: date?.precision ?? null,
      dateEarliest: date?.earliest ?? null,
      dateLatest: date?.latest ?? null,
      dateBasis: plan.date.basis,
      datePhrase: plan.date.phrase,
      destinationId: destination?.id ?? null,
      destinationRelation: destination ? (input.destination?.relation ?? "joined") : null,
      reason: input.reason ?? null,
      reasonEvidence: input.reason ? (input.reasonEvidence ?? "reported") : null,
      reportsToPersonId: manager?.id ?? null,
      note: input.note ?? null,
      editor,
    },
  });
  await recomputeEvent(tx, eventId);
  if (source.linked.length > 0) {
    // A citation recorded just now can make two sources of another event one: recompute those too.
    const others = await tx.claim.findMany({
      where: { sourceId: { in: source.linked }, eventId: { not: eventId } },
      distinct: ["eventId"],
      select: { eventId: true },
    });
    for (const o of others) await recomputeEvent(tx, o.eventId);
  }
  const after = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
  await logChange(tx, {
    editor,
    action: outcome === "created" ? "create_event" : "add_claim",
    eventId,
    claimId: claim.id,
    summary: outcome === "created" ? `Created event with claim #${claim.id}` : `Added claim #${claim.id}`,
    before: before ? { event: before } : null,
    after: { event: after },
  });
  return { outcome, eventId, claimId: claim.id, created };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}

/**
 * Ingest one validated claim. A concurrent identical submission can lose the race on a unique key;
 * the retry then finds the stored claim and reports a duplicate instead of failing.
 */
export async function ingestClaim(db: Db, input: ClaimInput): Promise<IngestResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => ingestInTransaction(tx, input), { timeout: 30_000, maxWait: 30_000 });
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

export interface IngestCounts {
  claims: number;
  created: number;
  merged: number;
  duplicate: number;
}

/** Ingest many claims atomically: all of them are stored, or none (the CLI and the seed loader). */
export async function ingestClaims(db: Db, inputs: ClaimInput[]): Promise<IngestCounts> {
  return db.$transaction(
    async (tx) => {
      const counts: IngestCounts = { claims: inputs.length, created: 0, merged: 0, duplicate: 0 };
      for (const input of inputs) counts[(await ingestInTransaction(tx, input)).outcome]++;
      return counts;
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}
