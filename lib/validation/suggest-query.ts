import { z } from "zod";

/** Longest query read, in code points (cut there, so a pair is never split into a lone surrogate). */
const SUGGEST_QUERY_MAX = 200;

/** GET /api/suggest: whom to suggest and what was typed so far (blank: nothing to suggest yet). */
export const suggestQuerySchema = z.object({
  type: z.enum(["person", "company"], { error: "type must be person or company" }),
  q: z
    .string()
    .default("")
    .transform((q) => Array.from(q).slice(0, SUGGEST_QUERY_MAX).join("")),
});
