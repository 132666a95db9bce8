import type { ActionState } from "@/lib/actions/action-state";

const EMPTY: ActionState = { ok: false, message: "", fieldErrors: {}, values: {} };

/** A validatedAction as a plain <form action> (server-rendered, posts without JavaScript). */
export const asFormAction = (action: (previous: ActionState, formData: FormData) => Promise<ActionState>) =>
  action.bind(null, EMPTY) as unknown as (formData: FormData) => Promise<void>;
