/**
 * The rows of the EventRollup table an event counts in: one per grain, per company and (companyId 0) over
 * every company. Pure, shared by the write path (lib/ingest/rollups.ts keeps the table exact) and the
 * tests' full recount. See docs/decisions/0075-event-rollups.md.
 */

export const ROLLUP_GRAINS = ["period", "destination", "total"] as const;
export type RollupGrain = (typeof ROLLUP_GRAINS)[number];

/** The columns of an event the rollup reads. */
export interface RollupEventRow {
  companyId: number;
  kind: string;
  status: string;
  roleCategory: string | null;
  sortDate: string;
  dateLatest: string | null;
  destinationId: number | null;
  destinationRelation: string | null;
  claimCount: number;
}

export interface RollupKey {
  grain: RollupGrain;
  companyId: number;
  earliest: string;
  latest: string;
  destinationId: number;
  relation: string;
  roleCategory: string;
  kind: string;
  status: string;
}

/**
 * Whether an event is counted at all. A row with no active claim that is not retracted is one just
 * created, before its first recompute in the same transaction (a recomputed event with no active claim is
 * retracted): it is counted from that recompute on.
 */
export const isCounted = (e: RollupEventRow) => !(e.claimCount === 0 && e.status !== "retracted");

/** The six rows an event adds 1 to (none when it is not counted). */
export function rollupKeys(e: RollupEventRow): RollupKey[] {
  if (!isCounted(e)) return [];
  // only the period grain is split by role category (its chart stacks by it): no read selects on role,
  // since a role filter also matches title words (migration 0011)
  const base = { kind: e.kind, status: e.status };
  const byGrain: Omit<RollupKey, "companyId">[] = [
    {
      grain: "period",
      earliest: e.sortDate.slice(0, 7),
      latest: (e.dateLatest ?? "").slice(0, 7),
      destinationId: 0,
      relation: "",
      roleCategory: e.roleCategory ?? "",
      ...base,
    },
    {
      grain: "destination",
      earliest: "",
      latest: "",
      destinationId: e.destinationId ?? 0,
      relation: e.destinationRelation ?? "",
      roleCategory: "",
      ...base,
    },
    { grain: "total", earliest: "", latest: "", destinationId: 0, relation: "", roleCategory: "", ...base },
  ];
  return byGrain.flatMap((k) => [
    { ...k, companyId: e.companyId },
    { ...k, companyId: 0 },
  ]);
}

export const rollupKeyString = (k: RollupKey) =>
  [k.grain, k.companyId, k.earliest, k.latest, k.destinationId, k.relation, k.roleCategory, k.kind, k.status].join("\u0001");
