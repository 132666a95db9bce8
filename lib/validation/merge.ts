/** The editors' merge and split forms on person and company pages. */
import { z } from "zod";

const slug = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(200, `${label} is at most 200 characters`)
    // a pasted page address works as well as a slug
    .transform((s, ctx) => {
      const raw = s.replace(/^.*\/(people|companies)\//, "").replace(/[/?#].*$/, "");
      try {
        return decodeURIComponent(raw);
      } catch {
        ctx.addIssue({ code: "custom", message: `${label} is not a valid page address` });
        return z.NEVER;
      }
    });

export const mergeSchema = z.object({
  kind: z.enum(["person", "company"]),
  from: slug("The record to merge"),
  into: slug("The record to keep"),
});

export const splitSchema = z.object({
  kind: z.enum(["person", "company"]),
  owner: slug("The record"),
  aliasId: z
    .string()
    .regex(/^[1-9]\d{0,11}$/, "Pick the spelling to split off")
    .transform(Number),
  eventIds: z
    .array(
      z
        .string()
        .regex(/^[1-9]\d{0,11}$/)
        .transform(Number),
    )
    .max(500)
    .default([]),
});
