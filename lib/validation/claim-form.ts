/**
 * The claim form as flat fields, mapped onto the nested claim schema. Field names are the schema's
 * dotted paths ("person.name", "source.url"), so an error from the schema lands next to the field with
 * the same name. Only the parts a form needs that JSON does not are handled here: the date typed as
 * parts with a chosen precision, radio choices for the destination and the source, one spelling per line,
 * and ids: a form sends strings, so digits (and only digits) become the numbers the schema requires.
 * How the date was read is a choice of three (the text states it, a phrase relative to the publication,
 * or only "on or before the publication"); a source's citations are one web address per line.
 */
import type { FieldErrors } from "./field-errors";
import { buildDateText, type FormValues } from "./form-date";
import { formId } from "./ids";

export { buildDateText, DATE_PRECISION_CHOICES, type DatePrecisionChoice, type FormValues } from "./form-date";

/** Every field the claim form submits; anything else in the request is ignored. */
export const CLAIM_FORM_FIELDS = [
  "person.name",
  "person.aliases",
  "personNew",
  "company.name",
  "kind",
  "manner",
  "role",
  "roleCategory",
  "date.precision",
  "date.year",
  "date.quarter",
  "date.month",
  "date.day",
  "date.from",
  "date.to",
  "dateBasis",
  "datePhrase",
  "destination.relation",
  "destination.name",
  "source.mode",
  "source.id",
  "source.url",
  "source.title",
  "source.titleEnglish",
  "source.publisher",
  "source.publishedAt",
  "source.accessedAt",
  "source.archiveUrl",
  "source.language",
  "source.kind",
  "source.text",
  "source.cites",
  "excerpt",
  "translation",
  "context",
  "contextTranslation",
  "event.choice",
] as const;
export type ClaimFormField = (typeof CLAIM_FORM_FIELDS)[number];

/** Inputs on the page that show a schema error whose path is not itself a form field. */
const ERROR_FIELD: Record<string, ClaimFormField> = {
  person: "person.name",
  company: "company.name",
  destination: "destination.name",
  source: "source.mode",
  eventId: "event.choice",
  newEvent: "event.choice",
  date: "date.precision",
};

const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v);
const lines = (v: string | undefined) =>
  (v ?? "")
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Keep only the claim form's own fields, as strings (files and framework fields are dropped). */
export function claimFormValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const name of CLAIM_FORM_FIELDS) {
    const v = formData.get(name);
    if (typeof v === "string") values[name] = v;
  }
  return values;
}

/** The nested payload the claim schema parses, plus errors only the form can have (an incomplete date). */
export function claimFormToInput(values: FormValues): { raw: Record<string, unknown>; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const date = buildDateText(values);
  if (date.error) fieldErrors["date.precision"] = [date.error];

  const relation = values["destination.relation"] || "unknown";
  const destination = relation === "joined" || relation === "founded" ? { name: values["destination.name"] ?? "", relation } : undefined;

  const cites = lines(values["source.cites"]);
  const source =
    values["source.mode"] === "recorded"
      ? { id: formId(values["source.id"]) ?? "" }
      : {
          url: blankToUndefined(values["source.url"]),
          title: values["source.title"] ?? "",
          titleEnglish: blankToUndefined(values["source.titleEnglish"]),
          publisher: blankToUndefined(values["source.publisher"]),
          publishedAt: blankToUndefined(values["source.publishedAt"]),
          accessedAt: blankToUndefined(values["source.accessedAt"]),
          archiveUrl: blankToUndefined(values["source.archiveUrl"]),
          language: values["source.language"] ?? "",
          kind: values["source.kind"] ?? "",
          // pasted text is kept as pasted: excerpts must match it exactly
          text: blankToUndefined(values["source.text"]),
          cites: cites.length ? cites : undefined,
        };
  // "stated" sends no basis: the schema's default, so a claim without a date has none
  const basis = values.dateBasis || "stated";

  const choice = values["event.choice"] ?? "";
  const raw: Record<string, unknown> = {
    person: { name: values["person.name"] ?? "", aliases: lines(values["person.aliases"]) },
    company: { name: values["company.name"] ?? "", aliases: [] },
    kind: values.kind ?? "",
    manner: blankToUndefined(values.manner),
    role: blankToUndefined(values.role),
    roleCategory: blankToUndefined(values.roleCategory),
    date: date.text,
    dateBasis: basis === "stated" ? undefined : basis,
    datePhrase: basis === "relative_to_published" ? blankToUndefined(values.datePhrase) : undefined,
    destination,
    source,
    excerpt: values.excerpt ?? "",
    translation: blankToUndefined(values.translation),
    context: blankToUndefined(values.context),
    contextTranslation: blankToUndefined(values.contextTranslation),
    eventId: /^\d+$/.test(choice) ? formId(choice) : undefined,
    newEvent: choice === "new" ? true : undefined,
  };
  return { raw, fieldErrors };
}

/** Put each schema error on the form field that shows it ("person.aliases.2" → "person.aliases"); unknown paths go to the form. */
export function claimFormErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  const fields = new Set<string>(CLAIM_FORM_FIELDS);
  for (const [path, messages] of Object.entries(errors)) {
    // "person.aliases.2" → "person.aliases"; "source.cites.1.url" → "source.cites"
    const trimmed = path.startsWith("source.cites.") ? "source.cites" : path.replace(/(\.\d+)+$/, "");
    const key = fields.has(trimmed) ? trimmed : (ERROR_FIELD[trimmed] ?? ERROR_FIELD[trimmed.split(".")[0]] ?? "_form");
    (out[key] ??= []).push(...messages.filter((m) => !out[key]?.includes(m)));
  }
  return out;
}
