import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;

/** Every issue keyed by its dotted path ("source.url"), so forms can put it next to the field. */
export function fieldErrorsOf(error: z.ZodError, prefix: (string | number)[] = []): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = [...prefix, ...issue.path].map(String).join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
