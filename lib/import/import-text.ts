/** An uploaded dataset's text → a batch (or a dry run's report): what /import and POST /api/import both call. */
import type { Db } from "@/lib/db-factory";
import type { ImportFormatName } from "@/lib/domain/vocabulary";
import type { Actor } from "@/lib/ingest/actor";
import type { ImportOptionsInput } from "@/lib/validation/import";
import { importDataset } from "./import-dataset";
import { fileSha256, guessFormat, parseDataset } from "./read-dataset";
import type { ImportReport } from "./report";

export interface TextImport {
  text: string;
  fileName?: string;
  mapping?: unknown;
  options: ImportOptionsInput;
  dryRun: boolean;
  actor: Actor;
}

export async function importText(db: Db, t: TextImport): Promise<{ report: ImportReport; format: ImportFormatName; dataset: string }> {
  const fileName = t.fileName ?? "upload";
  const format = t.options.format ?? guessFormat(fileName, t.text);
  const parsed = parseDataset(t.text, format, { mapping: t.mapping, fileName });
  const dataset = t.options.dataset ?? parsed.meta.dataset ?? fileName.replace(/\.[^.]+$/, "");
  const report = await importDataset(db, parsed, {
    format,
    dataset,
    version: t.options.version ?? parsed.meta.version,
    licence: t.options.licence ?? parsed.meta.licence,
    fileName,
    fileSha256: fileSha256(t.text),
    dryRun: t.dryRun,
    retractMissing: t.options.retractMissing,
    actor: t.actor,
  });
  return { report, format, dataset };
}
