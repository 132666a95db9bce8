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
 */
import { claimsAsFacts, type ClaimRow } from "@/lib/data/event-facts";
import type { Tx } from "@/lib/db-factory";
import { insertRows } from "@/lib/db/insert-rows";
import { summarizeEvent } from "@/lib/domain/event-summary";
import { slugify } from "@/lib/domain/names";
import type { EventKind } from "@/lib/domain/vocabulary";
import type { ClaimInput, CompanyRef, NewSourceInput, PersonRef } from "@/lib/validation/claim";
import type { Actor } from "./actor";
import { changeRow } from "./change-log";
import { claimChange, claimRow, nothingWritten, provenanceDedupKey, type EventRow, type IngestResult, type Provenance } from "./ingest-claim";
import { IngestError } from "./ingest-error";
import {
  collidingAliases,
  companyFill,
  newCompanyData,
  newSourceData,
  sourceDedupKey,
  sourceFill,
  uniqueSlug,
  type SourceRef,
} from "./resolve-entities";
import { externalIdOwner, matchByAlias, spellings, type AliasRow, type EntityKind, type ExternalIdRow, type MatchedBy } from "./match-entities";
import { checkClaim, nearEvents } from "./preflight";
import { eventColumns, lockEvents, lockSubjects, rebuildPositionsOf, recomputeEvent } from "./recompute-event";
import { countEventsChanged } from "./rollups";
import { syncEventTags, tagClaims } from "./tags";

export interface BulkItem {
  input: ClaimInput;
  provenance?: Provenance;
}

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

/** Add to the list under `key` (in place: a run appends tens of thousands of times). */
function append<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A claim the bulk path cannot take; the run ends before it. */
class NotBulk extends Error {}

// ---------------------------------------------------------------------------------------------------------
// What the run's claims name, read in a few queries

interface SourceState {
  id: number;
  created: boolean;
  row: ReturnType<typeof newSourceData>;
  /** recorded before the run and filled by it: updated at the end */
  filled: boolean;
  /** the publisher from each claim's index on (a fill can set it mid-run; independence reads it as of then) */
  publishers: { from: number; publisher: string | null }[];
}

interface Loaded {
  aliases: Record<EntityKind, AliasRow[]>;
  externalIds: (ExternalIdRow & { scheme: string; value: string })[];
  sources: (SourceState["row"] & { id: number })[];
  citations: [number, number][];
  slugs: Record<EntityKind, string[]>;
}

const refsOf = (input: ClaimInput) => ({
  person: [input.person, input.reportsTo].filter((r): r is PersonRef => !!r),
  company: [input.company, input.destination].filter((r): r is CompanyRef => !!r),
});

function sourceRefsOf(input: ClaimInput): SourceRef[] {
  if ("id" in input.source) return [];
  const { cites, ...fields } = input.source;
  return [fields, ...((cites ?? []).filter((c) => !("id" in c)) as SourceRef[])];
}

async function takenSlugs(tx: Tx, kind: EntityKind, bases: string[]): Promise<string[]> {
  const find = (where: { slug: { in: string[] } } | { OR: { slug: { startsWith: string } }[] }) =>
    kind === "person" ? tx.person.findMany({ where, select: { slug: true } }) : tx.company.findMany({ where, select: { slug: true } });
  const taken = (await find({ slug: { in: bases } })).map((r) => r.slug);
  if (taken.length === 0) return taken;
  // a taken base: uniqueSlug tries base-2, base-3, … (found with one more query)
  const more = await find({ OR: taken.map((t) => ({ slug: { startsWith: `${t}-` } })) });
  return [...taken, ...more.map((r) => r.slug)];
}

async function load(tx: Tx, items: BulkItem[]): Promise<Loaded> {
  const keys = { person: new Set<string>(), company: new Set<string>() };
  const bases = { person: new Set<string>(), company: new Set<string>() };
  const values = new Set<string>();
  const sourceKeys = new Set<string>();
  for (const { input } of items) {
    const refs = refsOf(input);
    for (const kind of ["person", "company"] as const)
      for (const ref of refs[kind]) {
        for (const s of spellings(ref)) keys[kind].add(s.key);
        bases[kind].add(slugify(ref.name));
        for (const e of ref.externalIds ?? []) values.add(e.value);
      }
    for (const s of sourceRefsOf(input)) sourceKeys.add(sourceDedupKey(s));
  }
  const [people, companies, externalIds, sources, personSlugs, companySlugs] = await Promise.all([
    tx.personAlias.findMany({ where: { key: { in: [...keys.person] } }, select: { key: true, name: true, personId: true }, orderBy: { id: "asc" } }),
    tx.companyAlias.findMany({
      where: { key: { in: [...keys.company] } },
      select: { key: true, name: true, companyId: true },
      orderBy: { id: "asc" },
    }),
    values.size > 0
      ? tx.externalId.findMany({ where: { value: { in: [...values] } }, select: { scheme: true, value: true, personId: true, companyId: true } })
      : [],
    tx.source.findMany({ where: { dedupKey: { in: [...sourceKeys] } } }),
    takenSlugs(tx, "person", [...bases.person]),
    takenSlugs(tx, "company", [...bases.company]),
  ]);
  const ids = sources.map((s) => s.id);
  const citations =
    ids.length > 0 ? await tx.sourceCitation.findMany({ where: { citingId: { in: ids } }, select: { citingId: true, citedId: true } }) : [];
  return {
    aliases: {
      person: people.map((r) => ({ key: r.key, name: r.name, ownerId: r.personId })),
      company: companies.map((r) => ({ key: r.key, name: r.name, ownerId: r.companyId })),
    },
    externalIds,
    sources: sources as Loaded["sources"],
    citations: citations.map((c) => [c.citingId, c.citedId]),
    slugs: { person: personSlugs, company: companySlugs },
  };
}

// ---------------------------------------------------------------------------------------------------------
// The run's people, companies and sources, resolved in memory in claim order

/** A citation the run records, from the claim at index `at` on. */
interface Citation {
  citing: number;
  cited: number;
  at: number;
}

interface Resolution {
  id: number;
  created: boolean;
  matchedBy: MatchedBy | null;
  aliases: number[];
  externalIds: number[];
}

interface NewEntity {
  id: number;
  data: { name: string; slug: string; kind?: string; foundedAt?: string | null };
}

class Entities {
  private aliases: Record<EntityKind, Map<string, AliasRow[]>> = { person: new Map(), company: new Map() };
  private slugs: Record<EntityKind, Set<string>>;
  private externalIds = new Map<string, ExternalIdRow>();
  private sourcesByKey = new Map<string, SourceState>();
  private citationKeys = new Set<string>();
  private nextId = -1;
  readonly created: Record<EntityKind, NewEntity[]> = { person: [], company: [] };
  readonly newAliases: Record<EntityKind, AliasRow[]> = { person: [], company: [] };
  readonly newExternalIds: { kind: EntityKind; ownerId: number; scheme: string; value: string }[] = [];
  /** companies recorded before the run that a claim describes further (kind, foundedAt), in order */
  readonly companyFills: { id: number; ref: CompanyRef }[] = [];
  readonly newSources: SourceState[] = [];
  readonly filledSources: SourceState[] = [];
  readonly newCitations: Citation[] = [];

  constructor(loaded: Loaded) {
    for (const kind of ["person", "company"] as const) for (const row of loaded.aliases[kind]) append(this.aliases[kind], row.key, row);
    this.slugs = { person: new Set(loaded.slugs.person), company: new Set(loaded.slugs.company) };
    for (const e of loaded.externalIds) this.externalIds.set(`${e.scheme}\u0000${e.value}`, e);
    for (const row of loaded.sources)
      this.sourcesByKey.set(row.dedupKey, {
        id: row.id,
        created: false,
        row: { ...row },
        filled: false,
        publishers: [{ from: 0, publisher: row.publisher }],
      });
    for (const [citing, cited] of loaded.citations) this.citationKeys.add(`${citing}:${cited}`);
  }

  private rows(kind: EntityKind, keys: string[]) {
    return keys.flatMap((k) => this.aliases[kind].get(k) ?? []);
  }

  /** Would the preflight report one of the ref's aliases as someone else's name? */
  collides(kind: EntityKind, ref: { name: string; aliases: string[] }) {
    const keys = spellings(ref).map((n) => n.key);
    return collidingAliases(keys, this.rows(kind, keys)).length > 0;
  }

  /** matchEntity over what is recorded and what the run created so far. */
  match(kind: EntityKind, ref: PersonRef | CompanyRef): { id: number; by: MatchedBy } | null {
    const external = externalIdOwner(
      kind,
      (ref.externalIds ?? []).map((i) => this.externalIds.get(`${i.scheme}\u0000${i.value}`)).filter((r): r is ExternalIdRow => !!r),
    );
    if (external !== null) return { id: external, by: "external_id" };
    const names = spellings(ref);
    return matchByAlias(
      names,
      this.rows(
        kind,
        names.map((n) => n.key),
      ),
    );
  }

  /** resolvePerson / resolveCompany. */
  async resolve(kind: EntityKind, ref: PersonRef | CompanyRef): Promise<Resolution> {
    const match = this.match(kind, ref);
    let id = match?.id ?? null;
    if (id === null) {
      const slug = await uniqueSlug(slugify(ref.name), async (s) => this.slugs[kind].has(s));
      this.slugs[kind].add(slug);
      id = this.nextId--;
      this.created[kind].push({ id, data: kind === "person" ? { name: ref.name, slug } : newCompanyData(ref as CompanyRef, slug) });
    } else if (kind === "company" && ((ref as CompanyRef).kind || (ref as CompanyRef).foundedAt)) {
      const fresh = this.created.company.find((c) => c.id === id);
      if (fresh) Object.assign(fresh.data, companyFill(fresh.data as { kind: string; foundedAt: string | null }, ref as CompanyRef));
      else this.companyFills.push({ id, ref: ref as CompanyRef });
    }
    const aliases: number[] = [];
    for (const n of spellings(ref)) {
      if ((this.aliases[kind].get(n.key) ?? []).some((r) => r.ownerId === id)) continue;
      const row = { key: n.key, name: n.name, ownerId: id };
      append(this.aliases[kind], n.key, row);
      aliases.push(this.newAliases[kind].push(row) - 1);
    }
    const externalIds: number[] = [];
    for (const e of ref.externalIds ?? []) {
      const key = `${e.scheme}\u0000${e.value}`;
      if (this.externalIds.has(key)) continue;
      this.externalIds.set(key, kind === "person" ? { personId: id, companyId: null } : { personId: null, companyId: id });
      externalIds.push(this.newExternalIds.push({ kind, ownerId: id, scheme: e.scheme, value: e.value }) - 1);
    }
    return { id, created: match === null, matchedBy: match?.by ?? null, aliases, externalIds };
  }

  recordedSource(ref: SourceRef): SourceState | null {
    return this.sourcesByKey.get(sourceDedupKey(ref)) ?? null;
  }

  /** findOrCreateSource: `created` when this call recorded it. */
  private findOrCreateSource(ref: SourceRef, at: number): { state: SourceState; created: boolean } {
    const existing = this.recordedSource(ref);
    if (existing) {
      const fill = sourceFill(existing.row, ref);
      if (fill) {
        Object.assign(existing.row, fill);
        if (!existing.created && !existing.filled) this.filledSources.push(existing);
        existing.filled = !existing.created;
        if (existing.publishers.at(-1)!.publisher !== existing.row.publisher)
          existing.publishers.push({ from: at, publisher: existing.row.publisher });
      }
      return { state: existing, created: false };
    }
    const row = newSourceData(ref);
    const state: SourceState = { id: this.nextId--, created: true, row, filled: false, publishers: [{ from: at, publisher: row.publisher }] };
    this.sourcesByKey.set(row.dedupKey, state);
    this.newSources.push(state);
    return { state, created: true };
  }

  /** resolveSource for a described source (never one given by id). */
  resolveSource(ref: NewSourceInput, at: number) {
    const { cites, ...fields } = ref;
    const { state: source, created } = this.findOrCreateSource(fields, at);
    const createdCited: SourceState[] = [];
    const citations: Citation[] = [];
    for (const cited of (cites ?? []) as SourceRef[]) {
      const c = this.findOrCreateSource(cited, at);
      if (c.created) createdCited.push(c.state);
      if (c.state === source) continue;
      const key = `${source.id}:${c.state.id}`;
      if (this.citationKeys.has(key)) continue;
      this.citationKeys.add(key);
      const citation = { citing: source.id, cited: c.state.id, at };
      this.newCitations.push(citation);
      citations.push(citation);
    }
    return { state: source, created, createdCited, citations };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Pass 1: each claim's checks and entities, in order

interface Planned {
  item: BulkItem;
  kind: EventKind;
  plan: ReturnType<typeof checkClaim>;
  source: { state: SourceState; created: boolean; createdCited: SourceState[]; citations: Citation[] };
  person: Resolution;
  company: Resolution;
  destination: Resolution | null;
  manager: Resolution | null;
}

function bulkShaped(input: ClaimInput): input is ClaimInput & { source: NewSourceInput } {
  if (input.eventId !== undefined || "id" in input.source) return false;
  return (input.source.cites ?? []).every((c) => !("id" in c));
}

async function planEntities(loaded: Loaded, items: BulkItem[]): Promise<{ entities: Entities; planned: Planned[] }> {
  const entities = new Entities(loaded);
  const planned: Planned[] = [];
  for (const [at, item] of items.entries()) {
    const { input } = item;
    if (!bulkShaped(input)) throw Object.assign(new NotBulk(), { at });
    const recorded = entities.recordedSource(input.source);
    const checked = checkClaim(input, recorded ? { text: recorded.row.text, publishedText: recorded.row.publishedText } : null);
    const refs = [
      ["person", input.person],
      ["company", input.company],
      ["company", input.destination],
      ["person", input.reportsTo],
    ] as const;
    const collides = refs.some(([kind, ref]) => ref && entities.collides(kind, ref));
    if (Object.keys(checked.problems).length > 0 || collides) throw Object.assign(new NotBulk(), { at });
    try {
      // the preflight's lookups: an identifier of two owners is refused before anything is written
      for (const [kind, ref] of refs.slice(0, 3)) if (ref) entities.match(kind, ref);
      const source = entities.resolveSource(input.source, at);
      const person = await entities.resolve("person", input.person);
      const company = await entities.resolve("company", input.company);
      const destination = input.destination ? await entities.resolve("company", input.destination) : null;
      const manager = input.reportsTo ? await entities.resolve("person", input.reportsTo) : null;
      planned.push({ item, kind: checked.kind, plan: checked, source, person, company, destination, manager });
    } catch (error) {
      if (error instanceof IngestError) throw Object.assign(new NotBulk(), { at });
      throw error;
    }
  }
  return { entities, planned };
}

/** Pass 1 over the longest prefix of the items it can take (a claim it cannot take may have half-resolved). */
async function planPrefix(loaded: Loaded, items: BulkItem[]) {
  try {
    return { ...(await planEntities(loaded, items)), handled: items.length };
  } catch (error) {
    if (!(error instanceof NotBulk)) throw error;
    const at = (error as NotBulk & { at: number }).at;
    return { ...(await planEntities(loaded, items.slice(0, at))), handled: at };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Writing the entities; pending ids become real ones

async function writeEntities(tx: Tx, e: Entities) {
  const realId: Record<EntityKind | "source", Map<number, number>> = { person: new Map(), company: new Map(), source: new Map() };
  const createdAt = new Date();
  const people = await insertRows(
    tx,
    "Person",
    e.created.person.map((p) => ({ name: p.data.name, slug: p.data.slug, createdAt })),
  );
  e.created.person.forEach((p, i) => realId.person.set(p.id, people[i]));
  const companies = await insertRows(
    tx,
    "Company",
    e.created.company.map((c) => ({ ...(c.data as ReturnType<typeof newCompanyData>), createdAt })),
  );
  e.created.company.forEach((c, i) => realId.company.set(c.id, companies[i]));
  const sources = await insertRows(
    tx,
    "Source",
    e.newSources.map((s) => ({ ...s.row, createdAt })),
  );
  e.newSources.forEach((s, i) => {
    realId.source.set(s.id, sources[i]);
    s.id = sources[i];
  });
  const real = (kind: EntityKind | "source", id: number) => (id < 0 ? realId[kind].get(id)! : id);

  for (const s of e.filledSources) {
    const { titleEnglish, archiveUrl, accessedAt, text, textSha256, publisher } = s.row;
    await tx.source.update({ where: { id: s.id }, data: { titleEnglish, archiveUrl, accessedAt, text, textSha256, publisher } });
  }
  const fills = new Map<number, CompanyRef[]>();
  for (const f of e.companyFills) append(fills, f.id, f.ref);
  for (const [id, refs] of fills) {
    let row = await tx.company.findUniqueOrThrow({ where: { id }, select: { kind: true, foundedAt: true } });
    for (const ref of refs) row = companyFill(row, ref);
    await tx.company.update({ where: { id }, data: row });
  }
  const personAliases = await insertRows(
    tx,
    "PersonAlias",
    e.newAliases.person.map((a) => ({ personId: real("person", a.ownerId), key: a.key, name: a.name })),
  );
  const companyAliases = await insertRows(
    tx,
    "CompanyAlias",
    e.newAliases.company.map((a) => ({ companyId: real("company", a.ownerId), key: a.key, name: a.name })),
  );
  const externalIds = await insertRows(
    tx,
    "ExternalId",
    e.newExternalIds.map((x) => ({
      scheme: x.scheme,
      value: x.value,
      personId: x.kind === "person" ? real("person", x.ownerId) : null,
      companyId: x.kind === "company" ? real("company", x.ownerId) : null,
      createdAt,
    })),
  );
  for (const c of e.newCitations) {
    c.citing = real("source", c.citing);
    c.cited = real("source", c.cited);
  }
  await insertRows(
    tx,
    "SourceCitation",
    e.newCitations.map((c) => ({ citingId: c.citing, citedId: c.cited })),
    null,
  );
  return { real, aliasIds: { person: personAliases, company: companyAliases }, externalIds };
}

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
