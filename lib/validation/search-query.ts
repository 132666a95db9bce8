import { z } from "zod";

export const SEARCH_TYPES = ["person", "company", "all"] as const;

/** GET /api/search: `q` a name or part of one in any script, `type` whom to look for, `limit` how many. */
export const searchQuerySchema = z.object({
  q: z
    .string({ error: "q is required: a name or part of one, in any script" })
    .trim()
    .min(1, "q is required: a name or part of one, in any script")
    .max(200, "A search is at most 200 characters"),
  type: z.enum(SEARCH_TYPES, { error: `type must be one of ${SEARCH_TYPES.join(", ")}` }).default("all"),
  limit: z.coerce
    .number({ error: "limit must be a whole number" })
    .int("limit must be a whole number")
    .min(1, "limit is at least 1")
    .max(50, "limit is at most 50")
    .default(10),
});

export type SearchQuery = z.output<typeof searchQuerySchema>;
