import type { Tx } from "@/lib/db-factory";
import type { ChangeAction } from "@/lib/domain/vocabulary";
import type { Actor } from "./actor";

export interface ChangeEntry {
  actor: Actor;
  action: ChangeAction;
  eventId: number | null;
  claimId?: number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
  /** the change this one reverts */
  revertOfId?: number;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** The stored row of a change log entry. */
export const changeRow = (entry: ChangeEntry) => ({
  accountId: entry.actor.accountId,
  editor: entry.actor.name,
  action: entry.action,
  revertOfId: entry.revertOfId ?? null,
  eventId: entry.eventId,
  claimId: entry.claimId ?? null,
  summary: entry.summary,
  before: json(entry.before),
  after: json(entry.after),
});

/** Append to the change log inside the caller's transaction, so a change and its record land together. */
export async function logChange(tx: Tx, entry: ChangeEntry): Promise<number> {
  const change = await tx.change.create({ data: changeRow(entry), select: { id: true } });
  return change.id;
}
