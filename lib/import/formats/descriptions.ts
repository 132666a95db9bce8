/**
 * People and companies a file describes beside its records (a departures file's `people`/`companies`,
 * Wikidata and Popolo entities), read into the shapes of lib/import/record.ts. An entry without a usable
 * name is a rejection, never silently dropped.
 */
import type { CompanyDescription, EntityIdentifier, PersonDescription, Rejection } from "@/lib/import/record";
import { isObject, reject, schemeOf, str, uniqueAliases } from "./shared";

export function identifiersOf(raw: unknown): EntityIdentifier[] {
  if (!Array.isArray(raw)) return [];
  const out: EntityIdentifier[] = [];
  for (const id of raw) {
    if (!isObject(id)) continue;
    const scheme = str(id.scheme);
    const value = str(id.value) ?? str(id.identifier);
    if (scheme && value) out.push({ scheme: schemeOf(scheme), value });
  }
  return out.slice(0, 10);
}

function described(raw: unknown, i: number, list: string, rejected: Rejection[]): (PersonDescription & Record<string, unknown>) | null {
  if (!isObject(raw) || !str(raw.name)) {
    rejected.push(reject({ index: i }, `${list}.${i}.name`, `${list === "people" ? "A person" : "A company"} needs a name`));
    return null;
  }
  const name = str(raw.name)!;
  const aliases = uniqueAliases(name, Array.isArray(raw.aliases) ? raw.aliases : []);
  const externalIds = identifiersOf(raw.externalIds);
  return { ...raw, name, ...(aliases.length ? { aliases } : {}), ...(externalIds.length ? { externalIds } : {}) };
}

export function peopleOf(raw: unknown, rejected: Rejection[]): PersonDescription[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((p, i) => {
    const d = described(p, i, "people", rejected);
    return d ? [{ name: d.name, ...(d.aliases ? { aliases: d.aliases } : {}), ...(d.externalIds ? { externalIds: d.externalIds } : {}) }] : [];
  });
}

export function companiesOf(raw: unknown, rejected: Rejection[]): CompanyDescription[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((c, i) => {
    const d = described(c, i, "companies", rejected);
    if (!d) return [];
    const out: CompanyDescription = { name: d.name };
    if (d.aliases) out.aliases = d.aliases;
    if (d.externalIds) out.externalIds = d.externalIds;
    const partOf = str(d.partOf);
    if (partOf) out.partOf = partOf;
    if (isObject(d.renamedTo) && str(d.renamedTo.name)) {
      out.renamedTo = { name: str(d.renamedTo.name)!, ...(str(d.renamedTo.date) ? { date: str(d.renamedTo.date) } : {}) };
    }
    return [out];
  });
}
