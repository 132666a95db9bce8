/** One-line notices after a form's redirect: what was done (status), or why nothing was (alert). */
import type { ReactNode } from "react";
import type { ActionState } from "@/lib/actions/action-state";

export function DoneNotice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      {children}
    </p>
  );
}

/** The result of a form posted without JavaScript that changed nothing (lib/actions/form-drafts.ts). */
export function DraftAlert({ draft }: { draft: ActionState | null }) {
  if (!draft?.message) return null;
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      {draft.message} {Object.values(draft.fieldErrors).flat().join(" ")}
    </p>
  );
}
