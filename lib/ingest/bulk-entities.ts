/**
 * The bulk import's people, companies and sources (lib/ingest/ingest-bulk.ts): resolved in memory in claim
 * order (pass 1), then written, pending ids becoming real ones.
 */
import type { Tx } from "@/lib/db-factory";
import { insertRows } from "@/lib/db/insert-rows";
import { slugify } from "@/lib/domain/names";
import type { EventKind } from "@/lib/domain/vocabulary";
import type { ClaimInput, CompanyRef, NewSourceInput, PersonRef } from "@/lib/validation/claim";
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
import { checkClaim } from "./preflight";
import { append, NotBulk, type BulkItem, type Loaded, type SourceState } from "./bulk-load";

// ---------------------------------------------------------------------------------------------------------
// The run's people, companies and sources, resolved in memory in claim order

/** A citation the run records, from the claim at index `at` on. */
export interface Citation {
  citing: number;
  cited: number;
  at: number;
}

export interface Resolution {
  id: number;
  created: boolean;
  matchedBy: MatchedBy | null;
  aliases: number[];
  externalIds: number[];
}

export interface NewEntity {
  id: number;
  data: { name: string; slug: string; kind?: string; foundedAt?: string | null };
}

export class Entities {
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

export interface Planned {
  item: BulkItem;
  kind: EventKind;
  plan: ReturnType<typeof checkClaim>;
  source: { state: SourceState; created: boolean; createdCited: SourceState[]; citations: Citation[] };
  person: Resolution;
  company: Resolution;
  destination: Resolution | null;
  manager: Resolution | null;
}

export function bulkShaped(input: ClaimInput): input is ClaimInput & { source: NewSourceInput } {
  if (input.eventId !== undefined || "id" in input.source) return false;
  return (input.source.cites ?? []).every((c) => !("id" in c));
}

export async function planEntities(loaded: Loaded, items: BulkItem[]): Promise<{ entities: Entities; planned: Planned[] }> {
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
export async function planPrefix(loaded: Loaded, items: BulkItem[]) {
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

export async function writeEntities(tx: Tx, e: Entities) {
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
