/**
 * The app's own ingest file (docs/ingest-format.md) as an import: each claim one record. Cited refs are
 * inlined and refs checked with the same helpers `npm run ingest` uses (lib/validation/ingest-file.ts);
 * unlike `npm run ingest`, one bad record is a rejection of that record, not of the whole file. Optional
 * top-level `people`, `companies` and `dataset: {name, version, licence}` (ignored by `npm run ingest`).
 * A source's `textFile` is for the CLI to read (a reader touches no files): it is dropped here.
 */
import type { FormatReader, ImportRecord } from "@/lib/import/record";
import { inlineCitedRefs, referenceErrors } from "@/lib/validation/ingest-file";
import { companiesOf, peopleOf } from "./descriptions";
import { emptyDataset, isObject, nameKey, reject, stableKey, str, uniqueKeys } from "./shared";

/** What identifies a described source: its address, else its title and publisher (as lib/ingest dedups sources). */
function sourceKey(source: Record<string, unknown>): string {
  return str(source.url) ?? `${nameKey(source.title)}|${nameKey(source.publisher)}`;
}

export const readDepartures: FormatReader = (text) => {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new Error(`not a JSON file: ${(error as Error).message}`);
  }
  if (!isObject(json) || !Array.isArray(json.claims)) throw new Error('a departures file is a JSON object with "sources" and "claims" arrays');
  const out = emptyDataset("departures");
  const inlined = inlineCitedRefs(json) as { sources: Record<string, unknown>[] };
  const refProblems = referenceErrors(json);

  const sources = new Map<unknown, Record<string, unknown>>();
  const duplicated = new Set<unknown>();
  for (const s of inlined.sources) {
    if (!isObject(s)) continue;
    if (sources.has(s.ref)) duplicated.add(s.ref);
    sources.set(s.ref, Object.fromEntries(Object.entries(s).filter(([k]) => k !== "ref" && k !== "textFile")));
  }

  const key = uniqueKeys();
  json.claims.forEach((raw: unknown, index: number) => {
    const ref = { index };
    if (!isObject(raw)) {
      out.rejected.push(reject(ref, "claim", "A claim is an object with source, excerpt, person, company and kind"));
      return;
    }
    const problem = refProblems[`claims.${index}.source`]?.[0];
    if (problem || typeof raw.source !== "string") {
      out.rejected.push(reject(ref, "source", problem ?? 'Name the claim\'s source by its ref in "sources"'));
      return;
    }
    if (duplicated.has(raw.source)) {
      out.rejected.push(reject(ref, "source", `two sources have the ref "${raw.source}": which one this claim means is unclear`));
      return;
    }
    const { id, source: sourceRef, ...fields } = raw;
    const source = sources.get(sourceRef)!;
    const person = isObject(raw.person) ? raw.person.name : undefined;
    const company = isObject(raw.company) ? raw.company.name : undefined;
    const externalId =
      str(id) ?? key(stableKey("departures", sourceKey(source), str(raw.excerpt) ?? "", nameKey(person), nameKey(company), str(raw.kind) ?? ""));
    const record: ImportRecord = { ref, externalId, claim: { ...fields, source: structuredClone(source) } };
    out.records.push(record);
  });

  out.people = peopleOf(json.people, out.rejected);
  out.companies = companiesOf(json.companies, out.rejected);
  if (isObject(json.dataset)) {
    const { name, version, licence } = json.dataset;
    out.meta = {
      ...(str(name) ? { dataset: str(name) } : {}),
      ...(str(version) ? { version: str(version) } : {}),
      ...(str(licence) ? { licence: str(licence) } : {}),
    };
  }
  return out;
};
