import { revertChangeAction } from "@/lib/actions/review";
import type { ChangeView } from "@/lib/data/changes";
import { asFormAction } from "./bind-form";

const revert = asFormAction(revertChangeAction);

/** For editors: undo one change through the write path (the revert is itself logged). */
export function RevertButton({ change }: { change: ChangeView }) {
  if (!change.revertible) return null;
  return (
    <form action={revert} className="mt-1">
      <input type="hidden" name="changeId" value={change.id} />
      <button type="submit" className="text-xs text-red-800 underline" aria-label={`Revert change #${change.id}`}>
        Revert
      </button>
    </form>
  );
}
