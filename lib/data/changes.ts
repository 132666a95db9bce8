/**
 * The change log, newest first: who changed what and when, with the fields each change altered. Keyset
 * pagination on the id (?before=) keeps every page stable while new changes arrive.
 */
import { diffChange, type FieldChange } from "@/lib/domain/change-diff";
import { CHANGE_ACTIONS, type ChangeAction } from "@/lib/domain/vocabulary";
import type { Tx } from "@/lib/db-factory";

export { CHANGE_ACTIONS, type ChangeAction };

export const CHANGE_ACTION_LABELS: Record<ChangeAction, string> = {
  create_event: "created event",
  add_claim: "added claim",
  retract_claim: "retracted claim",
  deprecate_claim: "deprecated claim",
  restore_claim: "restored claim",
  edit_claim: "edited claim",
  edit_event: "edited event",
  accept_submission: "accepted submission",
  reject_submission: "rejected submission",
  import_batch: "imported batch",
  undo_batch: "undid import batch",
  merge_people: "merged people",
  merge_companies: "merged companies",
  split_alias: "split off alias",
  relate_companies: "related companies",
};

/** Changes a revert can undo (lib/ingest/revert-change.ts). */
export const REVERTIBLE: ChangeAction[] = [
  "create_event",
  "add_claim",
  "accept_submission",
  "restore_claim",
  "retract_claim",
  "deprecate_claim",
  "edit_claim",
];

export interface ChangeFilters {
  eventId?: number;
  action?: ChangeAction;
  /** the account that made them */
  accountId?: string;
  /** ISO instants: changes at or after `since`, before `until` */
  since?: Date;
  until?: Date;
  /** only changes with an id below this (the next page, newest first) */
  before?: number;
  /** the delta feed: only changes strictly after this instant, and with an id above `afterId` (its next page) */
  after?: Date;
  afterId?: number;
  /** only these changes */
  ids?: number[];
  /** newest first (default), or oldest first: the order a mirror replays them in */
  order?: "newest" | "oldest";
  limit?: number;
}

export interface ChangeView {
  id: number;
  at: Date;
  editor: string;
  account: { id: string; name: string } | null;
  /** the change this one reverts, and the one that reverted it */
  revertOfId: number | null;
  revertedById: number | null;
  revertible: boolean;
  action: string;
  summary: string;
  claimId: number | null;
  event: { id: number; kind: string; person: { name: string; slug: string }; company: { name: string; slug: string } } | null;
  fields: FieldChange[];
}

export async function listChanges(
  tx: Tx,
  filters: ChangeFilters = {},
): Promise<{ changes: ChangeView[]; nextBefore: number | null; nextAfter: number | null }> {
  const limit = Math.min(Math.max(filters.limit ?? 50, 1), 200);
  const oldest = filters.order === "oldest";
  const rows = await tx.change.findMany({
    where: {
      ...(filters.eventId !== undefined ? { eventId: filters.eventId } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.accountId ? { accountId: filters.accountId } : {}),
      ...(filters.since || filters.until || filters.after ? { at: { gte: filters.since, lt: filters.until, gt: filters.after } } : {}),
      ...(filters.before !== undefined || filters.afterId !== undefined || filters.ids
        ? { id: { lt: filters.before, gt: filters.afterId, ...(filters.ids ? { in: filters.ids } : {}) } }
        : {}),
    },
    include: {
      event: { select: { id: true, kind: true, person: { select: { name: true, slug: true } }, company: { select: { name: true, slug: true } } } },
      account: { select: { id: true, name: true } },
      revertedBy: { select: { id: true } },
    },
    orderBy: { id: oldest ? "asc" : "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const changes = page.map((r) => ({
    id: r.id,
    at: r.at,
    editor: r.editor,
    account: r.account,
    revertOfId: r.revertOfId,
    revertedById: r.revertedBy?.id ?? null,
    revertible: !r.revertedBy && r.claimId !== null && REVERTIBLE.includes(r.action),
    action: r.action,
    summary: r.summary,
    claimId: r.claimId,
    event: r.event,
    fields: diffChange(r.before, r.after),
  }));

  // Destinations are logged as ids; show their names.
  const ids = new Set<number>();
  for (const c of changes) for (const f of c.fields) if (f.field === "destinationId") for (const v of [f.before, f.after]) if (v) ids.add(Number(v));
  if (ids.size > 0) {
    const companies = await tx.company.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
    const names = new Map(companies.map((c) => [String(c.id), c.name]));
    for (const c of changes)
      for (const f of c.fields)
        if (f.field === "destinationId") {
          f.before = f.before ? (names.get(f.before) ?? f.before) : null;
          f.after = f.after ? (names.get(f.after) ?? f.after) : null;
        }
  }
  const next = rows.length > limit ? page[page.length - 1].id : null;
  return { changes, nextBefore: oldest ? null : next, nextAfter: oldest ? next : null };
}

/** Corrections: what changes a reader's picture rather than adding to it. */
export const CORRECTION_ACTIONS: ChangeAction[] = [
  "retract_claim",
  "deprecate_claim",
  "merge_people",
  "merge_companies",
  "split_alias",
  "undo_batch",
];

/** Why a change is a correction, or null: retracted, deprecated, merged, split, undone, a revert, or made its event disputed. */
export function correctionKind(c: Pick<ChangeView, "action" | "revertOfId" | "fields">): string | null {
  if (c.revertOfId !== null) return "revert";
  if (CORRECTION_ACTIONS.includes(c.action as ChangeAction)) return c.action;
  const status = c.fields.find((f) => f.field === "status");
  return status && status.after === "disputed" && status.before !== "disputed" ? "dispute" : null;
}

/**
 * The newest corrections (the corrections feed): retractions, deprecations, merges, splits, undone
 * imports, reverts, and changes that made an event disputed, newest first.
 */
export async function listCorrections(tx: Tx, limit = 50): Promise<ChangeView[]> {
  const candidates = await tx.change.findMany({
    where: { OR: [{ action: { in: CORRECTION_ACTIONS } }, { revertOfId: { not: null } }, { after: { contains: '"status":"disputed"' } }] },
    select: { id: true },
    orderBy: { id: "desc" },
    take: 200,
  });
  if (candidates.length === 0) return [];
  const { changes } = await listChanges(tx, { ids: candidates.map((c) => c.id), limit: 200 });
  return changes.filter((c) => correctionKind(c) !== null).slice(0, limit);
}
