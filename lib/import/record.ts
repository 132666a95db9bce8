/**
 * What every dataset format reads into (lib/import/formats/*): records, each one claim in the ingest format
 * with the record's id in its dataset, plus the people and companies the file describes. The importer
 * (lib/import/import-batch.ts) validates, matches and stores them; format readers never touch the database.
 */
import type { ImportFormatName } from "@/lib/domain/vocabulary";

/** Where a record was in the original file, so every rejection can point at it. */
export interface RecordRef {
  /** 0-based position of the record in the file (array index, or data row for CSV) */
  index: number;
  /** 1-based line in the file, when the format has lines (CSV) */
  line?: number;
}

export interface ImportRecord {
  ref: RecordRef;
  /**
   * The record's id in its dataset: the same id on a re-import is the same record (a changed record
   * supersedes its earlier claim). Stable across versions: a dataset's own id, a QID + statement id, or
   * a key built from fields that do not change (never the row number).
   */
  externalId: string;
  /**
   * One claim in the ingest format (lib/validation/claim.ts claimInputSchema: source, excerpt, person,
   * company, kind, manner, date, dateBasis, destination, role, tags, recordStatus, …), not yet validated:
   * the importer reports its field errors against `ref`.
   */
  claim: Record<string, unknown>;
}

export interface EntityIdentifier {
  scheme: string;
  value: string;
}

/** A company as the file describes it beside the claims. */
export interface CompanyDescription {
  name: string;
  aliases?: string[];
  externalIds?: EntityIdentifier[];
  /** the parent organization's name ("Google" for "Google DeepMind") */
  partOf?: string;
  /** the name it was renamed to, and when ("Facebook" → "Meta", 2021-10-28) */
  renamedTo?: { name: string; date?: string };
}

export interface PersonDescription {
  name: string;
  aliases?: string[];
  externalIds?: EntityIdentifier[];
}

export interface Rejection {
  ref: RecordRef;
  /** the original record's field ("departureDate", a CSV column name, "claims.P108.0.qualifiers.P580") */
  field: string;
  message: string;
}

export interface ParsedDataset {
  format: ImportFormatName;
  records: ImportRecord[];
  /** records the reader could not turn into a claim: never silently dropped */
  rejected: Rejection[];
  people: PersonDescription[];
  companies: CompanyDescription[];
  /** what the file itself says about the dataset, used when the command line does not say */
  meta: { dataset?: string; version?: string; licence?: string };
}

/** A format reader: the file's text (and a mapping, for CSV) → records. Throws only for a file it cannot read at all. */
export type FormatReader = (text: string, options: { mapping?: unknown; fileName?: string }) => ParsedDataset;
