/**
 * POST /api/import (editors): `{ text, fileName?, format?, mapping?, dataset?, version?, licence?,
 * retractMissing?, dryRun? }` imports a dataset as one batch and answers with its report (201), or with
 * `dryRun: true` only reports what it would do (200, nothing stored). GET lists recent batches.
 */
import { requireAccess } from "@/lib/auth/require";
import { listBatches } from "@/lib/data/import-batches";
import { db } from "@/lib/db";
import { jsonError } from "@/lib/http/errors";
import { accountActor } from "@/lib/ingest/actor";
import { readJsonBody } from "@/lib/ingest/read-json-body";
import { importText } from "@/lib/import/import-text";
import { DatasetReadError } from "@/lib/import/read-dataset";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { importRequestSchema, MAX_IMPORT_BYTES } from "@/lib/validation/import";

export async function GET(request: Request) {
  const access = await requireAccess(request, "publish", { write: false });
  if (!access.ok) return access.response;
  return Response.json({ batches: await listBatches(db) }, { headers: { "Cache-Control": "no-store" } });
}

export async function POST(request: Request) {
  const access = await requireAccess(request, "publish");
  if (!access.ok) return access.response;
  const body = await readJsonBody(request, MAX_IMPORT_BYTES + 1024 * 1024);
  if (!body.ok) return jsonError(body.status, body.error);
  const parsed = importRequestSchema.safeParse(body.json);
  if (!parsed.success) return jsonError(400, "Nothing was imported: correct the fields listed", fieldErrorsOf(parsed.error));
  const { text, fileName, mapping, dryRun, ...options } = parsed.data;
  try {
    const { report } = await importText(db, { text, fileName, mapping, options, dryRun, actor: accountActor(access.account) });
    return Response.json(report, { status: dryRun ? 200 : 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof DatasetReadError) return jsonError(400, `Nothing was imported: ${error.message}`, { text: [error.message] });
    throw error;
  }
}
