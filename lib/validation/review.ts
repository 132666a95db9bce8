import { z } from "zod";
import { DATE_BASES, EVENT_KINDS, MANNERS } from "@/lib/domain/vocabulary";
import { LIMITS } from "./claim";
import { partialDateText } from "./partial-date-field";

const id = (label: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,11}$/, `No ${label} given`)
    .transform(Number);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** The review form: accept as submitted, or with the editor's corrections to the asserted facts. */
export const reviewAcceptSchema = z.object({
  submissionId: id("submission"),
  kind: optional(z.enum(EVENT_KINDS)),
  manner: optional(z.enum(MANNERS)),
  role: optional(z.string().trim().max(LIMITS.name)),
  date: optional(partialDateText),
  dateBasis: optional(z.enum(DATE_BASES)),
  translation: optional(z.string().trim().max(LIMITS.excerpt)),
  note: optional(z.string().trim().max(LIMITS.note)),
});

export const reviewRejectSchema = z.object({
  submissionId: id("submission"),
  reason: z.string().trim().min(1, "Say why, for the contributor").max(LIMITS.note),
});

export const revertSchema = z.object({ changeId: id("change") });
