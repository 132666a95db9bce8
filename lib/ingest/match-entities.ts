/**
 * Which recorded person or company a reference names, and by what: an external identifier first (a
 * Wikidata QID is the strongest evidence of identity), then the primary name's key, then an alias's key.
 * The preflight, the write path and the import report all ask here, so they cannot disagree.
 */
import { normalizeName } from "@/lib/domain/names";
import type { Tx } from "@/lib/db-factory";
import { IngestError } from "./ingest-error";

export type EntityKind = "person" | "company";
/** external_id: an identifier matched; exact_alias: a recorded spelling equals the name; normalized_key: the same key, spelt differently */
export type MatchedBy = "external_id" | "exact_alias" | "normalized_key";

export interface EntityRef {
  name: string;
  aliases: string[];
  externalIds?: { scheme: string; value: string }[];
}

export interface Spelling {
  key: string;
  name: string;
}

export function spellings(ref: { name: string; aliases: string[] }): Spelling[] {
  const seen = new Map<string, string>();
  for (const name of [ref.name, ...ref.aliases]) {
    const key = normalizeName(name);
    if (key && !seen.has(key)) seen.set(key, name);
  }
  return [...seen].map(([key, name]) => ({ key, name }));
}

/** Alias rows with the given keys, as { key, name, ownerId }, for either kind. */
export async function aliasRows(tx: Tx, kind: EntityKind, keys: string[]): Promise<AliasRow[]> {
  if (kind === "person") {
    const rows = await tx.personAlias.findMany({ where: { key: { in: keys } }, select: { key: true, name: true, personId: true } });
    return rows.map((r) => ({ key: r.key, name: r.name, ownerId: r.personId }));
  }
  const rows = await tx.companyAlias.findMany({ where: { key: { in: keys } }, select: { key: true, name: true, companyId: true } });
  return rows.map((r) => ({ key: r.key, name: r.name, ownerId: r.companyId }));
}

export interface ExternalIdRow {
  personId: number | null;
  companyId: number | null;
}

/** The owner the identifier rows name (null: none recorded); identifiers of two owners, or of the other kind, are refused. */
export function externalIdOwner(kind: EntityKind, rows: ExternalIdRow[]): number | null {
  const owners = [...new Set(rows.map((r) => (kind === "person" ? r.personId : r.companyId)).filter((v): v is number => v !== null))];
  if (owners.length > 1)
    throw new IngestError({
      [`${kind}.externalIds`]: [`These identifiers belong to ${owners.length} different recorded ${kind === "person" ? "people" : "companies"}`],
    });
  if (rows.length > 0 && owners.length === 0)
    throw new IngestError({ [`${kind}.externalIds`]: [`That identifier belongs to a ${kind === "person" ? "company" : "person"}`] });
  return owners[0] ?? null;
}

async function byExternalId(tx: Tx, kind: EntityKind, ids: { scheme: string; value: string }[]): Promise<number | null> {
  if (ids.length === 0) return null;
  const rows = await tx.externalId.findMany({
    where: { OR: ids.map((i) => ({ scheme: i.scheme, value: i.value })) },
    select: { personId: true, companyId: true, scheme: true, value: true },
  });
  return externalIdOwner(kind, rows);
}

export interface AliasRow {
  key: string;
  name: string;
  ownerId: number;
}

/** The primary name decides first; an alias match only counts when the primary name is unknown. */
export function matchByAlias(names: Spelling[], rows: AliasRow[]): { id: number; by: MatchedBy } | null {
  for (const n of names) {
    const hits = rows.filter((r) => r.key === n.key);
    if (hits.length === 0) continue;
    const exact = hits.find((r) => r.name === n.name);
    return { id: (exact ?? hits[0]).ownerId, by: exact ? "exact_alias" : "normalized_key" };
  }
  return null;
}

/** The recorded entity a reference names, or null when ingest would create one. */
export async function matchEntity(tx: Tx, kind: EntityKind, ref: EntityRef): Promise<{ id: number; by: MatchedBy } | null> {
  const external = await byExternalId(tx, kind, ref.externalIds ?? []);
  if (external !== null) return { id: external, by: "external_id" };
  const names = spellings(ref);
  const rows = await aliasRows(
    tx,
    kind,
    names.map((n) => n.key),
  );
  return matchByAlias(names, rows);
}

/** Record identifiers the entity does not have yet; one that belongs to another entity was refused by matchEntity. */
export async function recordExternalIds(tx: Tx, kind: EntityKind, id: number, ids: { scheme: string; value: string }[]): Promise<number[]> {
  const created: number[] = [];
  for (const i of ids) {
    const known = await tx.externalId.findUnique({ where: { scheme_value: { scheme: i.scheme, value: i.value } }, select: { id: true } });
    if (known) continue;
    const row = await tx.externalId.create({
      data: { scheme: i.scheme, value: i.value, ...(kind === "person" ? { personId: id } : { companyId: id }) },
    });
    created.push(row.id);
  }
  return created;
}
