/**
 * A read dataset → a batch (or a dry run's report), with the dataset's name, version and licence taken from
 * what the caller says, else what the file says, else the file's name: `npm run import`, `npm run ingest`,
 * /import and POST /api/import all go through here.
 */
import type { Db } from "@/lib/db-factory";
import type { ImportFormatName } from "@/lib/domain/vocabulary";
import type { Actor } from "@/lib/ingest/actor";
import type { ImportOptionsInput } from "@/lib/validation/import";
import { importDataset } from "./import-dataset";
import { fileSha256, guessFormat, parseDataset } from "./read-dataset";
import type { ParsedDataset } from "./record";
import type { ImportReport } from "./report";

export interface ReadDataset {
  parsed: ParsedDataset;
  format: ImportFormatName;
  sha256: string;
  fileName: string;
}

export interface ImportRun {
  options: Omit<ImportOptionsInput, "format">;
  dryRun?: boolean;
  actor: Actor;
}

export async function importRead(db: Db, read: ReadDataset, run: ImportRun): Promise<{ report: ImportReport; dataset: string }> {
  const { parsed } = read;
  const { options } = run;
  const dataset = options.dataset ?? parsed.meta.dataset ?? read.fileName.replace(/\.[^.]+$/, "");
  const report = await importDataset(db, parsed, {
    format: read.format,
    dataset,
    version: options.version ?? parsed.meta.version,
    licence: options.licence ?? parsed.meta.licence,
    fileName: read.fileName,
    fileSha256: read.sha256,
    dryRun: run.dryRun,
    retractMissing: options.retractMissing,
    actor: run.actor,
  });
  return { report, dataset };
}

export interface TextImport {
  text: string;
  fileName?: string;
  mapping?: unknown;
  options: ImportOptionsInput;
  dryRun: boolean;
  actor: Actor;
}

/** An uploaded dataset's text (/import, POST /api/import). */
export async function importText(db: Db, t: TextImport): Promise<{ report: ImportReport; format: ImportFormatName; dataset: string }> {
  const fileName = t.fileName ?? "upload";
  const format = t.options.format ?? guessFormat(fileName, t.text);
  const parsed = parseDataset(t.text, format, { mapping: t.mapping, fileName });
  const { report, dataset } = await importRead(db, { parsed, format, sha256: fileSha256(t.text), fileName }, t);
  return { report, format, dataset };
}
