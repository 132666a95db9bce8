/** What an import takes besides its file: on /import, POST /api/import and (as flags) `npm run import`. */
import { z } from "zod";
import { IMPORT_FORMATS } from "@/lib/domain/vocabulary";

const optionalLine = (label: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .max(max, `${label} is at most ${max} characters`)
      .regex(/^[^\p{Cc}]*$/u, `${label} must be one line`)
      .optional(),
  );

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const importOptionsSchema = z.object({
  /** absent: guessed from the file (a .csv is csv; JSON by its shape) */
  format: z.preprocess(
    (v) => (v === "" || v === "auto" ? undefined : v),
    z.enum(IMPORT_FORMATS, { error: `Choose a format: ${IMPORT_FORMATS.join(", ")}` }).optional(),
  ),
  dataset: optionalLine("The dataset name", 200),
  version: optionalLine("The version", 100),
  licence: optionalLine("The licence", 200),
  retractMissing: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
});
export type ImportOptionsInput = z.output<typeof importOptionsSchema>;

/** POST /api/import: the file's text inline, a CSV mapping as JSON, and whether to roll back (dry run). */
export const importRequestSchema = importOptionsSchema.extend({
  text: z
    .string({ error: "text is required: the dataset file's content" })
    .min(1, "The file is empty")
    .max(MAX_IMPORT_BYTES, "The file is over 20 MB"),
  fileName: optionalLine("The file name", 200),
  mapping: z.unknown().optional(),
  dryRun: z.boolean().default(false),
});

const uploadedFile = (label: string, required: boolean) =>
  z
    .custom<File | undefined>((v) => v === undefined || v === null || (typeof File !== "undefined" && v instanceof File), `${label} is not a file`)
    .transform((f) => (f && f.size > 0 ? f : undefined))
    .refine((f) => !required || f !== undefined, `Choose ${label.toLowerCase()} to import`)
    .refine((f) => !f || f.size <= MAX_IMPORT_BYTES, `${label} is over 20 MB`);

/** The /import upload form. */
export const importUploadSchema = importOptionsSchema.extend({
  file: uploadedFile("A file", true),
  mapping: uploadedFile("The mapping", false),
});

export const importTokenSchema = z.object({ token: z.string().regex(/^[a-f0-9]{32}$/, "This preview has expired: upload the file again") });
export const batchIdSchema = z.object({
  batchId: z
    .string()
    .regex(/^[1-9]\d{0,11}$/, "No import batch given")
    .transform(Number),
});
