"use server";

/**
 * /import: upload → preview (a dry run, nothing stored) → confirm (the same file and options, imported
 * as a batch) → the batch's page, with undo. Editors only.
 */
import { db } from "@/lib/db";
import { accountActor } from "@/lib/ingest/actor";
import { IngestError } from "@/lib/ingest/ingest-error";
import { importText } from "@/lib/import/import-text";
import { dropPending, readPending, savePending } from "@/lib/import/pending-uploads";
import { DatasetReadError } from "@/lib/import/read-dataset";
import { undoBatch } from "@/lib/import/undo-batch";
import { batchIdSchema, importTokenSchema, importUploadSchema } from "@/lib/validation/import";
import type { ActionState } from "./action-state";
import { readClaimFields } from "./claim-form-fields";
import { validatedAction } from "./validated-action";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const OPTION_FIELDS = ["format", "dataset", "version", "licence", "retractMissing"] as const;

function readUpload(formData: FormData) {
  const values: Record<string, string> = {};
  for (const name of OPTION_FIELDS) {
    const v = formData.get(name);
    if (typeof v === "string") values[name] = v;
  }
  const file = formData.get("file");
  const mapping = formData.get("mapping");
  return { values, raw: { ...values, file: file instanceof File ? file : undefined, mapping: mapping instanceof File ? mapping : undefined } };
}

const fail = (message: string, fieldErrors: Record<string, string[]> = {}, values: Record<string, string> = {}): ActionState => ({
  ok: false,
  message,
  fieldErrors,
  values,
});

export const previewImportAction: Action = validatedAction({
  schema: importUploadSchema,
  read: readUpload,
  permission: "publish",
  run: async ({ file, mapping: mappingFile, ...options }, values, account) => {
    const text = await file!.text();
    let mapping: unknown;
    if (mappingFile) {
      try {
        mapping = JSON.parse(await mappingFile.text());
      } catch (error) {
        return fail("Nothing was imported: the mapping is not valid JSON.", { mapping: [(error as Error).message] }, values);
      }
    }
    try {
      const { report, format, dataset } = await importText(db, {
        text,
        fileName: file!.name,
        mapping,
        options,
        dryRun: true,
        actor: accountActor(account),
      });
      const token = savePending({
        accountId: account.id,
        text,
        mapping,
        fileName: file!.name,
        format,
        dataset,
        version: report.version ?? undefined,
        licence: report.licence ?? undefined,
        retractMissing: options.retractMissing,
        report,
      });
      return { redirectTo: `/import?preview=${token}` };
    } catch (error) {
      if (error instanceof DatasetReadError) return fail(`Nothing was imported: ${error.message}`, { file: [error.message] }, values);
      throw error;
    }
  },
  formPath: () => "/import",
});

export const confirmImportAction: Action = validatedAction({
  schema: importTokenSchema,
  read: readClaimFields(["token"]),
  permission: "publish",
  run: async ({ token }, values, account) => {
    const pending = readPending(token, account.id);
    if (!pending) return fail("This preview has expired or belongs to another account: upload the file again.", {}, values);
    const { report } = await importText(db, {
      text: pending.text,
      fileName: pending.fileName,
      mapping: pending.mapping,
      options: {
        format: pending.format,
        dataset: pending.dataset,
        version: pending.version,
        licence: pending.licence,
        retractMissing: pending.retractMissing,
      },
      dryRun: false,
      actor: accountActor(account),
    });
    dropPending(token);
    return { redirectTo: `/import/${report.batchId}?imported=1` };
  },
  formPath: () => "/import",
});

export const undoImportAction: Action = validatedAction({
  schema: batchIdSchema,
  read: readClaimFields(["batchId"]),
  permission: "correct",
  run: async ({ batchId }, values, account) => {
    try {
      await undoBatch(db, batchId, accountActor(account));
    } catch (error) {
      if (error instanceof IngestError) return fail(Object.values(error.fieldErrors).flat().join(" "), {}, values);
      throw error;
    }
    return { redirectTo: `/import/${batchId}?undone=1` };
  },
  formPath: (v) => `/import/${v.batchId ?? ""}`,
});
