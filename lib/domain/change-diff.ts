/**
 * What a logged change changed, for people: the before/after snapshots in the change log (an event row,
 * or { claim, event } for a retraction) reduced to the few fields a reader cares about, each with its old
 * and new value. Unchanged fields are left out; a creation lists what it set.
 */

export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

const FIELDS: { field: string; label: string }[] = [
  { field: "claim.state", label: "claim state" },
  { field: "claim.stateReason", label: "reason" },
  { field: "claim.translation", label: "translation" },
  { field: "claim.note", label: "note" },
  { field: "status", label: "status" },
  { field: "kind", label: "kind" },
  { field: "dateText", label: "date" },
  { field: "destinationId", label: "destination" },
  { field: "destinationRelation", label: "relation" },
  { field: "role", label: "role" },
  { field: "claimCount", label: "claims" },
  { field: "sourceCount", label: "sources" },
];

type Snapshot = Record<string, unknown>;

function parse(json: string | null): Snapshot | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === "object" ? (value as Snapshot) : null;
  } catch {
    return null;
  }
}

/** { claim: {state}, event: {status} } and a plain event row read the same way: "claim.state", "status". */
function read(snapshot: Snapshot | null, field: string): string | null {
  if (!snapshot) return null;
  const [head, tail] = field.split(".");
  const source = tail ? snapshot[head] : "event" in snapshot ? snapshot.event : snapshot;
  const value = source && typeof source === "object" ? (source as Snapshot)[tail ?? head] : undefined;
  return value === null || value === undefined || value === "" ? null : String(value);
}

export function diffChange(beforeJson: string | null, afterJson: string | null): FieldChange[] {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  return FIELDS.map(({ field, label }) => ({ field, label, before: read(before, field), after: read(after, field) })).filter(
    (c) => c.before !== c.after,
  );
}
