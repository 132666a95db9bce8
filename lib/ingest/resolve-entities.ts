/**
 * Find-or-create people, companies and sources by normalized key, recording every new spelling as an
 * alias. Runs inside the ingest transaction.
 */
import { createHash } from "node:crypto";
import { normalizeName, slugify } from "@/lib/domain/names";
import { partialDate } from "@/lib/domain/partial-date";
import type { Tx } from "@/lib/db-factory";
import type { CitedSourceInput, CompanyRef, NewSourceInput, PersonRef } from "@/lib/validation/claim";
import { IngestError } from "./ingest-error";
import { aliasRows, matchEntity, recordExternalIds, spellings, type AliasRow, type EntityRef, type MatchedBy } from "./match-entities";

export async function uniqueSlug(base: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  for (let i = 1; ; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    if (!(await taken(slug))) return slug;
  }
}

/**
 * The alias rows of other entities among `rows` (those of the spellings' keys): only the primary name (keys[0])
 * names an entity, so an alias that matches someone else is a collision, even when the primary name is new
 * (that is how "Brand New Name X" with the alias "Mira Murati" would merge).
 */
export function collidingAliases(keys: string[], rows: AliasRow[]): AliasRow[] {
  const target = rows.find((r) => r.key === keys[0])?.ownerId ?? null;
  return rows.filter((r) => r.ownerId !== target && !rows.some((o) => o.key === r.key && o.ownerId === target));
}

/**
 * Spellings that would land on one entity while already belonging to another: a new "Brand New Name X"
 * with the alias "Mira Murati", or an alias of one person given to another. Never merged silently: the
 * caller is told, and names the existing entity instead (its name as the primary name) or drops the alias.
 */
export async function aliasCollisions(
  tx: Tx,
  kind: "person" | "company",
  ref: { name: string; aliases: string[] },
): Promise<{ alias: string; owner: { name: string; slug: string } }[]> {
  const names = spellings(ref);
  const keys = names.map((n) => n.key);
  const others = collidingAliases(keys, await aliasRows(tx, kind, keys));
  if (others.length === 0) return [];
  const ids = [...new Set(others.map((o) => o.ownerId))];
  const owners =
    kind === "person"
      ? await tx.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, slug: true } })
      : await tx.company.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, slug: true } });
  return others.map((o) => ({ alias: names.find((n) => n.key === o.key)!.name, owner: owners.find((w) => w.id === o.ownerId)! }));
}

/** The person resolvePerson would pick, without creating anything; null when it would create one. */
export async function findPersonId(tx: Tx, ref: EntityRef): Promise<number | null> {
  return (await matchEntity(tx, "person", ref))?.id ?? null;
}

/** The company resolveCompany would pick, without creating anything; null when it would create one. */
export async function findCompanyId(tx: Tx, ref: EntityRef): Promise<number | null> {
  return (await matchEntity(tx, "company", ref))?.id ?? null;
}

/** A resolved person or company: whether it was created, and the aliases recorded just now (for undo). */
export interface Resolved {
  id: number;
  created: boolean;
  /** how a recorded entity was found (null when created) */
  matchedBy: MatchedBy | null;
  aliasIds: number[];
  externalIdIds: number[];
}

export async function resolvePerson(tx: Tx, ref: PersonRef): Promise<Resolved> {
  const names = spellings(ref);
  const match = await matchEntity(tx, "person", ref);
  let id = match?.id ?? null;
  const created = id === null;
  if (id === null) {
    const slug = await uniqueSlug(slugify(ref.name), async (s) => (await tx.person.count({ where: { slug: s } })) > 0);
    id = (await tx.person.create({ data: { name: ref.name, slug } })).id;
  }
  const aliasIds: number[] = [];
  for (const n of names) {
    const known = await tx.personAlias.findUnique({ where: { personId_key: { personId: id, key: n.key } }, select: { id: true } });
    if (!known) aliasIds.push((await tx.personAlias.create({ data: { personId: id, key: n.key, name: n.name } })).id);
  }
  const externalIdIds = await recordExternalIds(tx, "person", id, ref.externalIds ?? []);
  return { id, created, matchedBy: match?.by ?? null, aliasIds, externalIdIds };
}

export const newCompanyData = (ref: CompanyRef, slug: string) => ({
  name: ref.name,
  slug,
  kind: ref.kind ?? "company",
  foundedAt: ref.foundedAt ? partialDate(ref.foundedAt).text : null,
});

/** Later, more specific information fills gaps but never overwrites what is recorded. */
export const companyFill = (existing: { kind: string; foundedAt: string | null }, ref: CompanyRef) => ({
  kind: (existing.kind === "company" && ref.kind ? ref.kind : existing.kind) as NonNullable<CompanyRef["kind"]>,
  foundedAt: existing.foundedAt ?? (ref.foundedAt ? partialDate(ref.foundedAt).text : null),
});

export async function resolveCompany(tx: Tx, ref: CompanyRef): Promise<Resolved> {
  const names = spellings(ref);
  const match = await matchEntity(tx, "company", ref);
  let id = match?.id ?? null;
  const created = id === null;
  if (id === null) {
    const slug = await uniqueSlug(slugify(ref.name), async (s) => (await tx.company.count({ where: { slug: s } })) > 0);
    id = (await tx.company.create({ data: newCompanyData(ref, slug) })).id;
  } else if (ref.kind || ref.foundedAt) {
    const existing = await tx.company.findUniqueOrThrow({ where: { id } });
    await tx.company.update({ where: { id }, data: companyFill(existing, ref) });
  }
  const aliasIds: number[] = [];
  for (const n of names) {
    const known = await tx.companyAlias.findUnique({ where: { companyId_key: { companyId: id, key: n.key } }, select: { id: true } });
    if (!known) aliasIds.push((await tx.companyAlias.create({ data: { companyId: id, key: n.key, name: n.name } })).id);
  }
  const externalIdIds = await recordExternalIds(tx, "company", id, ref.externalIds ?? []);
  return { id, created, matchedBy: match?.by ?? null, aliasIds, externalIdIds };
}

export function sourceDedupKey(s: { url?: string; title?: string; publisher?: string }): string {
  return s.url ? `url:${s.url}` : `title:${normalizeName(s.title ?? "")}|${normalizeName(s.publisher ?? "")}`;
}

export const textSha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export type SourceFields = Omit<NewSourceInput, "cites">;
export type SourceRef = SourceFields | { url: string; title?: string };

type SourceRow = NonNullable<Awaited<ReturnType<Tx["source"]["findUnique"]>>>;
type SourceFill = Pick<SourceRow, "titleEnglish" | "archiveUrl" | "accessedAt" | "text" | "textSha256" | "publisher">;

/** What a later, fuller description of a recorded source fills in (never overwrites); null when nothing changes. */
export function sourceFill(existing: SourceFill, ref: SourceRef): SourceFill | null {
  const full = "language" in ref ? ref : null;
  if (!full) return null;
  const fill = {
    titleEnglish: existing.titleEnglish ?? full.titleEnglish ?? null,
    archiveUrl: existing.archiveUrl ?? full.archiveUrl ?? null,
    accessedAt: existing.accessedAt ?? full.accessedAt ?? null,
    text: existing.text ?? full.text ?? null,
    textSha256: existing.textSha256 ?? (full.text ? textSha256(full.text) : null),
    publisher: existing.publisher ?? full.publisher ?? null,
  };
  return Object.entries(fill).some(([k, v]) => existing[k as keyof SourceFill] !== v) ? fill : null;
}

/** The row a new source is recorded as. */
export function newSourceData(ref: SourceRef) {
  const full = "language" in ref ? ref : null;
  const published = full?.publishedAt ? partialDate(full.publishedAt) : null;
  return {
    dedupKey: sourceDedupKey(ref),
    title: ref.title ?? ref.url!,
    titleEnglish: full?.titleEnglish ?? null,
    publisher: full?.publisher ?? null,
    url: ref.url ?? null,
    archiveUrl: full?.archiveUrl ?? null,
    accessedAt: full?.accessedAt ?? null,
    text: full?.text ?? null,
    textSha256: full?.text ? textSha256(full.text) : null,
    publishedText: published?.text ?? null,
    publishedPrecision: published?.precision ?? null,
    // a source known only by its address: its language is not known ("und", BCP 47)
    language: full?.language ?? "und",
    kind: full?.kind ?? "article",
  };
}

/** Find a recorded source, or record it; a later description fills what the record lacks, never overwrites. */
async function findOrCreateSource(tx: Tx, ref: SourceRef): Promise<{ id: number; created: boolean }> {
  const existing = await tx.source.findUnique({ where: { dedupKey: sourceDedupKey(ref) } });
  if (existing) {
    const fill = sourceFill(existing, ref);
    if (fill) await tx.source.update({ where: { id: existing.id }, data: fill });
    return { id: existing.id, created: false };
  }
  const created = await tx.source.create({ data: newSourceData(ref) });
  return { id: created.id, created: true };
}

async function resolveCited(tx: Tx, ref: CitedSourceInput): Promise<{ id: number; created: boolean }> {
  if ("id" in ref && typeof ref.id === "number") {
    const found = await tx.source.findUnique({ where: { id: ref.id }, select: { id: true } });
    if (!found) throw new IngestError({ "source.cites": [`No recorded source has id ${ref.id}`] });
    return { id: found.id, created: false };
  }
  return findOrCreateSource(tx, ref as SourceFields);
}

/**
 * The claim's source, recorded if new, with the citations it declares. `linked` lists the sources of any
 * citation recorded just now: events resting on them may have lost an independent source.
 */
export async function resolveSource(
  tx: Tx,
  ref: NewSourceInput | { id: number },
): Promise<{ id: number; created: boolean; linked: number[]; citations: [number, number][]; createdCited: number[] }> {
  if ("id" in ref) {
    const found = await tx.source.findUnique({ where: { id: ref.id }, select: { id: true } });
    if (!found) throw new IngestError({ "source.id": [`No recorded source has id ${ref.id}`] });
    return { id: found.id, created: false, linked: [], citations: [], createdCited: [] };
  }
  const { cites, ...fields } = ref;
  const source = await findOrCreateSource(tx, fields);
  const citations: [number, number][] = [];
  const createdCited: number[] = [];
  for (const cited of cites ?? []) {
    const c = await resolveCited(tx, cited);
    if (c.created) createdCited.push(c.id);
    if (c.id === source.id) continue;
    const known = await tx.sourceCitation.findUnique({ where: { citingId_citedId: { citingId: source.id, citedId: c.id } } });
    if (known) continue;
    await tx.sourceCitation.create({ data: { citingId: source.id, citedId: c.id } });
    citations.push([source.id, c.id]);
  }
  return { ...source, linked: citations.flat(), citations, createdCited };
}
