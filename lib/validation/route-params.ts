import { z } from "zod";

/** A numeric id in a page's path (/events/12, /sources/3); anything else is a 404, never a 500. */
export const idParamSchema = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** The id, or NaN for a malformed one (the data layer's get* turns that into notFound()). */
export function parseIdParam(params: { id: string }): number {
  const r = idParamSchema.safeParse(params);
  return r.success ? r.data.id : Number.NaN;
}
