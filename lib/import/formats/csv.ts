/**
 * CSV with a mapping file (lib/import/formats/csv-mapping.ts, docs/import-formats.md): each data row one
 * record. Every problem a row has with the mapping (a column the file lacks, a code the value map does not
 * know, a date not in the format, a word outside the app's vocabulary) is a rejection naming the row's
 * line in the original file and the column. With no excerpt column, the row as written is the excerpt
 * and the dataset is the source, citing the row's URLs (docs/decisions/0085-import-format-readers.md).
 */
import path from "node:path";
import { parsePartialDate } from "@/lib/domain/partial-date";
import {
  DATE_BASES,
  DESTINATION_RELATIONS,
  INPUT_KINDS,
  KIND_SHORTHANDS,
  MANNERS,
  REASON_EVIDENCE,
  ROLE_CATEGORIES,
  SOURCE_KINDS,
} from "@/lib/domain/vocabulary";
import type { FormatReader, RecordRef } from "@/lib/import/record";
import { MULTI_VALUED, mappingFromHeader, parseCsvMapping, type CsvColumnSpec, type CsvField, type CsvMapping } from "./csv-mapping";
import { parseCsv, type CsvRow } from "./csv-rows";
import { dateFromParts, datasetRecordSource, emptyDataset, isWebAddress, monthNumber, nameKey, reject, stableKey, uniqueKeys } from "./shared";

const VOCABULARY: Partial<Record<CsvField, readonly string[]>> = {
  kind: INPUT_KINDS,
  manner: MANNERS,
  dateBasis: DATE_BASES,
  roleCategory: ROLE_CATEGORIES,
  "destination.relation": DESTINATION_RELATIONS,
  reasonEvidence: REASON_EVIDENCE,
  "source.kind": SOURCE_KINDS,
};

const TOKENS: [string, string][] = [
  ["YYYY", "(?<year>\\d{4})"],
  ["MMMM", "(?<monthName>[A-Za-z]+\\.?)"],
  ["MMM", "(?<monthName>[A-Za-z]+\\.?)"],
  ["MM", "(?<month>\\d{2})"],
  ["M", "(?<month>\\d{1,2})"],
  ["DD", "(?<day>\\d{2})"],
  ["D", "(?<day>\\d{1,2})"],
];

const patterns = new Map<string, RegExp>();

/** A date format as a regular expression with named groups (compiled once per format). */
function formatPattern(format: string): RegExp {
  const known = patterns.get(format);
  if (known) return known;
  let out = "";
  let rest = format;
  outer: while (rest) {
    for (const [token, group] of TOKENS) {
      if (rest.startsWith(token)) {
        out += group;
        rest = rest.slice(token.length);
        continue outer;
      }
    }
    out += rest[0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    rest = rest.slice(1);
  }
  const pattern = new RegExp(`^${out}$`, "i");
  patterns.set(format, pattern);
  return pattern;
}

/** A date cell in one of the formats, at the precision the format has (or already in the app's form). */
function readDate(cell: string, formats: string[]): { ok: true; text: string } | { ok: false; error: string } {
  for (const format of formats) {
    const m = formatPattern(format).exec(cell);
    if (!m?.groups) continue;
    const g = m.groups;
    const month = g.month ? Number(g.month) : g.monthName ? monthNumber(g.monthName) : undefined;
    if (g.monthName && month === undefined) return { ok: false, error: `"${cell}": "${g.monthName}" is not a month name` };
    const dated = dateFromParts(Number(g.year), month, g.day ? Number(g.day) : undefined);
    if (!dated.ok) return { ok: false, error: `"${cell}" (read as ${format}): ${dated.error}` };
    return dated;
  }
  const canonical = parsePartialDate(cell);
  if (canonical.ok) return { ok: true, text: canonical.date.text };
  return { ok: false, error: `"${cell}" is not a date in the format ${formats.join(" or ")}` };
}

const specOf = (s: CsvColumnSpec): Exclude<CsvColumnSpec, string> => (typeof s === "string" ? { field: s } : s);
const asList = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

/** What one row's cells and the constants say, field by field, and which column said it. */
class RowValues {
  values = new Map<CsvField, string[]>();
  from = new Map<CsvField, string>();
  set(field: CsvField, value: string[], column: string) {
    if (field === "ignore" || value.length === 0) return;
    const fromConstant = this.from.get(field)?.startsWith("constants.");
    if (MULTI_VALUED.includes(field) && this.values.has(field) && !fromConstant) this.values.get(field)!.push(...value);
    else this.values.set(field, [...value]);
    this.from.set(field, column);
  }
  one = (f: CsvField) => this.values.get(f)?.[0];
  all = (f: CsvField) => this.values.get(f) ?? [];
  /** the column that set the field, else the column the mapping gives it (an empty cell), else the field */
  column = (f: CsvField) => this.from.get(f) ?? columnFor(this.mapping, f) ?? f;
  constructor(private mapping: CsvMapping) {}
}

function columnFor(mapping: CsvMapping, field: CsvField): string | undefined {
  return Object.entries(mapping.columns).find(([, s]) => specOf(s).field === field)?.[0];
}

class RowError extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

function checkVocabulary(field: CsvField, value: string, column: string) {
  const words = VOCABULARY[field];
  if (words && !words.includes(value))
    throw new RowError(column, `"${value}" is not a ${field}: use one of ${words.join(", ")} (or map it with "values")`);
}

function lookup(values: Record<string, Partial<Record<CsvField, string>>>, cell: string) {
  if (cell in values) return values[cell];
  const lower = cell.toLowerCase();
  const key = Object.keys(values).find((k) => k.trim().toLowerCase() === lower);
  return key === undefined ? undefined : values[key];
}

function readRow(row: CsvRow, header: Map<string, number>, mapping: CsvMapping): RowValues {
  const v = new RowValues(mapping);
  for (const [field, value] of Object.entries(mapping.constants) as [CsvField, string | string[]][]) {
    for (const item of asList(value)) checkVocabulary(field, item, `constants.${field}`);
    v.set(field, asList(value), `constants.${field}`);
  }
  for (const [column, raw] of Object.entries(mapping.columns)) {
    const spec = specOf(raw);
    const cell = (row.fields[header.get(column.trim())!] ?? "").trim();
    if (cell === "") continue;
    if (spec.values) {
      const entry = lookup(spec.values, cell);
      if (entry) {
        for (const [field, value] of Object.entries(entry) as [CsvField, string][]) {
          checkVocabulary(field, value, column);
          v.set(field, [value], column);
        }
        continue;
      }
      if (!spec.field)
        throw new RowError(column, `"${cell}" is not in the value map of column "${column}" (known: ${Object.keys(spec.values).join(", ")})`);
    }
    const field = spec.field!;
    if (field === "ignore") continue;
    if (field === "date" || field === "source.publishedAt") {
      const dated = readDate(cell, asList(spec.dateFormat ?? mapping.dateFormat));
      if (!dated.ok) throw new RowError(column, dated.error);
      v.set(field, [dated.text], column);
      continue;
    }
    const split = spec.split ?? mapping.split;
    const parts =
      MULTI_VALUED.includes(field) && split
        ? cell
            .split(split)
            .map((p) => p.trim())
            .filter(Boolean)
        : [cell];
    checkVocabulary(field, parts[0], column);
    v.set(field, parts, column);
  }
  return v;
}

function claimOf(row: CsvRow, v: RowValues, mapping: CsvMapping, datasetTitle: string, excerptMapped: boolean): Record<string, unknown> {
  const person = v.one("person.name");
  const company = v.one("company.name");
  if (!person) throw new RowError(v.column("person.name"), "the person's name is empty (map a column to person.name)");
  if (!company) throw new RowError(v.column("company.name"), "the company's name is empty (map a column to company.name)");
  if (!v.one("kind")) throw new RowError(v.column("kind"), "what happened is not given (map a column or a constant to kind)");
  const urls = v.all("source.url");
  const badUrl = urls.find((u) => !isWebAddress(u));
  if (badUrl) throw new RowError(v.column("source.url"), `"${badUrl}" is not a web address starting with http:// or https://`);

  const language = v.one("source.language") ?? mapping.dataset?.language ?? "en";
  const title = v.one("source.title");
  let source: Record<string, unknown>;
  let excerpt: string;
  if (excerptMapped) {
    excerpt = v.one("excerpt") ?? "";
    if (!excerpt) throw new RowError(v.column("excerpt"), "the excerpt is empty");
    source =
      urls[0] || title
        ? {
            title: title ?? urls[0],
            ...(urls[0] ? { url: urls[0] } : {}),
            ...(v.one("source.publisher") ? { publisher: v.one("source.publisher") } : {}),
            ...(v.one("source.publishedAt") ? { publishedAt: v.one("source.publishedAt") } : {}),
            language,
            kind: v.one("source.kind") ?? "article",
            ...(urls.length > 1 ? { cites: urls.slice(1).map((url) => ({ url })) } : {}),
          }
        : datasetRecordSource({ dataset: datasetTitle, person, company, publisher: mapping.dataset?.publisher, language, cites: [] });
  } else {
    excerpt = row.raw;
    source = datasetRecordSource({
      dataset: datasetTitle,
      person,
      company,
      publisher: mapping.dataset?.publisher ?? v.one("source.publisher"),
      language,
      cites: urls.map((url, i) => (i === 0 && title ? { url, title } : { url })),
    });
  }

  const claim: Record<string, unknown> = {
    source,
    excerpt,
    person: { name: person, aliases: v.all("person.aliases") },
    company: { name: company, aliases: v.all("company.aliases") },
    kind: v.one("kind"),
  };
  for (const f of [
    "manner",
    "date",
    "dateBasis",
    "role",
    "roleCategory",
    "team",
    "reason",
    "reasonEvidence",
    "note",
    "recordStatus",
    "translation",
  ] as const) {
    const value = v.one(f);
    if (value !== undefined) claim[f] = value;
  }
  const destination = v.one("destination.name");
  if (destination) claim.destination = { name: destination, aliases: [], relation: v.one("destination.relation") ?? "joined" };
  if (v.all("tags").length) claim.tags = v.all("tags");
  return claim;
}

export const readCsv: FormatReader = (text, { mapping: rawMapping, fileName }) => {
  const given = rawMapping === undefined ? null : parseCsvMapping(rawMapping);
  const rows = parseCsv(text, given?.delimiter ?? ",");
  if (rows.length === 0) throw new Error("the CSV file is empty: it needs a header row naming its columns");
  const [headerRow, ...dataRows] = rows;
  const mapping = given ?? mappingFromHeader(headerRow.fields);
  const header = new Map<string, number>();
  headerRow.fields.forEach((h, i) => {
    if (!header.has(h.trim())) header.set(h.trim(), i);
  });
  const missing = Object.keys(mapping.columns).filter((c) => !header.has(c.trim()));
  const excerptMapped = Object.values(mapping.columns).some((s) => specOf(s).field === "excerpt");
  const datasetTitle =
    mapping.dataset?.title ?? mapping.dataset?.name ?? (fileName ? path.basename(fileName).replace(/\.[^.]+$/, "") : undefined) ?? "CSV dataset";

  const out = emptyDataset("csv");
  out.meta = {
    ...(mapping.dataset?.name ? { dataset: mapping.dataset.name } : {}),
    ...(mapping.dataset?.version ? { version: mapping.dataset.version } : {}),
    ...(mapping.dataset?.licence ? { licence: mapping.dataset.licence } : {}),
  };
  const key = uniqueKeys();
  dataRows.forEach((row, index) => {
    const ref: RecordRef = { index, line: row.line };
    if (row.unterminated) {
      out.rejected.push(reject(ref, headerRow.fields[row.fields.length - 1] ?? "row", `a quoted field opened on line ${row.line} is never closed`));
      return;
    }
    if (missing.length > 0) {
      out.rejected.push(
        reject(
          ref,
          missing[0],
          `the mapping names column "${missing[0]}", which the header (line ${headerRow.line}) does not have; its columns are: ${headerRow.fields.join(", ")}`,
        ),
      );
      return;
    }
    if (row.fields.length > headerRow.fields.length) {
      out.rejected.push(reject(ref, "row", `the row has ${row.fields.length} fields but the header has ${headerRow.fields.length}`));
      return;
    }
    try {
      const values = readRow(row, header, mapping);
      const claim = claimOf(row, values, mapping, datasetTitle, excerptMapped);
      const kind = String(claim.kind);
      const normalizedKind = kind in KIND_SHORTHANDS ? KIND_SHORTHANDS[kind as keyof typeof KIND_SHORTHANDS].kind : kind;
      const externalId =
        values.one("externalId") ??
        key(stableKey("csv", nameKey((claim.person as { name: string }).name), nameKey((claim.company as { name: string }).name), normalizedKind));
      out.records.push({ ref, externalId, claim });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      out.rejected.push(reject(ref, error.column, error.message));
    }
  });
  return out;
};
