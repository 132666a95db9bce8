/**
 * Where the claim comes from: a source already recorded, or a new one (its address, titles, publisher,
 * publication and access dates, archived copy, language, kind, full text and the sources it cites). Which half shows follows the checked radio through CSS, so
 * it works without JavaScript; the server reads only the chosen half.
 */
import { Fieldset, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SOURCE_KINDS, SOURCE_KIND_LABELS } from "@/lib/domain/vocabulary";
import type { FieldErrors } from "@/lib/validation/field-errors";
import type { FormValues } from "@/lib/validation/claim-form";

export interface SourceOption {
  id: number;
  title: string;
  publisher: string | null;
  publishedText: string | null;
  language: string;
}

const LANGUAGES = ["en", "ja", "zh-Hans", "zh-Hant", "ko", "fr", "de", "es"];

export function SourceFields({ sources, values, errors }: { sources: SourceOption[]; values: FormValues; errors: FieldErrors }) {
  const mode = values["source.mode"] || "new";
  const dv = (name: string) => ({ defaultValue: values[name] ?? "" });
  return (
    <Fieldset id="source-fieldset" legend="Source" errors={errors["source.mode"]} className="group/source space-y-3">
      <div role="radiogroup" aria-label="Which source" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <label className="inline-flex items-center gap-1.5">
          <input type="radio" id="source-mode-new" name="source.mode" value="new" defaultChecked={mode !== "recorded"} />A new source
        </label>
        <label className="inline-flex items-center gap-1.5">
          <input type="radio" id="source-mode-recorded" name="source.mode" value="recorded" defaultChecked={mode === "recorded"} />A source already
          recorded
        </label>
      </div>

      <div className="mt-3 group-has-[#source-mode-new:checked]/source:hidden">
        <SelectField
          name="source.id"
          label="Recorded source"
          errors={errors["source.id"]}
          placeholder="Choose a source…"
          options={sources.map((s) => ({
            value: String(s.id),
            label: [s.title, s.publisher, s.publishedText].filter(Boolean).join(" · "),
          }))}
          selectProps={dv("source.id")}
        />
      </div>

      <div className="mt-3 grid gap-3 sm:grid-cols-2 group-has-[#source-mode-recorded:checked]/source:hidden">
        <TextField
          name="source.url"
          label="Web address"
          hint="Starting with https:// (leave empty for a print or offline source)"
          errors={errors["source.url"]}
          className="sm:col-span-2"
          inputProps={{ type: "url", inputMode: "url", placeholder: "https://", ...dv("source.url") }}
        />
        <TextField
          name="source.title"
          label="Title, in the source's language"
          required
          errors={errors["source.title"]}
          className="sm:col-span-2"
          inputProps={dv("source.title")}
        />
        <TextField
          name="source.titleEnglish"
          label="English title"
          hint="Only when the original is in another language."
          errors={errors["source.titleEnglish"]}
          className="sm:col-span-2"
          inputProps={{ lang: "en", ...dv("source.titleEnglish") }}
        />
        <TextField name="source.publisher" label="Publisher" errors={errors["source.publisher"]} inputProps={dv("source.publisher")} />
        <TextField
          name="source.publishedAt"
          label="Published"
          hint="2024-09-25, 2024-09 or 2024"
          errors={errors["source.publishedAt"]}
          inputProps={{ placeholder: "e.g. 2024-09-25", ...dv("source.publishedAt") }}
        />
        <TextField
          name="source.archiveUrl"
          label="Archived copy"
          hint="A web archive address, e.g. https://web.archive.org/…"
          errors={errors["source.archiveUrl"]}
          inputProps={{ type: "url", inputMode: "url", placeholder: "https://", ...dv("source.archiveUrl") }}
        />
        <TextField
          name="source.accessedAt"
          label="Accessed"
          hint="The day you read it: 2024-09-25"
          errors={errors["source.accessedAt"]}
          inputProps={{ placeholder: "e.g. 2024-09-25", ...dv("source.accessedAt") }}
        />
        <TextField
          name="source.language"
          label="Language of the excerpt"
          hint="A language tag: en, ja, zh-Hans…"
          required
          errors={errors["source.language"]}
          inputProps={{ list: "source-languages", autoComplete: "off", ...dv("source.language") }}
        />
        <datalist id="source-languages">
          {LANGUAGES.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        <SelectField
          name="source.kind"
          label="Kind of source"
          required
          errors={errors["source.kind"]}
          options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k] }))}
          selectProps={{ defaultValue: values["source.kind"] || "article" }}
        />
        <TextAreaField
          name="source.text"
          label="Full text (optional)"
          hint="Paste the whole text as published. It is stored with a SHA-256 fingerprint, and every excerpt from this source must then appear in it exactly. A source without a web address is then its own archive."
          errors={errors["source.text"]}
          className="sm:col-span-2"
          textareaProps={{ rows: 6, ...dv("source.text") }}
        />
        <TextAreaField
          name="source.cites"
          label="Sources it cites or republishes (optional)"
          hint="One web address per line. A source and those it cites count as one independent source."
          errors={errors["source.cites"]}
          className="sm:col-span-2"
          textareaProps={{ rows: 2, inputMode: "url", ...dv("source.cites") }}
        />
      </div>
    </Fieldset>
  );
}
