import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db-factory";
import type { ClaimInput } from "@/lib/validation/claim";
import { parseIngestFile, type IngestFileResult } from "@/lib/validation/ingest-file";
import type { FieldErrors } from "@/lib/validation/field-errors";
import type { Actor } from "./actor";
import { ingestClaims, type IngestCounts } from "./ingest-claim";
import { IngestError } from "./ingest-error";

/** A source's `textFile`, read relative to the ingest file, becomes its stored `text`. */
export function readSourceTexts(json: unknown, dir: string): { json: unknown; errors: FieldErrors } {
  const file = (json ?? {}) as { sources?: unknown };
  if (!Array.isArray(file.sources)) return { json, errors: {} };
  const errors: FieldErrors = {};
  const sources = file.sources.map((s: Record<string, unknown>, i: number) => {
    if (typeof s?.textFile !== "string") return s;
    try {
      return { ...s, text: fs.readFileSync(path.resolve(dir, s.textFile), "utf8") };
    } catch (error) {
      errors[`sources.${i}.textFile`] = [`cannot read ${s.textFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`];
      return s;
    }
  });
  return { json: { ...file, sources }, errors };
}

/** Read and validate an ingest file (docs/ingest-format.md) without touching the database. */
export function readIngestFile(file: string): IngestFileResult {
  try {
    const texts = readSourceTexts(JSON.parse(fs.readFileSync(file, "utf8")), path.dirname(file));
    const parsed = parseIngestFile(texts.json);
    if (Object.keys(texts.errors).length === 0) return parsed;
    return { ok: false, errors: { ...(parsed.ok ? {} : parsed.errors), ...texts.errors } };
  } catch (error) {
    return { ok: false, errors: { _file: [(error as Error).message] } };
  }
}

export type IngestFilesOutcome = { ok: true; counts: IngestCounts } | { ok: false; errors: { file: string; errors: FieldErrors }[] };

/** Validate every file first, then ingest all claims in one transaction: everything is stored, or nothing. */
export async function ingestFiles(db: Db, paths: string[], actor: Actor): Promise<IngestFilesOutcome> {
  const claims: ClaimInput[] = [];
  const errors: { file: string; errors: FieldErrors }[] = [];
  for (const file of paths) {
    const parsed = readIngestFile(file);
    if (parsed.ok) claims.push(...parsed.claims);
    else errors.push({ file, errors: parsed.errors });
  }
  if (errors.length > 0) return { ok: false, errors };
  try {
    return { ok: true, counts: await ingestClaims(db, claims, undefined, actor) };
  } catch (error) {
    if (error instanceof IngestError) return { ok: false, errors: [{ file: paths.join(", "), errors: error.fieldErrors }] };
    throw error;
  }
}
