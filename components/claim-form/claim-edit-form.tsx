"use client";

/**
 * Edit one claim's English translation and note (attributed to the signed-in account). Only these are editable: the
 * excerpt, source and asserted facts are the evidence, corrected by retracting and adding a new claim.
 * Works without JavaScript (the <details> opens natively and the form posts); with it, errors show inline.
 */
import { useActionState } from "react";
import { TextAreaField, TextField } from "@/components/ui/field";
import { editClaim } from "@/lib/actions/edit-claim";
import type { ActionState } from "@/lib/actions/action-state";
import { safely, submitInPlace, withoutScript } from "./safe-action";

const editWithoutScript = withoutScript(editClaim);

const sendEdit = safely(editClaim, "The edit could not be sent, so nothing changed. Try again.");

interface Props {
  claimId: number;
  eventId: number;
  translation: string | null;
  note: string | null;
  /** the result of a submission made without JavaScript, shown again after the redirect */
  initialState?: ActionState | null;
}

export function ClaimEditForm({ claimId, eventId, translation, note, initialState }: Props) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(
    sendEdit,
    initialState ?? { ok: false, message: "", fieldErrors: {}, values: { translation: translation ?? "", note: note ?? "" } },
  );
  const v = state.values;
  const e = state.fieldErrors;
  const prefix = `claim-${claimId}-edit-`;
  const onSubmit = submitInPlace(formAction, pending);
  return (
    <details className="mt-1 text-sm" open={!!state.message || undefined}>
      <summary className="cursor-pointer text-stone-700 underline">Edit translation or note of claim {claimId}</summary>
      <form action={editWithoutScript} onSubmit={onSubmit} noValidate className="mt-2 space-y-2 rounded border border-stone-200 bg-stone-50 p-3">
        <input type="hidden" name="claimId" value={claimId} />
        <input type="hidden" name="eventId" value={eventId} />
        <p className="text-xs text-stone-600">
          The excerpt, source and what the claim asserts are evidence and cannot be edited: to correct them, retract or deprecate this claim and add a
          new one.
        </p>
        {state.message && (
          <p role="alert" className="font-medium text-red-800">
            {state.message}
            {(e.claimId ?? []).concat(e._form ?? []).map((m) => (
              <span key={m}> {m}</span>
            ))}
          </p>
        )}
        <TextAreaField
          name={`${prefix}translation`}
          label="English translation"
          hint="Leave empty to remove it."
          errors={e.translation}
          textareaProps={{ name: "translation", rows: 3, defaultValue: v.translation ?? "" }}
        />
        <TextAreaField
          name={`${prefix}note`}
          label="Editor note"
          errors={e.note}
          textareaProps={{ name: "note", rows: 2, defaultValue: v.note ?? "" }}
        />
        <TextField name={`${prefix}reason`} label="Why (optional)" errors={e.reason} inputProps={{ name: "reason", defaultValue: v.reason ?? "" }} />
        <button
          type="submit"
          aria-disabled={pending}
          className="rounded bg-stone-800 px-3 py-1.5 font-medium text-white hover:bg-stone-700 aria-disabled:opacity-60"
        >
          {pending ? "Saving…" : `Save claim ${claimId}`}
        </button>
      </form>
    </details>
  );
}
