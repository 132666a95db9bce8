/**
 * A dataset file (and a CSV mapping) → its parsed records, sha256 and the format it was read as. Shared by
 * `npm run import`, the /import page and POST /api/import (which pass the text they received).
 */
import fs from "node:fs";
import path from "node:path";
import { IMPORT_FORMATS, type ImportFormatName } from "@/lib/domain/vocabulary";
import { readSourceTexts } from "@/lib/ingest/ingest-file";
import { textSha256 } from "@/lib/ingest/resolve-entities";
import { guessFormat, readers } from "./formats";

export { guessFormat };
import type { ParsedDataset } from "./record";

/** A dataset file's sha256 (hex), as a source's text is hashed. */
export const fileSha256 = textSha256;

export class DatasetReadError extends Error {}

export function isImportFormat(v: string): v is ImportFormatName {
  return (IMPORT_FORMATS as readonly string[]).includes(v);
}

/** Sources of the app's own format may name their full text as a file beside the dataset (`textFile`), as for `npm run ingest`. */
function inlineTextFiles(text: string, dir: string): string {
  let json: { sources?: Record<string, unknown>[] };
  try {
    json = JSON.parse(text);
  } catch {
    return text;
  }
  if (!Array.isArray(json?.sources) || !json.sources.some((s) => typeof s?.textFile === "string")) return text;
  const read = readSourceTexts(json, dir);
  const problems = Object.entries(read.errors).map(([field, messages]) => `${field}: ${messages.join("; ")}`);
  if (problems.length > 0) throw new DatasetReadError(problems.join("; "));
  return JSON.stringify(read.json);
}

export function parseDataset(text: string, format: ImportFormatName, options: { mapping?: unknown; fileName?: string; dir?: string }): ParsedDataset {
  const input = format === "departures" && options.dir ? inlineTextFiles(text, options.dir) : text;
  try {
    return readers[format](input, { mapping: options.mapping, fileName: options.fileName });
  } catch (error) {
    throw new DatasetReadError(`cannot read ${options.fileName ?? "the file"} as ${format}: ${(error as Error).message}`);
  }
}

export function readDatasetFile(file: string, opts: { format?: ImportFormatName; mappingFile?: string }) {
  if (!fs.existsSync(file)) throw new DatasetReadError(`no such file: ${file}`);
  const text = fs.readFileSync(file, "utf8");
  const format = opts.format ?? guessFormat(file, text);
  let mapping: unknown;
  if (opts.mappingFile) {
    try {
      mapping = JSON.parse(fs.readFileSync(opts.mappingFile, "utf8"));
    } catch (error) {
      throw new DatasetReadError(`cannot read the mapping ${opts.mappingFile}: ${(error as Error).message}`);
    }
  } else if (format === "csv") throw new DatasetReadError("a CSV import needs --mapping MAP.json (docs/import-formats.md)");
  const parsed = parseDataset(text, format, { mapping, fileName: path.basename(file), dir: path.dirname(file) });
  return { parsed, format, sha256: fileSha256(text), fileName: path.basename(file) };
}
