/**
 * Every import format by its name (IMPORT_FORMATS): `npm run import -- FILE --format NAME` and /import
 * pick the reader here. Readers are pure: the file's text (and a mapping for CSV) in, records out.
 */
import type { ImportFormatName } from "@/lib/domain/vocabulary";
import type { FormatReader } from "@/lib/import/record";
import { readCsv } from "./csv";
import { readDepartures } from "./departures";
import { readPopolo } from "./popolo";
import { readWarningCollective } from "./warning-collective";
import { readWikidata } from "./wikidata";

export const readers: Record<ImportFormatName, FormatReader> = {
  departures: readDepartures,
  csv: readCsv,
  "warning-collective": readWarningCollective,
  wikidata: readWikidata,
  popolo: readPopolo,
};

/**
 * The format a file most likely is, for when --format is not given: by extension, then by shape. A guess
 * only; the caller says which was taken.
 */
export function guessFormat(fileName: string, text: string): ImportFormatName {
  if (/\.(csv|tsv)$/i.test(fileName)) return "csv";
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return "csv";
  }
  if (Array.isArray(json)) return "warning-collective";
  const o = (json ?? {}) as Record<string, unknown>;
  if (o.entities && typeof o.entities === "object") return "wikidata";
  if (Array.isArray(o.memberships)) return "popolo";
  return "departures";
}
