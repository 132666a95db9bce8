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
  /** only changes with an id below this (the next page) */
  before?: number;
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

export async function listChanges(tx: Tx, filters: ChangeFilters = {}): Promise<{ changes: ChangeView[]; nextBefore: number | null }> {
  const limit = Math.min(Math.max(filters.limit ?? 50, 1), 200);
  const rows = await tx.change.findMany({
    where: {
      ...(filters.eventId !== undefined ? { eventId: filters.eventId } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.accountId ? { accountId: filters.accountId } : {}),
      ...(filters.since || filters.until ? { at: { gte: filters.since, lt: filters.until } } : {}),
      ...(filters.before !== undefined ? { id: { lt: filters.before } } : {}),
    },
    include: {
      event: { select: { id: true, kind: true, person: { select: { name: true, slug: true } }, company: { select: { name: true, slug: true } } } },
      account: { select: { id: true, name: true } },
      revertedBy: { select: { id: true } },
    },
    orderBy: { id: "desc" },
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
  return { changes, nextBefore: rows.length > limit ? page[page.length - 1].id : null };
}
