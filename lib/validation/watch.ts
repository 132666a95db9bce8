/**
 * Following people, companies and timeline filters (the Follow/Unfollow button). The target is a slug,
 * or for a filter the timeline's canonical query string: any spelling of the same filter is rewritten to
 * the one toSearchParams writes, so one filter is one watch however its URL was typed.
 */
import { z } from "zod";
import { WATCH_KINDS } from "@/lib/domain/vocabulary";
import { filtersOf, parseEventQuery, toSearchParams } from "./event-filters";
import { isStorable, UNSTORABLE_MESSAGE } from "./text";

/** The canonical query string of a timeline filter, or null when it is not one the timeline accepts. */
export function canonicalFilter(target: string): string | null {
  const parsed = parseEventQuery(new URLSearchParams(target.replace(/^\?/, "")));
  return parsed.ok ? toSearchParams(filtersOf(parsed.query)).toString() : null;
}

const localPath = z
  .string()
  .max(2000, "The page address is too long")
  .regex(/^\/(?![/\\])[^\s]*$/, "Not a page of this site");

export const watchFormSchema = z
  .object({
    intent: z.enum(["follow", "unfollow"], { error: "Choose follow or unfollow" }),
    kind: z.enum(WATCH_KINDS, { error: `Follow one of: ${WATCH_KINDS.join(", ")}` }),
    target: z
      .string()
      .max(2000, "What to follow is at most 2,000 characters")
      .refine((s) => isStorable(s, "single-line"), UNSTORABLE_MESSAGE),
    label: z
      .string()
      .trim()
      .max(200, "A label is at most 200 characters")
      .refine((s) => isStorable(s, "single-line"), UNSTORABLE_MESSAGE)
      .optional(),
    returnTo: localPath.default("/watching"),
  })
  .transform((v, ctx) => {
    if (v.kind !== "filter") {
      if (!/^[^\s~/?#]{1,200}$/u.test(v.target)) ctx.addIssue({ code: "custom", path: ["target"], message: `Not a ${v.kind}'s slug` });
      return v;
    }
    const target = canonicalFilter(v.target);
    if (target === null) {
      ctx.addIssue({ code: "custom", path: ["target"], message: "Not a timeline filter: open it on the timeline and follow it there" });
      return z.NEVER;
    }
    return { ...v, target };
  });

export type WatchForm = z.output<typeof watchFormSchema>;
