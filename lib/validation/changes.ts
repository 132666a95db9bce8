import { z } from "zod";
import { CHANGE_ACTIONS } from "@/lib/domain/vocabulary";

const instant = z.iso.datetime({ offset: true, error: "Use an ISO time, e.g. 2026-12-01T00:00:00Z" }).transform((s) => new Date(s));
const day = z.iso.date({ error: "Use an ISO day: YYYY-MM-DD" });

/** GET /api/changes and /changes: every parameter parsed, unknown ones ignored. */
export const changeListSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
  /** the delta feed's next page: changes with an id above this one (GET /api/changes) */
  after: z.coerce.number({ error: "after is a change id" }).int("after is a change id").positive("after is a change id").optional(),
  account: z.string().trim().min(1).max(100).optional(),
  action: z.enum(CHANGE_ACTIONS).optional(),
  since: z.union([instant, day.transform((d) => new Date(`${d}T00:00:00Z`))]).optional(),
  until: z.union([instant, day.transform((d) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000))]).optional(),
});
export type ChangeListQuery = z.infer<typeof changeListSchema>;

/** A numeric id from a route segment: digits only, never coerced from anything else. */
export const idParam = (value: string | undefined): number | null => {
  if (!value || !/^[1-9]\d{0,15}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
};
