/**
 * What an import did (or, in a dry run, would do): people and companies matched or created, events
 * created, merged into, newly disputed or changed, claims added, unchanged or superseded, records missing
 * from this version, and every rejected record with where it was in the file. Printed by the CLI, shown
 * on /import, returned by POST /api/import and stored with the batch.
 */
import type { MatchedBy } from "@/lib/ingest/match-entities";
import type { RecordRef } from "./record";

export interface EntityLine {
  id: number;
  name: string;
  slug: string;
  /** the spelling in the file */
  as: string;
  by: MatchedBy | null;
}

export interface EventLine {
  id: number;
  person: string;
  company: string;
  kind: string;
}

export interface FieldChangeLine {
  field: string;
  before: string | null;
  after: string | null;
}

export interface ImportReport {
  batchId: number | null;
  dryRun: boolean;
  dataset: string;
  version: string | null;
  licence: string | null;
  format: string;
  fileSha256: string;
  records: number;
  people: { matched: EntityLine[]; created: EntityLine[] };
  companies: { matched: EntityLine[]; created: EntityLine[] };
  events: {
    created: EventLine[];
    merged: EventLine[];
    disputed: (EventLine & { fields: string[] })[];
    changed: (EventLine & { changes: FieldChangeLine[] })[];
  };
  claims: {
    added: number;
    unchanged: number;
    /** the same text was already recorded (by the seed, the form or another dataset): nothing stored */
    alreadyRecorded: number;
    superseded: { externalId: string; oldClaimId: number; newClaimId: number }[];
  };
  /** records of earlier versions of this dataset that this file no longer has */
  missing: { externalId: string; claimId: number; retracted: boolean }[];
  rejected: (RecordRef & { externalId?: string; field: string; message: string })[];
}

const by = (b: MatchedBy | null) => (b ? { external_id: "external id", exact_alias: "exact alias", normalized_key: "normalized key" }[b] : "");
const where = (r: RecordRef) => (r.line ? `line ${r.line}` : `record ${r.index}`);
const ev = (e: EventLine) => `event ${e.id}: ${e.person} ${e.kind} ${e.company}`;

/** The report as text, for the terminal. */
export function formatReport(r: ImportReport): string {
  const out: string[] = [];
  const head = r.dryRun
    ? "Dry run (nothing was stored), what importing would do:"
    : r.batchId === null
      ? "Nothing changed (no batch recorded):"
      : `Import batch ${r.batchId}:`;
  out.push(`${head} ${r.dataset}${r.version ? ` ${r.version}` : ""} (${r.format}, ${r.records} records, sha256 ${r.fileSha256.slice(0, 12)}…)`);
  const section = (title: string, lines: string[]) => {
    out.push(`${title}: ${lines.length}`);
    for (const l of lines.slice(0, 200)) out.push(`  ${l}`);
    if (lines.length > 200) out.push(`  … and ${lines.length - 200} more (use --json for all)`);
  };
  section(
    "People matched",
    r.people.matched.map((p) => `${p.as} → ${p.name} (/people/${p.slug}, by ${by(p.by)})`),
  );
  section(
    "People created",
    r.people.created.map((p) => `${p.name} (/people/${p.slug})`),
  );
  section(
    "Companies matched",
    r.companies.matched.map((c) => `${c.as} → ${c.name} (by ${by(c.by)})`),
  );
  section(
    "Companies created",
    r.companies.created.map((c) => c.name),
  );
  section("Events created", r.events.created.map(ev));
  section("Merged into existing events", r.events.merged.map(ev));
  section(
    "Newly disputed",
    r.events.disputed.map((e) => `${ev(e)} (${e.fields.join(", ")} in conflict)`),
  );
  section(
    "Fields changed on existing events",
    r.events.changed.map((e) => `${ev(e)}: ${e.changes.map((c) => `${c.field} ${c.before ?? "—"} → ${c.after ?? "—"}`).join("; ")}`),
  );
  out.push(
    `Claims: ${r.claims.added} added, ${r.claims.unchanged} unchanged, ${r.claims.superseded.length} superseding an earlier version, ${r.claims.alreadyRecorded} already recorded`,
  );
  section(
    "Missing from this version",
    r.missing.map((m) => `${m.externalId} (claim ${m.claimId})${m.retracted ? " retracted" : " kept (use --retract-missing to retract)"}`),
  );
  section(
    "Rejected records",
    r.rejected.map((x) => `${where(x)}${x.externalId ? ` (${x.externalId})` : ""} ${x.field}: ${x.message}`),
  );
  if (r.batchId !== null && !r.dryRun) out.push(`Undo with: npm run import -- --undo ${r.batchId}`);
  return out.join("\n");
}
