import { z } from "zod";
import {
  COMPANY_KINDS,
  DATE_BASES,
  DESTINATION_RELATIONS,
  EVENT_KINDS,
  INPUT_KINDS,
  MANNERS,
  REASON_EVIDENCE,
  ROLE_CATEGORIES,
  SOURCE_KINDS,
} from "@/lib/domain/vocabulary";
import { normalizeName } from "@/lib/domain/names";
import { tagSlug } from "@/lib/domain/tags";
import { partialDateText } from "./partial-date-field";
import { formId, recordId } from "./ids";
import { MEANINGLESS_MESSAGE, UNSTORABLE_MESSAGE, isStorable, optionalSafeText, requiredText, verbatimText } from "./text";

/** Limits a human would never hit but that keep a 100 KB paste out of the database. */
export const LIMITS = { name: 200, title: 500, excerpt: 5000, note: 2000, aliases: 50, text: 500_000, cites: 50, tags: 20 } as const;

/**
 * Text fields follow lib/validation/text.ts: storable (no lone surrogates or control characters) and,
 * when required, with a letter or digit once invisible characters are set aside. Fields longer than a
 * title are prose (excerpts, notes, reasons) and may span lines; shorter ones are one line.
 */
const shapeFor = (max: number) => (max > LIMITS.title ? "multiline" : "single-line");
const text = (max: number, label: string) => requiredText({ label, max, shape: shapeFor(max) });
const optionalText = (max: number, label: string) => optionalSafeText({ label, max, shape: shapeFor(max) });

/** A name must keep at least one letter or digit once separators are stripped, or it could not be looked up again. */
const nameText = (label: string) => text(LIMITS.name, label).refine((name) => normalizeName(name).length > 0, `${label} ${MEANINGLESS_MESSAGE}`);

/** A tag is a short label; its slug (lib/domain/tags.ts) is what filters match. */
const tagText = text(100, "A tag").refine((t) => tagSlug(t).length > 0, "A tag needs a letter or digit");

const aliases = z.array(nameText("An alias")).max(LIMITS.aliases, `At most ${LIMITS.aliases} aliases`).default([]);

/** An identifier elsewhere: a Wikidata QID, an ORCID, a profile URL, or a dataset's own record id (lib/domain/external-ids.ts). */
export const externalIdSchema = z.object({
  scheme: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{0,49}$/, "Use a scheme such as wikidata, orcid, url or a dataset's name (letters, digits, . _ -)"),
  value: text(LIMITS.title, "An identifier"),
});
const externalIds = z.array(externalIdSchema).max(10, "At most 10 identifiers").optional();

export const personRefSchema = z.object({ name: nameText("Name"), aliases, externalIds });
export const companyRefSchema = z.object({
  name: nameText("Company name"),
  aliases,
  kind: z.enum(COMPANY_KINDS).optional(),
  foundedAt: partialDateText.optional(),
  externalIds,
});
export const destinationSchema = companyRefSchema.extend({ relation: z.enum(DESTINATION_RELATIONS).default("joined") });

const WEB_ADDRESS_ERROR = "Enter a full web address starting with http:// or https://";
/** Storable first: the URL parser would quietly accept a NUL or a lone surrogate that the database then refuses. */
const webAddress = z
  .string({ error: WEB_ADDRESS_ERROR })
  .refine((s) => isStorable(s, "single-line"), { message: `A URL ${UNSTORABLE_MESSAGE}` })
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: WEB_ADDRESS_ERROR }).max(2000, "A URL is at most 2000 characters"));

const isoDay = z.iso.date({ error: "Use an ISO day: YYYY-MM-DD" });

/** The fields of a source as a submission describes it (without what it cites). */
const sourceFieldsSchema = z.object({
  title: text(LIMITS.title, "Title"),
  /** an English title beside the original-language one */
  titleEnglish: optionalText(LIMITS.title, "English title"),
  publisher: optionalText(LIMITS.name, "Publisher"),
  url: webAddress.optional(),
  archiveUrl: webAddress.optional(),
  accessedAt: isoDay.optional(),
  /** the full text; every excerpt of a claim on this source must then be an exact substring of it */
  text: verbatimText({ label: "A source text", max: LIMITS.text }).optional(),
  publishedAt: partialDateText.optional(),
  language: z
    .string()
    .trim()
    .min(1, "Language is required")
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "Use a language tag such as en, ja or zh-Hans"),
  kind: z.enum(SOURCE_KINDS, { error: `Choose the kind of source: ${SOURCE_KINDS.join(", ")}` }),
});
const recordedSourceSchema = z.object({
  id: recordId("Pick a recorded source"),
});

/**
 * A source that this one cites or republishes: a recorded source, a described one, or just its web
 * address ("https://…", or { url, title }). A source and those it cites count as one independent source.
 */
export const citedSourceSchema = z.union([
  recordedSourceSchema.strict(),
  sourceFieldsSchema,
  z.object({ url: webAddress, title: optionalText(LIMITS.title, "Title") }),
]);
const citesSchema = z
  .array(z.preprocess((v) => (typeof v === "string" ? { url: v } : v), citedSourceSchema))
  .max(LIMITS.cites, `At most ${LIMITS.cites} cited sources`)
  .optional();

export const newSourceSchema = sourceFieldsSchema.extend({ cites: citesSchema });
export const sourceRefSchema = z.union([recordedSourceSchema, newSourceSchema]);

/** One source asserting one event. The form, the server action, POST /api/claims and the CLI all parse with this. */
export const claimInputSchema = z.object({
  source: sourceRefSchema,
  excerpt: text(LIMITS.excerpt, "Excerpt"),
  translation: optionalText(LIMITS.excerpt, "Translation"),
  /** a second verbatim passage of the same source that supports the date (or company) */
  context: optionalText(LIMITS.excerpt, "Context excerpt"),
  contextTranslation: optionalText(LIMITS.excerpt, "Context translation"),
  person: personRefSchema,
  company: companyRefSchema,
  /** "fired" is accepted as shorthand for departed with manner fired (normalizeClaimKind) */
  kind: z.enum(INPUT_KINDS, { error: `Choose what happened: ${EVENT_KINDS.join(", ")}` }),
  /** how someone left: only for departures */
  manner: z.enum(MANNERS, { error: `Choose how they left: ${MANNERS.join(", ")}` }).optional(),
  role: optionalText(LIMITS.name, "Role"),
  roleCategory: z.enum(ROLE_CATEGORIES).optional(),
  team: optionalText(LIMITS.name, "Team"),
  date: partialDateText.optional(),
  /** how the date was read; defaults to "stated" when a date is given */
  dateBasis: z.enum(DATE_BASES, { error: `Choose how the date was read: ${DATE_BASES.join(", ")}` }).optional(),
  /** the words a relative date was read from ("this year", "今年"), resolved against the source's publication date */
  datePhrase: optionalText(LIMITS.name, "Date phrase"),
  destination: destinationSchema.optional(),
  reason: optionalText(LIMITS.note, "Reason"),
  reasonEvidence: z.enum(REASON_EVIDENCE).optional(),
  reportsTo: personRefSchema.optional(),
  note: optionalText(LIMITS.note, "Note"),
  /** topics the claim is filed under ("safety-concerns"); the event carries the tags of its active claims */
  tags: z.array(tagText).max(LIMITS.tags, `At most ${LIMITS.tags} tags`).optional(),
  /** the record's status in the dataset it was imported from, as the dataset says it */
  recordStatus: optionalText(LIMITS.name, "Record status"),
  /** attach to this event instead of matching one */
  eventId: recordId("Choose an event by its id").optional(),
  /** the submitter says this is a different event from any that match: never merge (ignored with eventId) */
  newEvent: z.boolean().optional(),
});

/**
 * What the form, its server action and POST /api/claims accept: a claim. Who submits it is the signed-in
 * account (lib/auth), never a typed name.
 */
export const claimSubmissionSchema = claimInputSchema;

/** Retracting or deprecating a claim: never a delete, always with a reason and an editor. */
export const claimStateChangeSchema = z.object({
  claimId: z.preprocess((v) => (typeof v === "string" ? formId(v) : v), recordId("No claim given")),
  state: z.enum(["retracted", "deprecated"], { error: "Choose retracted or deprecated" }),
  reason: text(LIMITS.note, "A reason"),
});

/**
 * Editing a claim's own words about the evidence: its English translation and the editor's note. The
 * excerpt, source and asserted facts are the evidence itself and never edited (retract and add a new
 * claim instead). An empty translation or note clears it.
 */
export const editClaimSchema = z.object({
  claimId: z.preprocess((v) => (typeof v === "string" ? formId(v) : v), recordId("No claim given")),
  translation: optionalText(LIMITS.excerpt, "Translation"),
  note: optionalText(LIMITS.note, "Note"),
  reason: optionalText(LIMITS.note, "Reason"),
});

export type ClaimInput = z.infer<typeof claimInputSchema>;
export type ClaimInputRaw = z.input<typeof claimInputSchema>;
export type ClaimSubmission = z.infer<typeof claimSubmissionSchema>;
export type ClaimStateChange = z.infer<typeof claimStateChangeSchema>;
export type EditClaim = z.infer<typeof editClaimSchema>;
export type NewSourceInput = z.infer<typeof newSourceSchema>;
export type CitedSourceInput = z.infer<typeof citedSourceSchema>;
export type CompanyRef = z.infer<typeof companyRefSchema>;
export type PersonRef = z.infer<typeof personRefSchema>;
