import fs from "node:fs";
import type { Db } from "@/lib/db-factory";
import type { ClaimInput } from "@/lib/validation/claim";
import { parseIngestFile, type IngestFileResult } from "@/lib/validation/ingest-file";
import type { FieldErrors } from "@/lib/validation/field-errors";
import { ingestClaims, type IngestCounts } from "./ingest-claim";
import { IngestError } from "./ingest-error";

/** Read and validate an ingest file (docs/ingest-format.md) without touching the database. */
export function readIngestFile(path: string): IngestFileResult {
  try {
    return parseIngestFile(JSON.parse(fs.readFileSync(path, "utf8")));
  } catch (error) {
    return { ok: false, errors: { _file: [(error as Error).message] } };
  }
}

export type IngestFilesOutcome =
  | { ok: true; counts: IngestCounts }
  | { ok: false; errors: { file: string; errors: FieldErrors }[] };

/** Validate every file first, then ingest all claims in one transaction: everything is stored, or nothing. */
export async function ingestFiles(db: Db, paths: string[], editor: string): Promise<IngestFilesOutcome> {
  const claims: ClaimInput[] = [];
  const errors: { file: string; errors: FieldErrors }[] = [];
  for (const file of paths) {
    const parsed = readIngestFile(file);
    if (parsed.ok) claims.push(...parsed.claims.map((c) => ({ ...c, editor: c.editor ?? editor })));
    else errors.push({ file, errors: parsed.errors });
  }
  if (errors.length > 0) return { ok: false, errors };
  try {
    return { ok: true, counts: await ingestClaims(db, claims) };
  } catch (error) {
    if (error instanceof IngestError) return { ok: false, errors: [{ file: paths.join(", "), errors: error.fieldErrors }] };
    throw error;
  }
}
