/**
 * The one write path for evidence. The seed loader, `npm run ingest`, the form and POST /api/claims all
 * call ingestClaim: in one transaction it resolves the person and companies by any alias, finds or
 * creates the event, attaches the claim (once), recomputes the event and rebuilds positions, and logs
 * the change.
 */
import type { Db, Tx } from "@/lib/db-factory";
import type { ClaimInput } from "@/lib/validation/claim";
import { systemActor, type Actor } from "./actor";
import { logChange, type ChangeEntry } from "./change-log";
import { IngestError } from "./ingest-error";
import { claimDedupKey, preflightClaim, type Preflight } from "./preflight";
import { lockEvent, lockSubject, recomputeEvent } from "./recompute-event";
import { resolveCompany, resolvePerson, resolveSource } from "./resolve-entities";
import type { MatchedBy } from "./match-entities";
import { tagClaim } from "./tags";
import { mergeWritten, undoWritten } from "./undo-written";

export { claimDedupKey } from "./preflight";
export type { Actor } from "./actor";

export interface IngestResult {
  /** created: new event; merged: claim added to an existing event; duplicate: nothing stored */
  outcome: "created" | "merged" | "duplicate";
  eventId: number;
  claimId: number;
  created: { person: boolean; company: boolean; destination: boolean; source: boolean };
  /** the recorded people and companies the claim names, and how each was found (null: created now) */
  resolved: { person: ResolvedRef; company: ResolvedRef; destination: ResolvedRef | null };
  /** the event as it was before this claim (merged), for reports of what changed */
  eventBefore: EventRow | null;
  /** every row this ingest wrote, so a failed multi-batch ingest can take it back (lib/ingest/undo-written.ts) */
  written: Written;
}

export interface Written {
  claimIds: number[];
  changeIds: number[];
  /** events created, and events whose derived state changed (merged into, or recomputed for a citation) */
  createdEventIds: number[];
  touchedEventIds: number[];
  personIds: number[];
  companyIds: number[];
  sourceIds: number[];
  personAliasIds: number[];
  companyAliasIds: number[];
  externalIdIds: number[];
  citations: [number, number][];
}

export interface ResolvedRef {
  id: number;
  matchedBy: MatchedBy | null;
}

export type EventRow = Awaited<ReturnType<Tx["event"]["findUniqueOrThrow"]>>;

export const nothingWritten = (): Written => ({
  claimIds: [],
  changeIds: [],
  createdEventIds: [],
  touchedEventIds: [],
  personIds: [],
  companyIds: [],
  sourceIds: [],
  personAliasIds: [],
  companyAliasIds: [],
  externalIdIds: [],
  citations: [],
});

/**
 * Where an imported claim comes from: its batch, the record's id in the dataset and the record's hash.
 * `distinct` keeps a superseding claim apart from the one it supersedes when the excerpt is unchanged
 * (a corrected date or role with the same words): both are kept, the old one deprecated.
 */
export interface Provenance {
  batchId: number;
  externalId: string;
  recordHash: string;
  distinct?: boolean;
}

/** The claim's dedup key; a superseding claim's includes the record hash (see Provenance.distinct). */
export function provenanceDedupKey(parts: Parameters<typeof claimDedupKey>[0], provenance?: Provenance): string {
  const baseKey = claimDedupKey(parts);
  return provenance?.distinct ? claimDedupKey({ ...parts, excerpt: `${baseKey}\u0000${provenance.recordHash}` }) : baseKey;
}

/** The optional fields a claim stores as the submitter gave them (null when not given). */
const AS_GIVEN = ["translation", "context", "contextTranslation", "role", "roleCategory", "team", "note"] as const;
type AsGiven = { [K in (typeof AS_GIVEN)[number]]: NonNullable<ClaimInput[K]> | null };
const storedAsGiven = (input: ClaimInput) => Object.fromEntries(AS_GIVEN.map((k) => [k, input[k] ?? null])) as AsGiven;

/** The stored row of a claim, once its event, source, companies and people are known. */
export function claimRow(
  input: ClaimInput,
  plan: Pick<Preflight, "kind" | "manner" | "scope" | "date">,
  actor: Actor,
  provenance: Provenance | undefined,
  ids: { eventId: number; sourceId: number; dedupKey: string; destinationId: number | null; managerId: number | null },
) {
  const date = plan.date.date;
  const { managerId, ...refs } = ids;
  return {
    ...refs,
    excerpt: input.excerpt,
    ...storedAsGiven(input),
    kind: plan.kind,
    manner: plan.manner,
    scope: plan.scope,
    dateText: date?.text ?? null,
    datePrecision: date?.precision ?? null,
    dateEarliest: date?.earliest ?? null,
    dateLatest: date?.latest ?? null,
    dateBasis: plan.date.basis,
    datePhrase: plan.date.phrase,
    destinationRelation: ids.destinationId !== null ? (input.destination?.relation ?? "joined") : null,
    reason: input.reason ?? null,
    reasonEvidence: input.reason ? (input.reasonEvidence ?? "reported") : null,
    reportsToPersonId: managerId,
    accountId: actor.accountId,
    editor: actor.name,
    recordStatus: input.recordStatus ?? null,
    batchId: provenance?.batchId ?? null,
    externalId: provenance?.externalId ?? null,
    recordHash: provenance?.recordHash ?? null,
  };
}

/** The change log entry of a stored claim: the event created with it, or the event as before and after it. */
export function claimChange(
  actor: Actor,
  outcome: "created" | "merged",
  eventId: number,
  claimId: number,
  before: unknown,
  after: unknown,
): ChangeEntry {
  return {
    actor,
    action: outcome === "created" ? "create_event" : "add_claim",
    eventId,
    claimId,
    summary: outcome === "created" ? `Created event with claim #${claimId}` : `Added claim #${claimId}`,
    before: before ? { event: before } : null,
    after: { event: after },
  };
}

/** The event the submitter chose. A claim of another kind may join it: that disputes what happened. */
async function chosenEvent(tx: Tx, eventId: number, personId: number, companyId: number) {
  const event = await tx.event.findUnique({ where: { id: eventId } });
  if (!event) throw new IngestError({ eventId: [`No event has id ${eventId}`] });
  if (event.personId !== personId || event.companyId !== companyId)
    throw new IngestError({ eventId: ["That event is about a different person or company"] });
  return event.id;
}

export async function ingestInTransaction(tx: Tx, input: ClaimInput, by?: Actor, provenance?: Provenance): Promise<IngestResult> {
  const actor = by ?? systemActor("cli");
  const plan = await preflightClaim(tx, input);
  if (Object.keys(plan.problems).length > 0) throw new IngestError(plan.problems);

  const source = await resolveSource(tx, input.source);
  const person = await resolvePerson(tx, input.person);
  const company = await resolveCompany(tx, input.company);
  const destination = input.destination ? await resolveCompany(tx, input.destination) : null;
  const manager = input.reportsTo ? await resolvePerson(tx, input.reportsTo) : null;
  const created = { person: person.created, company: company.created, destination: !!destination?.created, source: source.created };
  const ref = (r: { id: number; matchedBy: MatchedBy | null }): ResolvedRef => ({ id: r.id, matchedBy: r.matchedBy });
  const resolved = { person: ref(person), company: ref(company), destination: destination ? ref(destination) : null };
  const written = nothingWritten();
  written.personIds.push(...[person, manager].filter((e) => e?.created).map((e) => e!.id));
  written.companyIds.push(...[company, destination].filter((e) => e?.created).map((e) => e!.id));
  written.personAliasIds.push(...person.aliasIds, ...(manager?.aliasIds ?? []));
  written.companyAliasIds.push(...company.aliasIds, ...(destination?.aliasIds ?? []));
  written.externalIdIds.push(...[person, company, destination, manager].flatMap((e) => e?.externalIdIds ?? []));
  if (source.created) written.sourceIds.push(source.id);
  written.sourceIds.push(...source.createdCited);
  written.citations.push(...source.citations);

  const dedupKey = provenanceDedupKey(
    { sourceId: source.id, excerpt: input.excerpt, personId: person.id, companyId: company.id, kind: plan.kind },
    provenance,
  );
  const duplicate = await tx.claim.findUnique({ where: { dedupKey }, select: { id: true, eventId: true } });
  if (duplicate) return { outcome: "duplicate", eventId: duplicate.eventId, claimId: duplicate.id, created, resolved, eventBefore: null, written };
  // Two concurrent claims about one person at one company must not both create "the" event.
  await lockSubject(tx, person.id, company.id);

  let eventId = input.eventId ? await chosenEvent(tx, input.eventId, person.id, company.id) : input.newEvent ? null : plan.suggestedEventId;
  const outcome = eventId ? "merged" : "created";
  if (!eventId) {
    eventId = (await tx.event.create({ data: { personId: person.id, companyId: company.id, kind: plan.kind, scope: plan.scope } })).id;
    written.createdEventIds.push(eventId);
  } else written.touchedEventIds.push(eventId);
  // Concurrent claims on one event are serialized here, before its claims are read and recomputed.
  await lockEvent(tx, eventId);
  const before = outcome === "merged" ? await tx.event.findUniqueOrThrow({ where: { id: eventId } }) : null;
  const claim = await tx.claim.create({
    data: claimRow(input, plan, actor, provenance, {
      eventId,
      sourceId: source.id,
      dedupKey,
      destinationId: destination?.id ?? null,
      managerId: manager?.id ?? null,
    }),
  });
  if (input.tags?.length) await tagClaim(tx, claim.id, input.tags);
  await recomputeEvent(tx, eventId);
  if (source.linked.length > 0) {
    // A citation recorded just now can make two sources of another event one: recompute those too.
    const others = await tx.claim.findMany({
      where: { sourceId: { in: source.linked }, eventId: { not: eventId } },
      distinct: ["eventId"],
      select: { eventId: true },
    });
    for (const o of others) await recomputeEvent(tx, o.eventId);
    written.touchedEventIds.push(...others.map((o) => o.eventId));
  }
  const after = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
  written.claimIds.push(claim.id);
  const changeId = await logChange(tx, claimChange(actor, outcome, eventId, claim.id, before, after));
  written.changeIds.push(changeId);
  return { outcome, eventId, claimId: claim.id, created, resolved, eventBefore: before, written };
}

/**
 * Errors a retry of the whole transaction resolves: a unique key lost to a concurrent identical
 * submission (the retry finds the stored row), a write conflict or deadlock (PostgreSQL aborts one side).
 */
function isRetryable(error: unknown): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? (error as { code: unknown }).code : null;
  return code === "P2002" || code === "P2034";
}

async function withRetry<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt < attempts && isRetryable(error)) continue;
      throw error;
    }
  }
}

/** Ingest one validated claim (the form, POST /api/claims): one transaction, retried on a lost race. */
export async function ingestClaim(db: Db, input: ClaimInput, actor?: Actor): Promise<IngestResult> {
  return withRetry(() => db.$transaction((tx) => ingestInTransaction(tx, input, actor), { timeout: 30_000, maxWait: 30_000 }));
}

export interface IngestCounts {
  claims: number;
  created: number;
  merged: number;
  duplicate: number;
}

/** Claims per write transaction in a bulk ingest: short enough that web writes wait at most a moment. */
export const INGEST_BATCH_SIZE = 100;

/**
 * Ingest many validated claims, all or nothing: the CLI and the seed loader. They commit in batches of
 * INGEST_BATCH_SIZE so a 2,000-claim file never holds the database's write lock for long; when a batch
 * fails, the batches already committed are taken back (undoWritten) and the error is rethrown.
 */
export async function ingestClaims(db: Db, inputs: ClaimInput[], batchSize = INGEST_BATCH_SIZE, actor?: Actor): Promise<IngestCounts> {
  const counts: IngestCounts = { claims: inputs.length, created: 0, merged: 0, duplicate: 0 };
  const written = nothingWritten();
  try {
    for (let start = 0; start < inputs.length; start += batchSize) {
      const batch = inputs.slice(start, start + batchSize);
      const results = await withRetry(() =>
        db.$transaction(
          async (tx) => {
            const out: IngestResult[] = [];
            for (const input of batch) out.push(await ingestInTransaction(tx, input, actor));
            return out;
          },
          { timeout: 600_000, maxWait: 60_000 },
        ),
      );
      for (const r of results) {
        counts[r.outcome]++;
        mergeWritten(written, r.written);
      }
    }
  } catch (error) {
    if (written.claimIds.length > 0 || written.sourceIds.length > 0 || written.personIds.length > 0) await undoWritten(db, written);
    throw error;
  }
  return counts;
}
