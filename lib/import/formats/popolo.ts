/**
 * Popolo JSON ({ persons, organizations, memberships }, popoloproject.com): each membership's start date a
 * joined claim and its end date a departed claim. The dataset is the claim's source, citing the
 * membership's sources; the source's note is the excerpt (the dataset's own words about the record), else
 * a rendering of the membership. Persons' other_names and organizations' parent_id are kept.
 */
import path from "node:path";
import type { CompanyDescription, FormatReader, PersonDescription } from "@/lib/import/record";
import { identifiersOf } from "./descriptions";
import {
  datasetRecordSource,
  emptyDataset,
  isObject,
  isWebAddress,
  readLooseDate,
  reject,
  stableKey,
  str,
  uniqueAliases,
  uniqueKeys,
} from "./shared";

type Json = Record<string, unknown>;

const otherNames = (e: Json) => (Array.isArray(e.other_names) ? e.other_names.map((n) => (isObject(n) ? n.name : n)) : []);

export const readPopolo: FormatReader = (text, { fileName }) => {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new Error(`not a JSON file: ${(error as Error).message}`);
  }
  if (!isObject(json) || !Array.isArray(json.memberships))
    throw new Error('a Popolo file is a JSON object with "persons", "organizations" and "memberships"');
  const out = emptyDataset("popolo");
  const meta = isObject(json.dataset) ? json.dataset : isObject(json.meta) ? json.meta : {};
  out.meta = {
    ...(str(meta.name) ? { dataset: str(meta.name) } : {}),
    ...(str(meta.version) ? { version: str(meta.version) } : {}),
    ...((str(meta.licence) ?? str(meta.license)) ? { licence: str(meta.licence) ?? str(meta.license) } : {}),
  };
  const datasetTitle = str(meta.title) ?? str(meta.name) ?? (fileName ? path.basename(fileName).replace(/\.[^.]+$/, "") : "Popolo dataset");
  const publisher = str(meta.publisher);

  const people = new Map<string, PersonDescription>();
  for (const p of Array.isArray(json.persons) ? json.persons : []) {
    if (!isObject(p) || !str(p.id) || !str(p.name)) continue;
    const name = str(p.name)!;
    const ids = identifiersOf(p.identifiers);
    people.set(str(p.id)!, { name, aliases: uniqueAliases(name, otherNames(p)), ...(ids.length ? { externalIds: ids } : {}) });
  }
  const orgs = new Map<string, CompanyDescription & { parentId?: string }>();
  for (const o of Array.isArray(json.organizations) ? json.organizations : []) {
    if (!isObject(o) || !str(o.id) || !str(o.name)) continue;
    const name = str(o.name)!;
    const ids = identifiersOf(o.identifiers);
    orgs.set(str(o.id)!, {
      name,
      aliases: uniqueAliases(name, otherNames(o)),
      ...(ids.length ? { externalIds: ids } : {}),
      parentId: str(o.parent_id),
    });
  }
  out.people = [...people.values()];
  out.companies = [...orgs.values()].map(({ parentId, ...c }) => {
    const parent = parentId ? orgs.get(parentId)?.name : undefined;
    return parent ? { ...c, partOf: parent } : c;
  });

  const key = uniqueKeys();
  json.memberships.forEach((m: unknown, index: number) => {
    const ref = { index };
    if (!isObject(m)) return void out.rejected.push(reject(ref, "membership", "A membership is an object with person_id and organization_id"));
    const person = people.get(str(m.person_id) ?? "");
    const org = orgs.get(str(m.organization_id) ?? "");
    if (!person) return void out.rejected.push(reject(ref, "person_id", `no person with id "${String(m.person_id ?? "")}" in "persons"`));
    if (!org)
      return void out.rejected.push(
        reject(ref, "organization_id", `no organization with id "${String(m.organization_id ?? "")}" in "organizations"`),
      );
    const dates: { start?: string; end?: string } = {};
    for (const [field, at] of [
      ["start_date", "start"],
      ["end_date", "end"],
    ] as const) {
      const raw = str(m[field]);
      if (!raw) continue;
      const read = readLooseDate(raw);
      if (!read.ok) return void out.rejected.push(reject(ref, field, read.error));
      dates[at] = read.text;
    }
    if (!dates.start && !dates.end)
      return void out.rejected.push(reject(ref, "start_date", "the membership has no start_date or end_date: nothing to record"));

    const sources = Array.isArray(m.sources) ? m.sources : [];
    const cites: { url: string; title?: string }[] = [];
    for (const [i, s] of sources.entries()) {
      if (!isObject(s) || !isWebAddress(s.url))
        return void out.rejected.push(
          reject(ref, `sources.${i}.url`, `"${String(isObject(s) ? (s.url ?? "") : s)}" is not a web address starting with http:// or https://`),
        );
      cites.push(str(s.title) ? { url: s.url, title: str(s.title) } : { url: s.url });
    }
    const role = str(m.role) ?? str(m.label);
    const note = sources.map((s) => (isObject(s) ? str(s.note) : undefined)).find(Boolean);
    const rendering = [
      `membership: ${person.name} in ${org.name}`,
      ...(role ? [`role: ${role}`] : []),
      ...(dates.start ? [`start date: ${dates.start}`] : []),
      ...(dates.end ? [`end date: ${dates.end}`] : []),
    ].join("; ");
    const company: CompanyDescription = { ...org };
    delete (company as { parentId?: string }).parentId;
    const common: Json = {
      source: datasetRecordSource({
        dataset: datasetTitle,
        person: person.name,
        company: org.name,
        publisher,
        language: str(meta.language) ?? "en",
        cites,
      }),
      excerpt: note ?? rendering,
      person,
      company: { aliases: [], ...company },
      ...(role ? { role } : {}),
    };
    const id = str(m.id) ?? key(stableKey("popolo", str(m.person_id)!, str(m.organization_id)!));
    if (dates.start)
      out.records.push({
        ref,
        externalId: `${id}:start`,
        claim: structuredClone({ ...common, kind: "joined", date: dates.start, dateBasis: "stated" }),
      });
    if (dates.end)
      out.records.push({
        ref,
        externalId: `${id}:end`,
        claim: structuredClone({ ...common, kind: "departed", date: dates.end, dateBasis: "stated" }),
      });
  });
  return out;
};
