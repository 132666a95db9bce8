/**
 * Before a claim is stored: which recorded events it may be about (same person, company and kind, with a
 * date that overlaps or lies within the matching window, or is unknown), which one ingestClaim would pick,
 * and whether this exact claim is already recorded. Read-only: the form offers "add this as a claim to
 * the existing event" from this, and stores nothing until the editor chooses.
 */
import { findMatchingEvent, MATCH_WINDOW_DAYS } from "@/lib/domain/event-matching";
import { normalizeName } from "@/lib/domain/names";
import { fromColumns, gapInDays, overlaps, parsePartialDate, type PartialDate } from "@/lib/domain/partial-date";
import type { EventKind } from "@/lib/domain/vocabulary";
import type { Tx } from "@/lib/db-factory";
import { claimDedupKey } from "@/lib/ingest/ingest-claim";
import { findCompanyId, findPersonId, sourceDedupKey } from "@/lib/ingest/resolve-entities";
import type { ClaimInput } from "@/lib/validation/claim";

export interface CandidateQuery {
  person: { name: string; aliases?: string[] };
  company: { name: string; aliases?: string[] };
  kind: EventKind;
  /** partial-date text; unparseable or missing = unknown */
  date?: string | null;
  role?: string | null;
}

export interface EventCandidateView {
  id: number;
  personName: string;
  companyName: string;
  kind: string;
  role: string | null;
  dateText: string | null;
  status: string;
  claimCount: number;
  destinationName: string | null;
  destinationRelation: string | null;
  /** its date overlaps the claim's (or one of them is unknown) */
  overlapping: boolean;
  /** the event ingestClaim would attach the claim to when no event is chosen */
  suggested: boolean;
}

const ROLE_DEFINES_EVENT: string[] = ["role_changed", "joined"];

function parseOrNull(text: string | null | undefined): PartialDate | null {
  if (!text) return null;
  const r = parsePartialDate(text);
  return r.ok ? r.date : null;
}

export async function findEventCandidates(tx: Tx, q: CandidateQuery, limit = 5): Promise<EventCandidateView[]> {
  const [personId, companyId] = await Promise.all([
    findPersonId(tx, { name: q.person.name, aliases: q.person.aliases ?? [] }),
    findCompanyId(tx, { name: q.company.name, aliases: q.company.aliases ?? [] }),
  ]);
  if (personId === null || companyId === null) return [];
  const events = await tx.event.findMany({
    where: { personId, companyId, kind: q.kind },
    include: { person: { select: { name: true } }, company: { select: { name: true } }, destination: { select: { name: true } } },
    orderBy: [{ sortDate: "desc" }, { id: "desc" }],
  });
  const date = parseOrNull(q.date);
  const roleKey = q.role ? normalizeName(q.role) : null;
  const near = events
    .map((e) => ({ e, date: fromColumns(e.dateText) }))
    .filter(({ e, date: d }) => {
      // A role change to another title is another event, as in ingestClaim's matching.
      if (ROLE_DEFINES_EVENT.includes(q.kind) && roleKey && e.role && normalizeName(e.role) !== roleKey) return false;
      return !date || !d || gapInDays(date, d) <= MATCH_WINDOW_DAYS;
    });
  const suggested = findMatchingEvent(
    q.kind,
    { date, role: q.role ?? null, destinationId: null },
    near.map(({ e, date: d }) => ({ id: e.id, date: d, role: e.role, destinationId: e.destinationId })),
  );
  return near.slice(0, limit).map(({ e, date: d }) => ({
    id: e.id,
    personName: e.person.name,
    companyName: e.company.name,
    kind: e.kind,
    role: e.role,
    dateText: e.dateText,
    status: e.status,
    claimCount: e.claimCount,
    destinationName: e.destination?.name ?? null,
    destinationRelation: e.destinationRelation,
    overlapping: !date || !d || overlaps(date, d),
    suggested: suggested?.id === e.id,
  }));
}

/** The stored claim this input would duplicate (same source, excerpt, person, company and kind), if any. */
export async function findRecordedClaim(tx: Tx, input: ClaimInput): Promise<{ id: number; eventId: number } | null> {
  const source =
    "id" in input.source
      ? await tx.source.findUnique({ where: { id: input.source.id }, select: { id: true } })
      : await tx.source.findUnique({ where: { dedupKey: sourceDedupKey(input.source) }, select: { id: true } });
  if (!source) return null;
  const [personId, companyId] = await Promise.all([findPersonId(tx, input.person), findCompanyId(tx, input.company)]);
  if (personId === null || companyId === null) return null;
  const dedupKey = claimDedupKey({ sourceId: source.id, excerpt: input.excerpt, personId, companyId, kind: input.kind });
  return tx.claim.findUnique({ where: { dedupKey }, select: { id: true, eventId: true } });
}

/** Form values for "add a claim to this event": its person, company, kind and role, with the event chosen. */
export async function eventPrefill(tx: Tx, eventId: number): Promise<Record<string, string> | null> {
  const e = await tx.event.findUnique({ where: { id: eventId }, include: { person: true, company: true } });
  if (!e) return null;
  const values: Record<string, string> = {
    "person.name": e.person.name,
    "company.name": e.company.name,
    kind: e.kind,
    "event.choice": String(e.id),
  };
  if (e.role) values.role = e.role;
  if (e.roleCategory) values.roleCategory = e.roleCategory;
  return values;
}
