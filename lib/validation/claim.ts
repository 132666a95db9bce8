import { z } from "zod";
import {
  COMPANY_KINDS,
  DESTINATION_RELATIONS,
  EVENT_KINDS,
  REASON_EVIDENCE,
  ROLE_CATEGORIES,
  SOURCE_KINDS,
} from "@/lib/domain/vocabulary";
import { partialDateText } from "./partial-date-field";

/** Limits a human would never hit but that keep a 100 KB paste out of the database. */
export const LIMITS = { name: 200, title: 500, excerpt: 5000, note: 2000, aliases: 50 } as const;

const text = (max: number, label: string) =>
  z.string().trim().min(1, `${label} is required`).max(max, `${label} is at most ${max} characters`);
const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} is at most ${max} characters`).optional();

const aliases = z.array(text(LIMITS.name, "An alias")).max(LIMITS.aliases).default([]);

export const personRefSchema = z.object({ name: text(LIMITS.name, "Name"), aliases });
export const companyRefSchema = z.object({
  name: text(LIMITS.name, "Company name"),
  aliases,
  kind: z.enum(COMPANY_KINDS).optional(),
  foundedAt: partialDateText.optional(),
});
export const destinationSchema = companyRefSchema.extend({ relation: z.enum(DESTINATION_RELATIONS).default("joined") });

export const newSourceSchema = z.object({
  title: text(LIMITS.title, "Title"),
  publisher: optionalText(LIMITS.name, "Publisher"),
  url: z
    .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "Enter a full web address starting with http:// or https://" })
    .max(2000, "A URL is at most 2000 characters")
    .optional(),
  publishedAt: partialDateText.optional(),
  language: z
    .string()
    .trim()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "Use a language tag such as en, ja or zh-Hans"),
  kind: z.enum(SOURCE_KINDS),
});
export const sourceRefSchema = z.union([z.object({ id: z.coerce.number().int().positive() }), newSourceSchema]);

/** One source asserting one event. The form, the server action, POST /api/claims and the CLI all parse with this. */
export const claimInputSchema = z.object({
  source: sourceRefSchema,
  excerpt: text(LIMITS.excerpt, "Excerpt"),
  translation: optionalText(LIMITS.excerpt, "Translation"),
  person: personRefSchema,
  company: companyRefSchema,
  kind: z.enum(EVENT_KINDS),
  role: optionalText(LIMITS.name, "Role"),
  roleCategory: z.enum(ROLE_CATEGORIES).optional(),
  team: optionalText(LIMITS.name, "Team"),
  date: partialDateText.optional(),
  destination: destinationSchema.optional(),
  reason: optionalText(LIMITS.note, "Reason"),
  reasonEvidence: z.enum(REASON_EVIDENCE).optional(),
  reportsTo: personRefSchema.optional(),
  note: optionalText(LIMITS.note, "Note"),
  editor: optionalText(LIMITS.name, "Editor"),
  /** attach to this event instead of matching one */
  eventId: z.coerce.number().int().positive().optional(),
});

export type ClaimInput = z.infer<typeof claimInputSchema>;
export type ClaimInputRaw = z.input<typeof claimInputSchema>;
export type NewSourceInput = z.infer<typeof newSourceSchema>;
export type CompanyRef = z.infer<typeof companyRefSchema>;
export type PersonRef = z.infer<typeof personRefSchema>;
