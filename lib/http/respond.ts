/**
 * What every route handler answers with: JSON bodies with a Cache-Control header, one error shape
 * `{ error, fieldErrors? }` (errors.ts) for 400/401/403/404/429, and query strings parsed by a zod schema
 * (a repeated parameter takes its first value; text that cannot be stored is a 400 naming the field).
 * The same schemas describe the API in /api/openapi.json (lib/http/openapi.ts).
 */
import type { z } from "zod";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/field-errors";
import { isStorable, UNSTORABLE_MESSAGE } from "@/lib/validation/text";
import { jsonError } from "./errors";

/** `no-store` for anything per user or changing; `public` for data anyone may cache briefly. */
export type CachePolicy = "no-store" | { publicSeconds: number };

const cacheControl = (cache: CachePolicy) => (cache === "no-store" ? "no-store" : `public, max-age=${cache.publicSeconds}`);

export function json(body: unknown, options: { status?: number; cache?: CachePolicy; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(options.headers);
  headers.set("Cache-Control", cacheControl(options.cache ?? "no-store"));
  return Response.json(body, { status: options.status ?? 200, headers });
}

export const badRequest = (fieldErrors?: FieldErrors | Record<string, string[] | undefined>, error = "Invalid query parameters") =>
  jsonError(400, error, fieldErrors);
export const unauthorized = (error = "Sign in (or send an API key) to do this") => jsonError(401, error);
export const forbidden = (error = "Your role does not allow this") => jsonError(403, error);
export const notFound = (what = "record") => jsonError(404, `No such ${what}`);
export const tooManyRequests = (retryAfterSeconds: number) =>
  jsonError(429, `Too many requests: try again in ${retryAfterSeconds} seconds`, undefined, {
    headers: { "Retry-After": String(retryAfterSeconds) },
  });

/** A query string as a record for zod: each parameter's first value (a repeated one is not a list here). */
export function firstValues(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of params) if (!Object.hasOwn(out, k)) out[k] = v;
  return out;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** The query parsed by `schema`, or the 400 to return (field errors keyed by parameter). */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): Parsed<z.output<S>> {
  const raw = firstValues(params);
  const unstorable: FieldErrors = {};
  for (const [k, v] of Object.entries(raw)) if (!isStorable(v, "single-line")) unstorable[k] = [`${k} ${UNSTORABLE_MESSAGE}`];
  if (Object.keys(unstorable).length) return { ok: false, response: badRequest(unstorable) };
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: badRequest(fieldErrorsOf(parsed.error)) };
}
