import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { Account } from "@/lib/auth/account";
import { can, ROLE_LABELS, type Permission } from "@/lib/auth/roles";
import { clientAddress, consume } from "@/lib/auth/rate-limit";
import { currentAccount } from "@/lib/auth/server";
import { db } from "@/lib/db";
import { IngestError } from "@/lib/ingest/ingest-error";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/field-errors";
import type { ActionState } from "./action-state";
import { saveDraft } from "./form-drafts";

export type FormValues = Record<string, string>;

/** A run either answers the form (errors, a question) or sends the browser somewhere. */
export type ActionOutcome<Extra> = ActionState<Extra> | { redirectTo: string };

export interface ValidatedActionOptions<S extends z.ZodType, Extra> {
  schema: S;
  /** FormData → the values to echo, the payload for the schema, and errors the schema cannot see */
  read: (formData: FormData) => { values: FormValues; raw: unknown; fieldErrors?: FieldErrors };
  /** where each schema error is shown (defaults to its dotted path) */
  placeErrors?: (errors: FieldErrors) => FieldErrors;
  /** what the signed-in account must be allowed to do; checked on the server before anything runs */
  permission: Permission;
  run: (data: z.output<S>, values: FormValues, account: Account) => Promise<ActionOutcome<Extra>>;
  /** where a form posted without JavaScript is shown again with its result (?draft= is appended) */
  formPath: (values: FormValues) => string;
}

const INVALID = "Nothing was saved: correct the fields marked below.";

function merge(a: FieldErrors, b: FieldErrors): FieldErrors {
  const out: FieldErrors = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = [...(out[k] ?? []), ...v.filter((m) => !out[k]?.includes(m))];
  return out;
}

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * The one shape for server actions: read the form, validate with the shared zod schema, and only then
 * run. Invalid input returns every error with the typed values and stores nothing; a domain error from
 * the ingest path becomes field errors; an unexpected failure becomes a message, never a lost form.
 */
export function validatedAction<S extends z.ZodType, Extra = unknown>(options: ValidatedActionOptions<S, Extra>) {
  const place = options.placeErrors ?? ((e: FieldErrors) => e);
  async function outcomeOf(formData: FormData): Promise<{ values: FormValues; outcome: ActionOutcome<Extra> }> {
    const { values, raw, fieldErrors: formErrors = {} } = options.read(formData);
    const account = await currentAccount();
    if (!account) {
      // Signed out (or the session expired while typing): keep what was typed, sign in, come back to it.
      const draft = saveDraft({ ok: false, message: "Signed in: check the form and submit it again.", fieldErrors: {}, values });
      const back = options.formPath(values);
      return { values, outcome: { redirectTo: `/sign-in?next=${encodeURIComponent(`${back}${back.includes("?") ? "&" : "?"}draft=${draft}`)}` } };
    }
    if (!can(account.role, options.permission)) {
      const message = `Your account is a ${ROLE_LABELS[account.role].toLowerCase()}: only editors can do this. Nothing was changed.`;
      return { values, outcome: { ok: false, message, fieldErrors: {}, values } };
    }
    const wait = await consume(db, [
      ["writesPerAccount", account.id],
      ["writesPerIp", clientAddress(await headers())],
    ]);
    if (wait !== null)
      return {
        values,
        outcome: { ok: false, message: `Too many changes in a short time: wait ${wait} s and submit again.`, fieldErrors: {}, values },
      };
    const parsed = options.schema.safeParse(raw);
    const fieldErrors = place(merge(formErrors, parsed.success ? {} : fieldErrorsOf(parsed.error)));
    if (!parsed.success || Object.keys(fieldErrors).length > 0) return { values, outcome: { ok: false, message: INVALID, fieldErrors, values } };
    try {
      return { values, outcome: await options.run(parsed.data, values, account) };
    } catch (error) {
      const fail = (message: string, errors: FieldErrors = {}) => ({ values, outcome: { ok: false, message, fieldErrors: errors, values } });
      if (error instanceof IngestError) return fail(INVALID, place(error.fieldErrors));
      if (isUniqueViolation(error)) return fail("Someone recorded the same thing at the same moment; submit again to see it.");
      console.error(error);
      return fail("Something went wrong and nothing was saved. Please try again.");
    }
  }

  return async function action(_previous: ActionState<Extra>, formData: FormData): Promise<ActionState<Extra>> {
    const { values, outcome } = await outcomeOf(formData);
    // redirect() throws to navigate, so it is only called outside the try above.
    if ("redirectTo" in outcome) redirect(outcome.redirectTo);
    // Without JavaScript the browser posted the form itself (no Next-Action header): answer with
    // post/redirect/get, so the form is shown again with this result instead of empty.
    if (!(await headers()).has("next-action")) {
      const path = options.formPath(values);
      redirect(`${path}${path.includes("?") ? "&" : "?"}draft=${saveDraft(outcome as ActionState)}`);
    }
    return outcome;
  };
}
