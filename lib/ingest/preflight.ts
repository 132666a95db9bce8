/**
 * What ingest would do with a claim, without storing anything: the recorded source, person and companies
 * it names, the date it asserts once its basis is applied ("this year" in an article of Aug 2024 → 2024),
 * the already-recorded identical claim, the events it may be about and the one ingest would pick, and
 * the problems that stop it (an excerpt not in the source's text). ingestClaim, the form's server action
 * and GET /api/claims/candidates all ask this one function, so their answers cannot drift apart.
 */
import { createHash } from "node:crypto";
import { findMatchingEvent, MATCH_WINDOW_DAYS } from "@/lib/domain/event-matching";
import { normalizeName } from "@/lib/domain/names";
import { fromColumns, gapInDays, overlaps, parsePartialDate, type PartialDate } from "@/lib/domain/partial-date";
import { boundedByPublished, resolveRelativeDate } from "@/lib/domain/relative-date";
import { KIND_SHORTHANDS, type DateBasis, type EventKind, type InputKind, type Manner, type Scope } from "@/lib/domain/vocabulary";
import type { Tx } from "@/lib/db-factory";
import type { ClaimInput } from "@/lib/validation/claim";
import type { FieldErrors } from "@/lib/validation/field-errors";
import { aliasCollisions, findCompanyId, findPersonId, sourceDedupKey } from "./resolve-entities";

export interface EventCandidateView {
  id: number;
  personName: string;
  companyName: string;
  kind: string;
  manner: string | null;
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

/** The facts of a claim that decide which event it is about; a subset of ClaimInput. */
export interface CandidateQuery {
  person: { name: string; aliases?: string[] };
  company: { name: string; aliases?: string[] };
  kind: InputKind;
  manner?: Manner;
  /** partial-date text; unparseable or missing = unknown */
  date?: string | null;
  role?: string | null;
  roleCategory?: string | null;
  destination?: { name: string; aliases?: string[] } | null;
}

/** "fired" is departed + manner fired; a board seat is its own scope. */
export function normalizeKind(q: { kind: InputKind; manner?: Manner }): { kind: EventKind; manner: Manner | null; error?: string } {
  const shorthand = q.kind in KIND_SHORTHANDS ? KIND_SHORTHANDS[q.kind as keyof typeof KIND_SHORTHANDS] : null;
  if (shorthand) {
    if (q.manner && q.manner !== shorthand.manner)
      return { kind: shorthand.kind, manner: q.manner, error: `"${q.kind}" means manner ${shorthand.manner}, not ${q.manner}` };
    return { kind: shorthand.kind, manner: shorthand.manner };
  }
  const kind = q.kind as EventKind;
  if (q.manner && kind !== "departed") return { kind, manner: q.manner, error: "Only a departure has a manner" };
  return { kind, manner: q.manner ?? null };
}

export const scopeOf = (roleCategory: string | null | undefined): Scope => (roleCategory === "board" ? "board" : "company");

export function claimDedupKey(parts: { sourceId: number; excerpt: string; personId: number; companyId: number; kind: string }) {
  const excerpt = parts.excerpt.normalize("NFC").replace(/\s+/g, " ").trim();
  return createHash("sha256").update([parts.sourceId, excerpt, parts.personId, parts.companyId, parts.kind].join("\u0000")).digest("hex");
}

const ROLE_DEFINES_EVENT: string[] = ["role_changed", "joined"];

function parseOrNull(text: string | null | undefined): PartialDate | null {
  if (!text) return null;
  const r = parsePartialDate(text);
  return r.ok ? r.date : null;
}

/** The columns of an event that decide whether a claim is about it. */
export interface MatchableEvent {
  id: number;
  sortDate: string;
  dateText: string | null;
  role: string | null;
  destinationId: number | null;
}

/**
 * Of the events of the claim's person, company, kind and scope, those near its date (latest first, at most
 * `limit`) and the one ingest attaches it to (null: a new event). Pure: preflight and the bulk import ask it.
 */
export function nearEvents<E extends MatchableEvent>(
  kind: EventKind,
  q: { date?: string | null; role: string | null; destinationId: number | null },
  events: E[],
  limit: number,
): { near: { e: E; date: PartialDate | null }[]; date: PartialDate | null; suggested: number | null } {
  const date = parseOrNull(q.date);
  const roleKey = q.role ? normalizeName(q.role) : null;
  const near = [...events]
    .sort((a, b) => (a.sortDate < b.sortDate ? 1 : a.sortDate > b.sortDate ? -1 : b.id - a.id))
    .map((e) => ({ e, date: fromColumns(e.dateText) }))
    .filter(({ e, date: d }) => {
      // A role change to another title is another event, as in findMatchingEvent.
      if (ROLE_DEFINES_EVENT.includes(kind) && roleKey && e.role && normalizeName(e.role) !== roleKey) return false;
      return !date || !d || gapInDays(date, d) <= MATCH_WINDOW_DAYS;
    });
  const match = findMatchingEvent(
    kind,
    { date, role: q.role, destinationId: q.destinationId },
    near.map(({ e, date: d }) => ({ id: e.id, date: d, role: e.role, destinationId: e.destinationId })),
  );
  const shown = near.slice(0, limit);
  // a pick beyond the shown candidates is no pick: ingest attaches only to an event preflight offers
  return { near: shown, date, suggested: shown.some(({ e }) => e.id === match?.id) ? match!.id : null };
}

/** The recorded person, company and destination a query names (null = none recorded). */
interface ResolvedIds {
  personId: number | null;
  companyId: number | null;
  destinationId: number | null;
}

async function resolveIds(tx: Tx, q: Pick<CandidateQuery, "person" | "company" | "destination">): Promise<ResolvedIds> {
  const [personId, companyId, destinationId] = await Promise.all([
    findPersonId(tx, { name: q.person.name, aliases: q.person.aliases ?? [] }),
    findCompanyId(tx, { name: q.company.name, aliases: q.company.aliases ?? [] }),
    q.destination ? findCompanyId(tx, { name: q.destination.name, aliases: q.destination.aliases ?? [] }) : null,
  ]);
  return { personId, companyId, destinationId };
}

/** `ids` when the caller has already resolved them (preflightClaim), so the lookups run once per claim. */
export async function findEventCandidates(tx: Tx, q: CandidateQuery, limit = 5, ids?: ResolvedIds): Promise<EventCandidateView[]> {
  const { kind } = normalizeKind(q);
  const { personId, companyId, destinationId } = ids ?? (await resolveIds(tx, q));
  if (personId === null || companyId === null) return [];
  const events = await tx.event.findMany({
    where: { personId, companyId, kind, scope: scopeOf(q.roleCategory) },
    include: { person: { select: { name: true } }, company: { select: { name: true } }, destination: { select: { name: true } } },
  });
  const { near, date, suggested } = nearEvents(kind, { date: q.date, role: q.role ?? null, destinationId }, events, limit);
  return near.slice(0, limit).map(({ e, date: d }) => ({
    id: e.id,
    personName: e.person.name,
    companyName: e.company.name,
    kind: e.kind,
    manner: e.manner,
    role: e.role,
    dateText: e.dateText,
    status: e.status,
    claimCount: e.claimCount,
    destinationName: e.destination?.name ?? null,
    destinationRelation: e.destinationRelation,
    overlapping: !date || !d || overlaps(date, d),
    suggested: suggested === e.id,
  }));
}

export interface RecordedSource {
  id: number;
  text: string | null;
  publishedText: string | null;
}

async function findRecordedSource(tx: Tx, ref: ClaimInput["source"]): Promise<RecordedSource | null> {
  const select = { id: true, text: true, publishedText: true } as const;
  return "id" in ref
    ? tx.source.findUnique({ where: { id: ref.id }, select })
    : tx.source.findUnique({ where: { dedupKey: sourceDedupKey(ref) }, select });
}

export interface ClaimDate {
  date: PartialDate | null;
  basis: DateBasis | null;
  phrase: string | null;
}

/** The date a claim asserts once its basis is applied, or the field errors that make it unreadable. */
export function readClaimDate(
  input: Pick<ClaimInput, "date" | "dateBasis" | "datePhrase">,
  publishedText: string | null,
): { ok: true; value: ClaimDate } | { ok: false; errors: FieldErrors } {
  const stated = input.date ? parseOrNull(input.date) : null;
  const published = parseOrNull(publishedText);
  const basis: DateBasis | null = input.dateBasis ?? (input.datePhrase ? "relative_to_published" : stated ? "stated" : null);
  const phrase = input.datePhrase ?? null;
  const fail = (field: string, message: string) => ({ ok: false as const, errors: { [field]: [message] } });
  switch (basis) {
    case null:
      return { ok: true, value: { date: null, basis: null, phrase } };
    case "stated":
      if (!stated) return fail("date", "A stated date needs the date the text gives");
      return { ok: true, value: { date: stated, basis, phrase } };
    case "relative_to_published": {
      if (!phrase) return fail("datePhrase", 'Quote the words the date is read from ("this year", "今年")');
      const resolved = resolveRelativeDate(phrase, published);
      if (!resolved.ok) return fail("datePhrase", resolved.error);
      if (stated && stated.text !== resolved.date.text)
        return fail("date", `"${phrase}" in a source published ${publishedText} means ${resolved.date.text}, not ${stated.text}`);
      return { ok: true, value: { date: resolved.date, basis, phrase } };
    }
    case "bounded_by_published": {
      if (!published) return fail("dateBasis", '"On or before the publication date" needs the source\'s publication date');
      if (stated && stated.latest > published.latest) return fail("date", `${stated.text} ends after the source was published (${publishedText})`);
      return { ok: true, value: { date: stated ?? boundedByPublished(published), basis, phrase } };
    }
  }
}

/** Excerpt and context must be exact substrings of the source's text when it has one. */
function evidenceErrors(input: ClaimInput, text: string | null): FieldErrors {
  if (!text) return {};
  const errors: FieldErrors = {};
  if (!text.includes(input.excerpt)) errors.excerpt = ["The excerpt is not in the source's stored text: copy it exactly as the text has it"];
  if (input.context && !text.includes(input.context))
    errors.context = ["The context excerpt is not in the source's stored text: copy it exactly as the text has it"];
  return errors;
}

export interface Preflight {
  kind: EventKind;
  manner: Manner | null;
  scope: Scope;
  date: ClaimDate;
  source: RecordedSource | null;
  /** the identical claim already stored, when there is one: ingest then stores nothing */
  recorded: { id: number; eventId: number } | null;
  candidates: EventCandidateView[];
  /** the event ingest attaches the claim to when none is chosen; null = a new event */
  suggestedEventId: number | null;
  /** the people and companies ingest would create ("person “X”") */
  creates: string[];
  problems: FieldErrors;
}

/** What a claim asserts and what is wrong with it given its source (the recorded one, else the one it describes). Pure. */
export function checkClaim(
  input: ClaimInput,
  source: Pick<RecordedSource, "text" | "publishedText"> | null,
): { kind: EventKind; manner: Manner | null; scope: Scope; date: ClaimDate; problems: FieldErrors } {
  const { kind, manner, error: kindError } = normalizeKind(input);
  const text = source?.text ?? ("id" in input.source ? null : (input.source.text ?? null));
  const publishedText = source?.publishedText ?? ("id" in input.source ? null : (input.source.publishedAt ?? null));
  const date = readClaimDate(input, publishedText);
  const problems: FieldErrors = {
    ...(kindError ? { manner: [kindError] } : {}),
    ...(date.ok ? {} : date.errors),
    ...evidenceErrors(input, text),
  };
  const claimDate = date.ok ? date.value : { date: null, basis: null, phrase: null };
  return { kind, manner, scope: scopeOf(input.roleCategory), date: claimDate, problems };
}

export async function preflightClaim(tx: Tx, input: ClaimInput): Promise<Preflight> {
  const source = await findRecordedSource(tx, input.source);
  const { kind, manner, scope, date: claimDate, problems } = checkClaim(input, source);
  const refs = [
    ["person", "person", input.person],
    ["company", "company", input.company],
    ["destination", "company", input.destination],
    ["reportsTo", "person", input.reportsTo],
  ] as const;
  for (const [field, kind, ref] of refs) {
    if (!ref) continue;
    const collisions = await aliasCollisions(tx, kind, ref);
    if (collisions.length > 0)
      problems[`${field}.aliases`] = collisions.map(
        (c) =>
          `"${c.alias}" is already a name of ${c.owner.name} (/${kind === "person" ? "people" : "companies"}/${c.owner.slug}): to add to them, give "${c.owner.name}" as the name; otherwise remove that alias`,
      );
  }

  const ids = await resolveIds(tx, input);
  const { personId, companyId, destinationId } = ids;
  const creates = [
    personId === null && `person “${input.person.name}”`,
    companyId === null && `company “${input.company.name}”`,
    input.destination && destinationId === null && `company “${input.destination.name}”`,
  ].filter((x): x is string => !!x);
  const recorded =
    source && personId !== null && companyId !== null
      ? await tx.claim.findUnique({
          where: { dedupKey: claimDedupKey({ sourceId: source.id, excerpt: input.excerpt, personId, companyId, kind }) },
          select: { id: true, eventId: true },
        })
      : null;
  const candidates = await findEventCandidates(
    tx,
    { ...input, kind, manner: manner ?? undefined, date: claimDate.date?.text ?? null, role: input.role ?? null },
    50,
    ids,
  );
  return {
    kind,
    manner,
    scope,
    date: claimDate,
    source,
    recorded,
    candidates,
    suggestedEventId: candidates.find((c) => c.suggested)?.id ?? null,
    creates,
    problems,
  };
}
