/**
 * The bulk import's first step (lib/ingest/ingest-bulk.ts): what a run of claims names (aliases, external
 * ids, sources, citations, taken slugs), read in a few queries.
 */
import type { Tx } from "@/lib/db-factory";
import { slugify } from "@/lib/domain/names";
import type { ClaimInput, CompanyRef, PersonRef } from "@/lib/validation/claim";
import { type Provenance } from "./ingest-claim";
import { newSourceData, sourceDedupKey, type SourceRef } from "./resolve-entities";
import { spellings, type AliasRow, type EntityKind, type ExternalIdRow } from "./match-entities";

export interface BulkItem {
  input: ClaimInput;
  provenance?: Provenance;
}

/** Add to the list under `key` (in place: a run appends tens of thousands of times). */
export function append<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A claim the bulk path cannot take; the run ends before it. */
export class NotBulk extends Error {}

// ---------------------------------------------------------------------------------------------------------
// What the run's claims name, read in a few queries

export interface SourceState {
  id: number;
  created: boolean;
  row: ReturnType<typeof newSourceData>;
  /** recorded before the run and filled by it: updated at the end */
  filled: boolean;
  /** the publisher from each claim's index on (a fill can set it mid-run; independence reads it as of then) */
  publishers: { from: number; publisher: string | null }[];
}

export interface Loaded {
  aliases: Record<EntityKind, AliasRow[]>;
  externalIds: (ExternalIdRow & { scheme: string; value: string })[];
  sources: (SourceState["row"] & { id: number })[];
  citations: [number, number][];
  slugs: Record<EntityKind, string[]>;
}

export const refsOf = (input: ClaimInput) => ({
  person: [input.person, input.reportsTo].filter((r): r is PersonRef => !!r),
  company: [input.company, input.destination].filter((r): r is CompanyRef => !!r),
});

export function sourceRefsOf(input: ClaimInput): SourceRef[] {
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

export async function load(tx: Tx, items: BulkItem[]): Promise<Loaded> {
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
