/**
 * The mapping file that tells the CSV reader what each column means (docs/import-formats.md): column →
 * field, value maps for code columns, constants, date formats and a split character for multi-valued
 * cells. Validated here, so a wrong mapping is one clear error before any row is read.
 */
import { z } from "zod";

/** Fields a cell, a constant or a value map may set. */
export const CSV_FIELDS = [
  "externalId",
  "person.name",
  "person.aliases",
  "company.name",
  "company.aliases",
  "kind",
  "manner",
  "date",
  "dateBasis",
  "role",
  "roleCategory",
  "team",
  "destination.name",
  "destination.relation",
  "reason",
  "reasonEvidence",
  "note",
  "recordStatus",
  "tags",
  "excerpt",
  "translation",
  "source.url",
  "source.title",
  "source.publisher",
  "source.publishedAt",
  "source.language",
  "source.kind",
  "ignore",
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Fields that take several values: a cell is split on the split character. Several source URLs: the first is the source, the rest it cites. */
export const MULTI_VALUED: readonly CsvField[] = ["person.aliases", "company.aliases", "tags", "source.url"];

/**
 * Date formats: tokens YYYY, MM/M (month number), MMMM/MMM (month name, English), DD/D (day), any other
 * character literal. "DD/MM/YYYY", "YYYY-MM-DD", "MMM YYYY", "MM/YYYY", "YYYY".
 */
const DATE_FORMAT = z
  .string()
  .trim()
  .refine((f) => /YYYY/.test(f), "A date format needs a four-digit year (YYYY)")
  .refine((f) => !/D/.test(f) || /M/.test(f), "A date format with a day needs a month");

const fieldName = z.enum(CSV_FIELDS, { error: `Use one of the fields: ${CSV_FIELDS.join(", ")}` });

/** A cell value → the fields it stands for ("F" → { kind: "departed", manner: "fired" }). */
const valueMap = z.record(z.string(), z.partialRecord(fieldName, z.string()));

const columnSpec = z.union([
  fieldName,
  z
    .object({
      field: fieldName.optional(),
      values: valueMap.optional(),
      split: z.string().min(1).optional(),
      dateFormat: z.union([DATE_FORMAT, z.array(DATE_FORMAT).min(1)]).optional(),
    })
    .strict()
    .refine((c) => c.field || c.values, "Give the column a field, a value map, or both"),
]);

export const csvMappingSchema = z
  .object({
    /** the dataset's name (the default --dataset) and how its records' source is described */
    dataset: z
      .object({
        name: z.string().trim().min(1),
        title: z.string().trim().min(1).optional(),
        publisher: z.string().trim().min(1).optional(),
        language: z.string().trim().min(2).optional(),
        version: z.string().trim().min(1).optional(),
        licence: z.string().trim().min(1).optional(),
      })
      .strict()
      .optional(),
    delimiter: z.string().length(1, "The delimiter is one character").default(","),
    /** column header (as written in the file's first row) → what it holds */
    columns: z.record(z.string(), columnSpec).refine((c) => Object.keys(c).length > 0, "Map at least one column"),
    /** fields every record gets unless a column sets them ("kind": "departed", "source.language": "en") */
    constants: z.partialRecord(fieldName, z.union([z.string(), z.array(z.string())])).default({}),
    /** the default format(s) of date columns; a cell already in the app's form (2024, 2024-05, 2024-05-14) is always read */
    dateFormat: z.union([DATE_FORMAT, z.array(DATE_FORMAT).min(1)]).default("YYYY-MM-DD"),
    /** the default split character of multi-valued columns */
    split: z.string().min(1).optional(),
  })
  .strict();

export type CsvMapping = z.infer<typeof csvMappingSchema>;
export type CsvColumnSpec = z.infer<typeof columnSpec>;

/** Parse a mapping, or throw one error listing every problem by its path ("columns.Code.values.F.kind"). */
export function parseCsvMapping(raw: unknown): CsvMapping {
  const parsed = csvMappingSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(mapping)"}: ${i.message}`);
  throw new Error(`the CSV mapping is not valid:\n${lines.join("\n")}`);
}

/** Without a mapping, columns named exactly like fields ("person.name", "date") map to themselves. */
export function mappingFromHeader(header: string[]): CsvMapping {
  const columns: Record<string, CsvField> = {};
  for (const h of header) if ((CSV_FIELDS as readonly string[]).includes(h.trim())) columns[h] = h.trim() as CsvField;
  if (Object.keys(columns).length === 0)
    throw new Error(
      `a CSV file needs a mapping (--mapping MAP.json) unless its columns are named like fields (${CSV_FIELDS.slice(1, 6).join(", ")}, …)`,
    );
  return { delimiter: ",", columns, constants: {}, dateFormat: "YYYY-MM-DD" };
}
