/** The import report from what the batch did: read back inside the batch's transaction (or the dry run's). */
import { summarizeStoredEvent } from "@/lib/data/event-facts";
import type { Tx } from "@/lib/db-factory";
import type { EventRow, IngestResult } from "@/lib/ingest/ingest-claim";
import type { MatchedBy } from "@/lib/ingest/match-entities";
import type { Described } from "./apply-descriptions";
import type { ParsedDataset } from "./record";
import type { EntityLine, EventLine, FieldChangeLine, ImportReport } from "./report";
import type { ValidRecord } from "./validate-records";

export type { EventRow };

interface ReportInput {
  batchId: number | null;
  options: { dataset: string; version?: string; licence?: string; format: string; fileSha256: string; dryRun?: boolean };
  parsed: ParsedDataset;
  progress: {
    results: { record: ValidRecord; result: IngestResult }[];
    described: Described[];
    superseded: ImportReport["claims"]["superseded"];
    unchanged: number;
    before: Map<number, EventRow>;
    createdEvents: Set<number>;
    rejected: ImportReport["rejected"];
    missing: ImportReport["missing"];
  };
}

/** The fields a reader of an event sees change, in the order they read them. */
const WATCHED = ["kind", "manner", "status", "dateText", "role", "roleCategory", "team", "destinationId", "destinationRelation", "reason"] as const;

interface Sighting {
  id: number;
  as: string;
  by: MatchedBy | null;
  created: boolean;
}

function collect(into: Map<number, Sighting>, id: number, as: string, by: MatchedBy | null, created: boolean) {
  const seen = into.get(id);
  if (!seen) into.set(id, { id, as, by, created });
  else if (created) seen.created = true;
}

async function entityLines(tx: Tx, kind: "person" | "company", seen: Map<number, Sighting>) {
  const ids = [...seen.keys()];
  const rows =
    kind === "person"
      ? await tx.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, slug: true } })
      : await tx.company.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, slug: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const lines = [...seen.values()]
    .filter((s) => byId.has(s.id))
    .map((s) => ({
      ...s,
      line: { id: s.id, name: byId.get(s.id)!.name, slug: byId.get(s.id)!.slug, as: s.as, by: s.created ? null : s.by } as EntityLine,
    }));
  return {
    matched: lines.filter((l) => !l.created).map((l) => l.line),
    created: lines.filter((l) => l.created).map((l) => l.line),
  };
}

async function eventLines(tx: Tx, ids: number[]): Promise<Map<number, EventLine>> {
  const rows = await tx.event.findMany({
    where: { id: { in: ids } },
    select: { id: true, kind: true, person: { select: { name: true } }, company: { select: { name: true } } },
  });
  return new Map(rows.map((r) => [r.id, { id: r.id, person: r.person.name, company: r.company.name, kind: r.kind }]));
}

const show = (v: unknown) => (v === null || v === undefined ? null : String(v));

async function destinationNames(tx: Tx, rows: EventRow[]) {
  const ids = [...new Set(rows.map((r) => r.destinationId).filter((v): v is number => v !== null))];
  const companies = await tx.company.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(companies.map((c) => [c.id, c.name]));
}

export async function buildReport(tx: Tx, input: ReportInput): Promise<ImportReport> {
  const { progress: p, options: o } = input;
  const people = new Map<number, Sighting>();
  const companies = new Map<number, Sighting>();
  for (const d of p.described) collect(d.kind === "person" ? people : companies, d.resolved.id, d.as, d.resolved.matchedBy, d.resolved.created);
  for (const { record, result } of p.results) {
    collect(people, result.resolved.person.id, record.claim.person.name, result.resolved.person.matchedBy, result.created.person);
    collect(companies, result.resolved.company.id, record.claim.company.name, result.resolved.company.matchedBy, result.created.company);
    const dest = result.resolved.destination;
    if (dest && record.claim.destination) collect(companies, dest.id, record.claim.destination.name, dest.matchedBy, result.created.destination);
  }

  const merged = [
    ...new Set(p.results.filter((r) => r.result.outcome === "merged" && !p.createdEvents.has(r.result.eventId)).map((r) => r.result.eventId)),
  ];
  const existing = [...p.before.keys()];
  const lines = await eventLines(tx, [...p.createdEvents, ...existing]);
  const afterRows = await tx.event.findMany({ where: { id: { in: existing } } });
  const names = await destinationNames(tx, [...afterRows, ...p.before.values()]);
  const value = (row: EventRow, field: (typeof WATCHED)[number]) =>
    field === "destinationId" ? show(row.destinationId === null ? null : (names.get(row.destinationId) ?? row.destinationId)) : show(row[field]);

  const disputed: ImportReport["events"]["disputed"] = [];
  const changed: ImportReport["events"]["changed"] = [];
  for (const after of afterRows) {
    const before = p.before.get(after.id)!;
    const line = lines.get(after.id)!;
    const changes: FieldChangeLine[] = WATCHED.filter((f) => value(before, f) !== value(after, f)).map((f) => ({
      field: f === "destinationId" ? "destination" : f === "dateText" ? "date" : f,
      before: value(before, f),
      after: value(after, f),
    }));
    if (changes.length > 0) changed.push({ ...line, changes });
    if (after.status === "disputed" && before.status !== "disputed") {
      const summary = await summarizeStoredEvent(tx, after.id);
      disputed.push({ ...line, fields: [...new Set(summary.conflicts.map((c) => c.field))] });
    }
  }

  return {
    batchId: input.batchId,
    dryRun: !!o.dryRun,
    dataset: o.dataset,
    version: o.version ?? null,
    licence: o.licence ?? null,
    format: o.format,
    fileSha256: o.fileSha256,
    records: input.parsed.records.length + input.parsed.rejected.length,
    people: await entityLines(tx, "person", people),
    companies: await entityLines(tx, "company", companies),
    events: {
      created: [...p.createdEvents].map((id) => lines.get(id)).filter((l): l is EventLine => !!l),
      merged: merged.map((id) => lines.get(id)).filter((l): l is EventLine => !!l),
      disputed,
      changed,
    },
    claims: {
      added: p.results.filter((r) => r.result.outcome !== "duplicate").length,
      unchanged: p.unchanged,
      alreadyRecorded: p.results.filter((r) => r.result.outcome === "duplicate").length,
      superseded: p.superseded,
    },
    missing: p.missing,
    rejected: [...p.rejected].sort((a, b) => a.index - b.index),
  };
}
