import type { FieldErrors } from "@/lib/validation/field-errors";

/** A problem with the input that validation alone cannot see (an unknown source id, a mismatched event). */
export class IngestError extends Error {
  constructor(public readonly fieldErrors: FieldErrors) {
    super(Object.values(fieldErrors).flat().join("; "));
    this.name = "IngestError";
  }
}
