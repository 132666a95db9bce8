"use client";

/**
 * Retract or deprecate one claim, with a reason (attributed to the signed-in account). Works without JavaScript (the
 * <details> opens natively and the form posts); with it, errors show inline and the button shows progress.
 */
import { useActionState } from "react";
import { Field, inputClass, TextAreaField } from "@/components/ui/field";
import { changeClaimState } from "@/lib/actions/change-claim-state";
import type { ActionState } from "@/lib/actions/action-state";
import { safely, submitInPlace, withoutScript } from "./safe-action";

const changeWithoutScript = withoutScript(changeClaimState);

const sendChange = safely(changeClaimState, "The change could not be sent, so nothing changed. Try again.");

/** initialState: the result of a submission made without JavaScript, shown again after the redirect. */
export function ClaimStateForm({ claimId, eventId, initialState }: { claimId: number; eventId: number; initialState?: ActionState | null }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(
    sendChange,
    initialState ?? { ok: false, message: "", fieldErrors: {}, values: {} },
  );
  const v = state.values;
  const e = state.fieldErrors;
  const prefix = `claim-${claimId}-`;
  const onSubmit = submitInPlace(formAction, pending);
  return (
    <details className="mt-1 text-sm" open={!!state.message || undefined}>
      <summary className="cursor-pointer text-stone-700 underline">Retract or deprecate claim {claimId}</summary>
      <form action={changeWithoutScript} onSubmit={onSubmit} noValidate className="mt-2 space-y-2 rounded border border-stone-200 bg-stone-50 p-3">
        <input type="hidden" name="claimId" value={claimId} />
        <input type="hidden" name="eventId" value={eventId} />
        {state.message && (
          <p role="alert" className="font-medium text-red-800">
            {state.message}
            {(e.claimId ?? []).concat(e._form ?? []).map((m) => (
              <span key={m}> {m}</span>
            ))}
          </p>
        )}
        <Field name={`${prefix}state`} label="Mark as" errors={e.state}>
          {(c) => (
            <select {...c} name="state" defaultValue={v.state ?? "retracted"} className={inputClass}>
              <option value="retracted">Retracted: the source withdrew or corrected it</option>
              <option value="deprecated">Deprecated: superseded or judged unreliable</option>
            </select>
          )}
        </Field>
        <TextAreaField
          name={`${prefix}reason`}
          label="Reason"
          required
          errors={e.reason}
          textareaProps={{ name: "reason", rows: 2, defaultValue: v.reason ?? "" }}
        />
        <button
          type="submit"
          aria-disabled={pending}
          className="rounded bg-red-800 px-3 py-1.5 font-medium text-white hover:bg-red-700 aria-disabled:opacity-60"
        >
          {pending ? "Saving…" : `Mark claim ${claimId}`}
        </button>
      </form>
    </details>
  );
}
