/**
 * Records → validated claims, each with the hash a re-import compares. Every field error is reported
 * against the record's place in the original file; a record id given twice keeps the first.
 */
import { createHash } from "node:crypto";
import { claimInputSchema, type ClaimInput } from "@/lib/validation/claim";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import type { ImportReport } from "./report";
import type { ImportRecord } from "./record";

export interface ValidRecord {
  record: ImportRecord;
  claim: ClaimInput;
  hash: string;
}

export const recordHash = (claim: ClaimInput) => createHash("sha256").update(JSON.stringify(claim), "utf8").digest("hex");

export function validateRecords(records: ImportRecord[]): { valid: ValidRecord[]; rejected: ImportReport["rejected"] } {
  const valid: ValidRecord[] = [];
  const rejected: ImportReport["rejected"] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const where = { ...record.ref, externalId: record.externalId };
    if (!record.externalId) {
      rejected.push({ ...where, field: "externalId", message: "The record has no id in its dataset" });
      continue;
    }
    if (seen.has(record.externalId)) {
      rejected.push({ ...where, field: "externalId", message: `Another record of this file has the id ${record.externalId}` });
      continue;
    }
    seen.add(record.externalId);
    const parsed = claimInputSchema.safeParse(record.claim);
    if (!parsed.success) {
      for (const [field, messages] of Object.entries(fieldErrorsOf(parsed.error)))
        for (const message of messages) rejected.push({ ...where, field, message });
      continue;
    }
    valid.push({ record, claim: parsed.data, hash: recordHash(parsed.data) });
  }
  return { valid, rejected };
}
