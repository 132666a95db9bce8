/**
 * The people and companies a dataset describes beside its claims: their aliases and external ids, and
 * the relations between companies (a unit of a parent, a rename with its date). Recorded through the
 * same resolvers as claims, so a described company and a claim's company are one record.
 */
import type { Tx } from "@/lib/db-factory";
import { partialDate } from "@/lib/domain/partial-date";
import { resolveCompany, resolvePerson, type Resolved } from "@/lib/ingest/resolve-entities";
import type { CompanyDescription, PersonDescription } from "./record";

export interface Described {
  kind: "person" | "company";
  as: string;
  resolved: Resolved;
}

export async function relateCompanies(tx: Tx, fromId: number, toId: number, kind: "part_of" | "renamed_to", date?: string) {
  const d = date ? partialDate(date) : null;
  const data = { dateText: d?.text ?? null, dateEarliest: d?.earliest ?? null, dateLatest: d?.latest ?? null };
  await tx.companyRelation.upsert({
    where: { fromId_toId_kind: { fromId, toId, kind } },
    create: { fromId, toId, kind, ...data },
    update: d ? data : {},
  });
}

export async function applyDescriptions(tx: Tx, people: PersonDescription[], companies: CompanyDescription[]): Promise<Described[]> {
  const out: Described[] = [];
  for (const p of people)
    out.push({
      kind: "person",
      as: p.name,
      resolved: await resolvePerson(tx, { name: p.name, aliases: p.aliases ?? [], externalIds: p.externalIds }),
    });
  for (const c of companies) {
    const company = await resolveCompany(tx, { name: c.name, aliases: c.aliases ?? [], externalIds: c.externalIds });
    out.push({ kind: "company", as: c.name, resolved: company });
    if (c.partOf) {
      const parent = await resolveCompany(tx, { name: c.partOf, aliases: [] });
      out.push({ kind: "company", as: c.partOf, resolved: parent });
      if (parent.id !== company.id) await relateCompanies(tx, company.id, parent.id, "part_of");
    }
    if (c.renamedTo) {
      const renamed = await resolveCompany(tx, { name: c.renamedTo.name, aliases: [] });
      out.push({ kind: "company", as: c.renamedTo.name, resolved: renamed });
      if (renamed.id !== company.id) await relateCompanies(tx, company.id, renamed.id, "renamed_to", c.renamedTo.date);
    }
  }
  return out;
}
