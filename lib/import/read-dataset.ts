/**
 * A dataset file (and a CSV mapping) → its parsed records, sha256 and the format it was read as. Shared by
 * `npm run import`, the /import page and POST /api/import (which pass the text they received).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { IMPORT_FORMATS, type ImportFormatName } from "@/lib/domain/vocabulary";
import { guessFormat, readers } from "./formats";

export { guessFormat };
import type { ParsedDataset } from "./record";

export const fileSha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export class DatasetReadError extends Error {}

export function isImportFormat(v: string): v is ImportFormatName {
  return (IMPORT_FORMATS as readonly string[]).includes(v);
}

/** Sources of the app's own format may name their full text as a file beside the dataset (`textFile`). */
function inlineTextFiles(text: string, dir: string): string {
  let json: { sources?: Record<string, unknown>[] };
  try {
    json = JSON.parse(text);
  } catch {
    return text;
  }
  if (!Array.isArray(json?.sources) || !json.sources.some((s) => typeof s?.textFile === "string")) return text;
  const sources = json.sources.map((s) => {
    if (typeof s?.textFile !== "string") return s;
    const file = path.resolve(dir, s.textFile);
    if (!fs.existsSync(file)) throw new DatasetReadError(`cannot read ${s.textFile} (named by a source's textFile)`);
    const rest = Object.fromEntries(Object.entries(s).filter(([k]) => k !== "textFile"));
    return { ...rest, text: fs.readFileSync(file, "utf8") };
  });
  return JSON.stringify({ ...json, sources });
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
