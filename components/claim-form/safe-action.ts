"use client";

import { startTransition, type FormEvent } from "react";
import { unstable_rethrow } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const EMPTY: ActionState = { ok: false, message: "", fieldErrors: {}, values: {} };

/** The action as a plain <form action> for submissions without JavaScript. */
export const withoutScript = (action: Action) => action.bind(null, EMPTY) as unknown as (formData: FormData) => Promise<void>;

/** With JavaScript: a request that fails (network, server down) keeps the form as typed and says nothing changed. */
export function safely(action: Action, failureMessage: string): Action {
  return async (previous, formData) => {
    try {
      return await action(previous, formData);
    } catch (error) {
      unstable_rethrow(error);
      return { ...previous, ok: false, message: failureMessage, fieldErrors: {} };
    }
  };
}

/** Submit through useActionState without a page load; a second click while pending does nothing. */
export function submitInPlace(formAction: (data: FormData) => void, pending: boolean) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
}
