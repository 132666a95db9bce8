import type { FieldErrors } from "@/lib/validation/field-errors";

/** What every server action returns, so every form renders messages, field errors and kept values the same way. */
export interface ActionState<Extra = unknown> {
  ok: boolean;
  message: string;
  fieldErrors: FieldErrors;
  /** the submitted values, echoed so the form keeps what was typed */
  values: Record<string, string>;
  /** action-specific data the form renders (e.g. events the claim may belong to) */
  extra?: Extra;
}
