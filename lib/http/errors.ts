/**
 * One error shape for every route handler: `{ error, fieldErrors? }` with the status that says whose
 * fault it was. Handlers answer a bad request with 400/404/413/415, never a 500.
 */
import type { FieldErrors } from "@/lib/validation/field-errors";

export function jsonError(
  status: 400 | 401 | 403 | 404 | 405 | 413 | 415 | 422 | 429,
  error: string,
  fieldErrors?: FieldErrors | Record<string, string[] | undefined>,
  init: { headers?: HeadersInit } = {},
): Response {
  return Response.json(fieldErrors ? { error, fieldErrors } : { error }, {
    status,
    headers: { "Cache-Control": "no-store", ...Object.fromEntries(new Headers(init.headers)) },
  });
}

/**
 * A slug from a dynamic route segment, or null when it can be no record's slug (the caller answers 404).
 * Route handlers get the segment percent-decoded, pages may get it as sent; decoding is tried once and
 * a segment that does not decode ("%", "%E0": a literal percent sign after Next's own decoding) is used
 * as it is, never thrown as a URIError (a 500). Too long, unstorable or control characters: null.
 */
export function slugParam(value: string | string[] | undefined): string | null {
  const raw = Array.isArray(value) ? value.join("/") : value;
  if (!raw) return null;
  let slug = raw;
  try {
    slug = decodeURIComponent(raw);
  } catch {
    slug = raw;
  }
  if (slug.length > 400 || !slug.isWellFormed() || /[\u0000-\u001f\u007f]/.test(slug)) return null;
  return slug;
}
