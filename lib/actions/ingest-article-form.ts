import "server-only";
/**
 * The forms of /ingest/article, read into the shared schemas: the article form into a new source (the
 * claim schema's source part, with the language detected when not chosen), a proposal's form into a
 * claim on that source. Only the fields a user typed are echoed back.
 */
import { z } from "zod";
import { detectLanguage } from "@/lib/extract/language";
import { htmlToText } from "@/lib/extract/html";
import { newSourceSchema } from "@/lib/validation/claim";
import { formId, recordId } from "@/lib/validation/ids";
import type { FormValues } from "./validated-action";

export const ARTICLE_FIELDS = ["text", "title", "publisher", "url", "publishedAt", "language", "kind"] as const;

const optional = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** An uploaded .txt or .html file replaces an empty text box (an .html page is reduced to its text). */
export async function withUploadedText(formData: FormData): Promise<FormData> {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return formData;
  const copy = new FormData();
  for (const [k, v] of formData) if (k !== "file") copy.append(k, v);
  const name = file.name.toLowerCase();
  if (!/\.(txt|text|html?|md)$/.test(name)) {
    copy.set("uploadError", `"${file.name}" is not a .txt or .html file`);
    return copy;
  }
  if (file.size > 2_000_000) {
    copy.set("uploadError", `"${file.name}" is larger than 2 MB`);
    return copy;
  }
  const raw = await file.text();
  const text = /\.html?$/.test(name) ? htmlToText(raw) : raw;
  if (!String(formData.get("text") ?? "").trim()) copy.set("text", text);
  if (!String(formData.get("title") ?? "").trim() && /\.html?$/.test(name)) {
    const title = raw.match(/<title[^>]*>([^<]{1,500})<\/title>/i)?.[1]?.trim();
    if (title) copy.set("title", title);
  }
  return copy;
}

export function readArticleForm(formData: FormData): { values: FormValues; raw: unknown; fieldErrors?: Record<string, string[]> } {
  const values: FormValues = {};
  for (const f of ARTICLE_FIELDS) {
    const v = formData.get(f);
    if (typeof v === "string") values[f] = v;
  }
  // a browser sends a text box's line breaks as CRLF: stored as LF, as pasted
  const text = (values.text ?? "").replace(/\r\n?/g, "\n");
  const language = optional(values.language) ?? (text.trim() ? detectLanguage(text) : undefined);
  const upload = formData.get("uploadError");
  return {
    values,
    raw: {
      title: values.title ?? "",
      publisher: optional(values.publisher),
      url: optional(values.url),
      publishedAt: optional(values.publishedAt),
      language: language ?? "",
      kind: optional(values.kind) ?? "article",
      text: text.trim() ? text : undefined,
    },
    fieldErrors:
      typeof upload === "string"
        ? { text: [upload] }
        : text.trim()
          ? undefined
          : { text: ["Paste the article's text, or choose a .txt or .html file"] },
  };
}

export const articleSourceSchema = newSourceSchema.omit({ cites: true });

export const PROPOSAL_FIELDS = [
  "sourceId",
  "fingerprint",
  "excerpt",
  "context",
  "person.name",
  "person.aliases",
  "company.name",
  "company.aliases",
  "kind",
  "manner",
  "role",
  "roleCategory",
  "date",
  "dateBasis",
  "datePhrase",
  "destination.name",
  "destination.relation",
] as const;

const list = (v: string | undefined) =>
  (v ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);

/** A proposal's form as a claim on the pasted source; the excerpt is checked against its text by the write path. */
export function readProposalForm(formData: FormData): { values: FormValues; raw: unknown } {
  const values: FormValues = {};
  for (const f of PROPOSAL_FIELDS) {
    const v = formData.get(f);
    if (typeof v === "string") values[f] = v;
  }
  const kind = optional(values.kind);
  return {
    values,
    raw: {
      source: { id: formId(values.sourceId) },
      excerpt: values.excerpt ?? "",
      context: optional(values.context),
      person: { name: values["person.name"] ?? "", aliases: list(values["person.aliases"]) },
      company: { name: values["company.name"] ?? "", aliases: list(values["company.aliases"]) },
      kind,
      manner: kind === "departed" ? optional(values.manner) : undefined,
      role: optional(values.role),
      roleCategory: optional(values.roleCategory),
      date: optional(values.date),
      dateBasis: optional(values.dateBasis),
      datePhrase: values.dateBasis === "relative_to_published" ? optional(values.datePhrase) : undefined,
      destination: optional(values["destination.name"])
        ? { name: values["destination.name"]!.trim(), aliases: [], relation: values["destination.relation"] === "founded" ? "founded" : "joined" }
        : undefined,
    },
  };
}

export const rejectProposalSchema = z.object({
  sourceId: recordId("No source given"),
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/, "Not a proposal's fingerprint"),
});

export function readRejectForm(formData: FormData): { values: FormValues; raw: unknown } {
  const sourceId = String(formData.get("sourceId") ?? "");
  const fingerprint = String(formData.get("fingerprint") ?? "");
  return { values: { sourceId, fingerprint }, raw: { sourceId: formId(sourceId), fingerprint } };
}
