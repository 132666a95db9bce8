/**
 * Paste or upload an article. A plain form (works without JavaScript); what was typed and every error
 * come back through the draft after a refused submission.
 */
import { inputClass } from "@/components/ui/field";
import { readArticle } from "@/lib/actions/ingest-article";
import type { ActionState } from "@/lib/actions/action-state";
import { SOURCE_KIND_LABELS, SOURCE_KINDS } from "@/lib/domain/vocabulary";

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 text-sm text-red-700">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

function Line({ name, label, hint, draft, type = "text" }: { name: string; label: string; hint?: string; draft: ActionState | null; type?: string }) {
  const errors = draft?.fieldErrors[name];
  const id = `article-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-stone-600">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={draft?.values[name] ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
        className={`${inputClass} mt-1`}
      />
      <Errors id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function ArticleForm({ draft }: { draft: ActionState | null }) {
  const textErrors = draft?.fieldErrors.text;
  const langErrors = draft?.fieldErrors.language;
  return (
    <form action={readArticle} encType="multipart/form-data" noValidate className="space-y-4" aria-describedby="article-intro">
      <p id="article-intro" className="text-sm text-stone-700">
        The article is stored as a source with its full text; the next page shows the text with what it seems to say about who left or joined, each
        proposal quoting it word for word, for you to accept, correct or reject. Nothing is published until you accept it.
      </p>
      <div>
        <label htmlFor="article-text" className="block text-sm font-medium text-stone-800">
          Article text
        </label>
        <p id="article-text-hint" className="text-xs text-stone-600">
          Paste the text as published (Japanese, English or Chinese), or choose a file below.
        </p>
        <textarea
          id="article-text"
          name="text"
          rows={12}
          defaultValue={draft?.values.text ?? ""}
          aria-invalid={textErrors?.length ? true : undefined}
          aria-describedby={`article-text-hint${textErrors?.length ? " article-text-error" : ""}`}
          className={`${inputClass} mt-1 font-mono`}
        />
        <Errors id="article-text-error" errors={textErrors} />
      </div>
      <div>
        <label htmlFor="article-file" className="block text-sm font-medium text-stone-800">
          Or a file (.txt or .html)
        </label>
        <input id="article-file" name="file" type="file" accept=".txt,.text,.html,.htm,text/plain,text/html" className="mt-1 text-sm" />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Line name="title" label="Title (required)" hint="In the article's own language; an .html file's title is used when empty." draft={draft} />
        <Line name="publisher" label="Publisher" draft={draft} />
        <Line name="url" label="Web address" hint="https://…" draft={draft} type="url" />
        <Line
          name="publishedAt"
          label="Publication date"
          hint="2024-08-06, or 2024-08 when only the month is known; relative dates are read against it."
          draft={draft}
        />
        <div>
          <label htmlFor="article-language" className="block text-sm font-medium text-stone-800">
            Language
          </label>
          <select
            id="article-language"
            name="language"
            defaultValue={draft?.values.language ?? ""}
            aria-invalid={langErrors?.length ? true : undefined}
            aria-describedby={langErrors?.length ? "article-language-error" : undefined}
            className={`${inputClass} mt-1`}
          >
            <option value="">Detect from the text</option>
            <option value="ja">Japanese</option>
            <option value="en">English</option>
            <option value="zh">Chinese</option>
          </select>
          <Errors id="article-language-error" errors={langErrors} />
        </div>
        <div>
          <label htmlFor="article-kind" className="block text-sm font-medium text-stone-800">
            Kind of source
          </label>
          <select id="article-kind" name="kind" defaultValue={draft?.values.kind ?? "article"} className={`${inputClass} mt-1`}>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {SOURCE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white">
        Read the article
      </button>
    </form>
  );
}
