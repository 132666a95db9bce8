import type { Tx } from "@/lib/db-factory";

export interface ChangeEntry {
  editor: string;
  action: "create_event" | "add_claim" | "retract_claim" | "deprecate_claim" | "edit_claim" | "edit_event";
  eventId: number | null;
  claimId?: number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** Append to the change log inside the caller's transaction, so a change and its record land together. */
export async function logChange(tx: Tx, entry: ChangeEntry): Promise<number> {
  const change = await tx.change.create({
    data: {
      editor: entry.editor,
      action: entry.action,
      eventId: entry.eventId,
      claimId: entry.claimId ?? null,
      summary: entry.summary,
      before: json(entry.before),
      after: json(entry.after),
    },
    select: { id: true },
  });
  return change.id;
}
