/**
 * The write path for a run of imported claims, set-wise: what ingestInTransaction does for each claim in
 * turn, with the same results, in a few dozen queries for the whole run instead of ~40 per claim.
 *
 * It reads what the run's claims name (aliases, external ids, sources, citations, slugs) in a few queries,
 * then walks the claims in order in memory with the same pure cores the per-claim path uses (checkClaim,
 * matchByAlias, collidingAliases, sourceFill, nearEvents, claimsAsFacts, summarizeEvent, eventColumns), so
 * each claim sees what the claims before it created, exactly as it would one at a time. Then it writes
 * everything with createMany: entities, claims, events with their final derived state, tags, positions,
 * the rollup delta and the change log entries, in the claims' order (so ids are numbered as they would be).
 *
 * A claim it does not handle (a chosen event, a recorded source or cited source by id, a problem the
 * preflight would report, an identifier owned by someone else) ends the run: `handled` says how many
 * claims were written, and the caller sends that claim through ingestInTransaction, which rejects it with
 * the very same field errors, then starts a new run after it. See docs/decisions/0090-bulk-import.md.
 *
 * In three files: bulk-load.ts reads what the run names, bulk-entities.ts resolves and writes its people,
 * companies and sources (pass 1), and this one decides and writes its events and claims (pass 2).
 */
import { claimsAsFacts, type ClaimRow } from "@/lib/data/event-facts";
import type { Tx } from "@/lib/db-factory";
import { insertRows } from "@/lib/db/insert-rows";
import { summarizeEvent } from "@/lib/domain/event-summary";
import type { EventKind } from "@/lib/domain/vocabulary";
import type { Actor } from "./actor";
import { changeRow } from "./change-log";
import { claimChange, claimRow, nothingWritten, provenanceDedupKey, type EventRow, type IngestResult } from "./ingest-claim";
import type { EntityKind } from "./match-entities";
import { nearEvents } from "./preflight";
import { eventColumns, lockEvents, lockSubjects, rebuildPositionsOf, recomputeEvent } from "./recompute-event";
import { countEventsChanged } from "./rollups";
import { syncEventTags, tagClaims } from "./tags";
import { append, load, type BulkItem } from "./bulk-load";
import { planPrefix, writeEntities, type Resolution } from "./bulk-entities";

export type { BulkItem } from "./bulk-load";

export interface BulkOutcome {
  /** one per handled claim, as ingestInTransaction would have returned it */
  results: IngestResult[];
  /** claims handled; items[handled] (if any) needs the per-claim path */
  handled: number;
}

/** As many candidates as the preflight offers: ingest attaches a claim only to one of them. */
const CANDIDATES = 50;
/** Ids of rows not written yet: above any real id, in the order they are created (tie-breaks compare ids). */
const PENDING = 2 ** 40;

// ---------------------------------------------------------------------------------------------------------
// Pass 2: events and claims, in order, recomputed in memory

interface EventState {
  row: EventRow;
  claims: (ClaimRow & { eventId: number })[];
  created: boolean;
  /** the row as recorded before the run (events recorded before it) */
  recorded: EventRow | null;
  /** its derived columns once a claim of the run recomputed it */
  columns?: ReturnType<typeof eventColumns>;
}

interface ClaimState {
  id: number;
  dedupKey: string;
  event: EventState;
}

const subjectKey = (personId: number, companyId: number) => `${personId}:${companyId}`;

function newEventRow(id: number, personId: number, companyId: number, kind: EventKind, scope: "company" | "board"): EventRow {
  const now = new Date();
  return {
    id,
    personId,
    companyId,
    kind,
    manner: null,
    scope,
    role: null,
    roleCategory: null,
    team: null,
    dateText: null,
    datePrecision: null,
    dateEarliest: null,
    dateLatest: null,
    sortDate: "",
    destinationId: null,
    destinationRelation: null,
    status: "reported",
    reason: null,
    reasonEvidence: null,
    claimCount: 0,
    sourceCount: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** The recorded events of these (person, company) pairs, by person (a person created by the run has none yet). */
async function recordedEventsOf(tx: Tx, subjects: { personId: number; companyId: number }[], people: number[]) {
  if (people.length === 0) return [];
  const wanted = new Set(subjects.map((s) => subjectKey(s.personId, s.companyId)));
  return (await tx.event.findMany({ where: { personId: { in: people } } })).filter((e) => wanted.has(subjectKey(e.personId, e.companyId)));
}

export async function ingestBulk(tx: Tx, items: BulkItem[], actor: Actor): Promise<BulkOutcome> {
  if (items.length === 0) return { results: [], handled: 0 };
  const loaded = await load(tx, items);
  const { entities, planned, handled } = await planPrefix(loaded, items);
  if (planned.length === 0) return { results: [], handled };
  const { real, aliasIds, externalIds } = await writeEntities(tx, entities);

  const ids = planned.map((p) => {
    const personId = real("person", p.person.id);
    const companyId = real("company", p.company.id);
    const destinationId = p.destination ? real("company", p.destination.id) : null;
    const managerId = p.manager ? real("person", p.manager.id) : null;
    const dedupKey = provenanceDedupKey(
      { sourceId: p.source.state.id, excerpt: p.item.input.excerpt, personId, companyId, kind: p.kind },
      p.item.provenance,
    );
    return { personId, companyId, destinationId, managerId, dedupKey };
  });
  const subjects = [...new Map(ids.map((i) => [subjectKey(i.personId, i.companyId), { personId: i.personId, companyId: i.companyId }])).values()];
  await lockSubjects(tx, subjects);
  const [duplicates, recordedEvents] = await Promise.all([
    tx.claim.findMany({ where: { dedupKey: { in: ids.map((i) => i.dedupKey) } }, select: { id: true, eventId: true, dedupKey: true } }),
    recordedEventsOf(tx, subjects, [...new Set(planned.filter((p) => !p.person.created).map((p) => real("person", p.person.id)))]),
  ]);
  await lockEvents(
    tx,
    recordedEvents.map((e) => e.id),
  );
  // claims recorded before this run on a source a citation of the run links (a source the run created has none)
  const fresh = new Set(entities.newSources.map((s) => s.id));
  const linked = [...new Set(planned.flatMap((p) => p.source.citations.flatMap((c) => [c.citing, c.cited])))].filter((id) => !fresh.has(id));
  const [recordedClaims, resting] = await Promise.all([
    recordedEvents.length > 0
      ? tx.claim.findMany({
          where: { eventId: { in: recordedEvents.map((e) => e.id) } },
          orderBy: { id: "asc" },
          include: { source: { select: { publisher: true } } },
        })
      : [],
    linked.length > 0 ? tx.claim.findMany({ where: { sourceId: { in: linked } }, select: { eventId: true, sourceId: true } }) : [],
  ]);
  const sourceIds = new Set([...recordedClaims.map((c) => c.sourceId), ...planned.map((p) => p.source.state.id)]);
  const citationRows =
    sourceIds.size > 0
      ? await tx.sourceCitation.findMany({
          where: { OR: [{ citingId: { in: [...sourceIds] } }, { citedId: { in: [...sourceIds] } }] },
          select: { citingId: true, citedId: true },
        })
      : [];

  // citations as of each claim: those recorded before the run, and the run's own from the claim that recorded them
  const citedAt = new Map(entities.newCitations.map((c) => [`${c.citing}:${c.cited}`, c.at]));
  const citationsBySource = new Map<number, { pair: [number, number]; at: number }[]>();
  for (const c of citationRows) {
    const entry = { pair: [c.citingId, c.citedId] as [number, number], at: citedAt.get(`${c.citingId}:${c.citedId}`) ?? -1 };
    for (const id of new Set([c.citingId, c.citedId])) append(citationsBySource, id, entry);
  }
  const sourceStates = new Map([...planned.map((p) => p.source.state), ...entities.filledSources].map((s) => [s.id, s]));
  const publisherAt = (sourceId: number, recorded: string | null, at: number) => {
    const s = sourceStates.get(sourceId);
    return s ? ([...s.publishers].reverse().find((p) => p.from <= at)?.publisher ?? recorded) : recorded;
  };

  const events = new Map<number, EventState>();
  const bySubject = new Map<string, EventState[]>();
  const addEvent = (ev: EventState) => {
    events.set(ev.row.id, ev);
    const key = subjectKey(ev.row.personId, ev.row.companyId);
    append(bySubject, key, ev);
  };
  for (const row of recordedEvents) addEvent({ row, claims: [], created: false, recorded: { ...row } });
  for (const c of recordedClaims) events.get(c.eventId)!.claims.push(c);
  const restingOn = new Map<number, Set<number>>();
  const rest = (sourceId: number, eventId: number) => {
    if (!restingOn.has(sourceId)) restingOn.set(sourceId, new Set());
    restingOn.get(sourceId)!.add(eventId);
  };
  for (const r of resting) rest(r.sourceId, r.eventId);

  const recompute = (ev: EventState, at: number) => {
    const claims = ev.claims.map((c) => ({ ...c, source: { publisher: publisherAt(c.sourceId, c.source.publisher, at) } }));
    const pairs = [...new Set(claims.flatMap((c) => citationsBySource.get(c.sourceId) ?? []))].filter((c) => c.at <= at).map((c) => c.pair);
    ev.columns = eventColumns(summarizeEvent(ev.row.kind as EventKind, claimsAsFacts(claims, pairs)));
    Object.assign(ev.row, ev.columns, { updatedAt: new Date() });
  };

  const recorded = new Map(duplicates.map((d) => [d.dedupKey, d]));
  const stored = new Map<string, ClaimState>();
  const claims: { state: ClaimState; data: ReturnType<typeof claimRow>; tags: string[] }[] = [];
  const changes: { event: EventState; claim: ClaimState; before: EventRow | null; after: EventRow }[] = [];
  const outcomes: {
    outcome: IngestResult["outcome"];
    event: EventState | number;
    claim: ClaimState | number;
    before: EventRow | null;
    others: number[];
  }[] = [];
  const extra = new Set<number>();
  let pending = PENDING;

  for (const [at, p] of planned.entries()) {
    const { personId, companyId, destinationId, managerId, dedupKey } = ids[at];
    const { input } = p.item;
    const dup = stored.get(dedupKey) ?? recorded.get(dedupKey);
    if (dup) {
      outcomes.push({
        outcome: "duplicate",
        event: "event" in dup ? dup.event : dup.eventId,
        claim: "event" in dup ? dup : dup.id,
        before: null,
        others: [],
      });
      continue;
    }
    // what preflight saw: nothing recorded yet for a person or company this claim creates
    const known = !p.person.created && !p.company.created && !input.newEvent;
    const candidates = known
      ? (bySubject.get(subjectKey(personId, companyId)) ?? []).filter((e) => e.row.kind === p.kind && e.row.scope === p.plan.scope)
      : [];
    const { suggested } = nearEvents(
      p.kind,
      {
        date: p.plan.date.date?.text ?? null,
        role: input.role ?? null,
        destinationId: p.destination && !p.destination.created ? destinationId : null,
      },
      candidates.map((e) => e.row),
      CANDIDATES,
    );
    let event = suggested !== null ? events.get(suggested)! : null;
    const before = event ? { ...event.row } : null;
    if (!event) {
      event = { row: newEventRow(pending++, personId, companyId, p.kind, p.plan.scope), claims: [], created: true, recorded: null };
      addEvent(event);
    }
    const claim: ClaimState = { id: pending++, dedupKey, event };
    stored.set(dedupKey, claim);
    const data = claimRow(input, p.plan, actor, p.item.provenance, {
      eventId: event.row.id,
      sourceId: p.source.state.id,
      dedupKey,
      destinationId,
      managerId,
    });
    claims.push({ state: claim, data, tags: input.tags ?? [] });
    event.claims.push({ ...data, id: claim.id, state: "active", source: { publisher: null } });
    rest(data.sourceId, event.row.id);
    recompute(event, at);
    // a citation recorded just now can make two sources of another event one: recompute those too
    const others = [...new Set(p.source.citations.flatMap((c) => [...(restingOn.get(c.citing) ?? []), ...(restingOn.get(c.cited) ?? [])]))].filter(
      (id) => id !== event.row.id,
    );
    for (const id of others) {
      const other = events.get(id);
      if (other) recompute(other, at);
      else extra.add(id);
    }
    changes.push({ event, claim, before, after: { ...event.row } });
    outcomes.push({ outcome: before ? "merged" : "created", event, claim, before, others });
  }

  // write: events (created ones with their final state), claims, the touched events' new state and counts
  const created = [...events.values()].filter((e) => e.created);
  const now = new Date();
  const eventIds = await insertRows(
    tx,
    "Event",
    created.map(({ row }) => {
      const { id: _id, ...columns } = row;
      return { ...columns, createdAt: now, updatedAt: now };
    }),
  );
  const pendingEvent = new Map(created.map((e, i) => [e.row.id, eventIds[i]]));
  created.forEach((e, i) => (e.row.id = eventIds[i]));
  for (const c of claims) c.data.eventId = c.state.event.row.id;
  const claimIds = await insertRows(
    tx,
    "Claim",
    claims.map((c) => ({ ...c.data, createdAt: now })),
  );
  claims.forEach((c, i) => (c.state.id = claimIds[i]));
  const touched = [...events.values()].filter((e) => !e.created && e.columns);
  for (const e of touched) await tx.event.update({ where: { id: e.row.id }, data: e.columns! });
  await countEventsChanged(
    tx,
    touched.map((e) => e.recorded!),
    [...touched, ...created].map((e) => e.row),
  );
  await tagClaims(
    tx,
    claims.map((c) => ({ claimId: c.state.id, names: c.tags })),
  );
  const all = [...created, ...touched];
  await syncEventTags(
    tx,
    all.map((e) => e.row.id),
  );
  await rebuildPositionsOf(
    tx,
    all.map((e) => e.row),
  );
  for (const c of changes) for (const row of [c.before, c.after]) if (row && pendingEvent.has(row.id)) row.id = pendingEvent.get(row.id)!;
  const entries = changes.map((c) => claimChange(actor, c.before ? "merged" : "created", c.event.row.id, c.claim.id, c.before, c.after));
  const changeIds = await insertRows(
    tx,
    "Change",
    entries.map((entry) => ({ ...changeRow(entry), at: now })),
  );
  for (const id of extra) await recomputeEvent(tx, id);

  let change = 0;
  const results = planned.map((p, at): IngestResult => {
    const o = outcomes[at];
    const written = nothingWritten();
    written.personIds.push(...[p.person, p.manager].filter((r) => r?.created).map((r) => real("person", r!.id)));
    written.companyIds.push(...[p.company, p.destination].filter((r) => r?.created).map((r) => real("company", r!.id)));
    written.personAliasIds.push(...[p.person, p.manager].flatMap((r) => r?.aliases ?? []).map((i) => aliasIds.person[i]));
    written.companyAliasIds.push(...[p.company, p.destination].flatMap((r) => r?.aliases ?? []).map((i) => aliasIds.company[i]));
    written.externalIdIds.push(...[p.person, p.company, p.destination, p.manager].flatMap((r) => r?.externalIds ?? []).map((i) => externalIds[i]));
    if (p.source.created) written.sourceIds.push(p.source.state.id);
    written.sourceIds.push(...p.source.createdCited.map((s) => s.id));
    written.citations.push(...p.source.citations.map((c): [number, number] => [c.citing, c.cited]));
    const eventId = typeof o.event === "number" ? o.event : o.event.row.id;
    const claimId = typeof o.claim === "number" ? o.claim : o.claim.id;
    if (o.outcome !== "duplicate") {
      written.claimIds.push(claimId);
      written.changeIds.push(changeIds[change++]);
      (o.outcome === "created" ? written.createdEventIds : written.touchedEventIds).push(eventId);
      written.touchedEventIds.push(...o.others.map((id) => pendingEvent.get(id) ?? id));
    }
    const ref = (kind: EntityKind, r: Resolution) => ({ id: real(kind, r.id), matchedBy: r.matchedBy });
    return {
      outcome: o.outcome,
      eventId,
      claimId,
      created: { person: p.person.created, company: p.company.created, destination: !!p.destination?.created, source: p.source.created },
      resolved: {
        person: ref("person", p.person),
        company: ref("company", p.company),
        destination: p.destination ? ref("company", p.destination) : null,
      },
      eventBefore: o.before,
      written,
    };
  });
  return { results, handled };
}
