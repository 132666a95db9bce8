import { z } from "zod";
import { INPUT_KINDS, MANNERS, ROLE_CATEGORIES } from "@/lib/domain/vocabulary";
import { LIMITS } from "./claim";

/** An optional query parameter: absent or blank is "not given". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
const name = z.string().trim().max(LIMITS.name, `At most ${LIMITS.name} characters`);

/**
 * GET /api/claims/candidates: what the form has typed so far. Person, company and kind may still be
 * blank while the editor types (then there is nothing to offer); anything given must be valid.
 */
export const candidatesQuerySchema = z.object({
  person: name.default(""),
  company: name.default(""),
  kind: optional(z.enum(INPUT_KINDS, { error: `kind must be one of ${INPUT_KINDS.join(", ")}` })),
  manner: optional(z.enum(MANNERS, { error: `manner must be one of ${MANNERS.join(", ")}` })),
  /** partial-date text as the form builds it; one that does not parse counts as unknown */
  date: optional(z.string().trim().max(100, "At most 100 characters")),
  role: optional(name),
  roleCategory: optional(z.enum(ROLE_CATEGORIES, { error: `roleCategory must be one of ${ROLE_CATEGORIES.join(", ")}` })),
});

export type CandidatesQuery = z.infer<typeof candidatesQuerySchema>;
