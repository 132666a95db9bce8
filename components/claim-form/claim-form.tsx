"use client";

/**
 * The "Add an event" form. A plain <form action> that works without JavaScript; with it, submissions
 * keep every typed value, show pending state and inline errors, names are suggested across scripts and
 * matching events are offered while typing. The server action validates with the shared claim schema.
 */
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { unstable_rethrow } from "next/navigation";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { createClaim, type CreateClaimExtra } from "@/lib/actions/create-claim";
import type { ActionState } from "@/lib/actions/action-state";
import { EVENT_KINDS, EVENT_KIND_LABELS, MANNERS, MANNER_LABELS, ROLE_CATEGORIES, ROLE_CATEGORY_LABELS } from "@/lib/domain/vocabulary";
import { DateBasisFields } from "./date-basis-fields";
import { DateFields } from "./date-fields";
import { DestinationFields } from "./destination-fields";
import { ErrorSummary } from "./error-summary";
import { EventChoice } from "./event-choice";
import { NameCombobox, type Suggestion } from "./name-combobox";
import { SourceFields, type SourceOption } from "./source-fields";
import { useEventCandidates } from "./use-event-candidates";

const LABELS: Record<string, string> = {
  "person.name": "Person",
  "person.aliases": "Other spellings",
  "company.name": "Company left",
  kind: "What happened",
  manner: "How they left",
  role: "Role or title",
  roleCategory: "Role category",
  "date.precision": "When",
  dateBasis: "How the date was read",
  datePhrase: "Date phrase",
  "destination.relation": "Went to",
  "destination.name": "Destination company",
  "source.mode": "Source",
  "source.id": "Recorded source",
  "source.url": "Web address",
  "source.title": "Source title",
  "source.titleEnglish": "English title",
  "source.publisher": "Publisher",
  "source.publishedAt": "Published",
  "source.accessedAt": "Accessed",
  "source.archiveUrl": "Archived copy",
  "source.text": "Full text",
  "source.cites": "Sources it cites",
  "source.language": "Language",
  "source.kind": "Kind of source",
  excerpt: "Excerpt",
  translation: "Translation",
  context: "Context excerpt",
  contextTranslation: "Context translation",
  "event.choice": "Existing event",
};

const EMPTY: ActionState<CreateClaimExtra> = { ok: false, message: "", fieldErrors: {}, values: {} };

/** The plain HTML form posts here when JavaScript is off (the action answers with a redirect). */
const createClaimWithoutScript = createClaim.bind(null, EMPTY) as unknown as (formData: FormData) => Promise<void>;

/** With JavaScript: a dropped connection or a refused request leaves the form as typed, with a message. */
async function sendClaim(previous: ActionState<CreateClaimExtra>, formData: FormData): Promise<ActionState<CreateClaimExtra>> {
  try {
    return await createClaim(previous, formData);
  } catch (error) {
    unstable_rethrow(error); // the redirect to the event page
    return {
      ...previous,
      ok: false,
      message: "The claim could not be sent, so nothing was saved. What you typed is still here: check your connection and try again.",
      fieldErrors: {},
    };
  }
}

/** initialState: prefilled values, or the result of a submission made without JavaScript (see lib/actions/form-drafts.ts). */
export function ClaimForm({ sources, initialState }: { sources: SourceOption[]; initialState: ActionState<CreateClaimExtra> }) {
  const [state, formAction, pending] = useActionState<ActionState<CreateClaimExtra>, FormData>(sendClaim, initialState);
  const v = state.values;
  const errors = state.fieldErrors;
  const [personName, setPersonName] = useState(v["person.name"] ?? "");
  const [companyName, setCompanyName] = useState(v["company.name"] ?? "");
  const [personMatches, setPersonMatches] = useState<Suggestion[]>([]);
  const { candidates: liveCandidates, onFormChange } = useEventCandidates(personName, companyName);
  const formRef = useRef<HTMLFormElement>(null);
  // Prefilled kind and date count from the start, not only after the first edit.
  useEffect(() => {
    if (formRef.current) onFormChange(formRef.current);
  }, [onFormChange]);
  const candidates = liveCandidates?.length ? liveCandidates : (state.extra?.candidates ?? []);

  // Submit through the action ourselves so React does not reset the form: every typed value stays.
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  }

  const exact = personMatches.some((p) => p.name.toLowerCase() === personName.trim().toLowerCase());
  const askNewPerson = (personMatches.length > 0 && !exact) || !!state.extra?.people?.length || v.personNew === "on";

  return (
    <form
      ref={formRef}
      action={createClaimWithoutScript}
      onSubmit={onSubmit}
      onChange={(e) => onFormChange(e.currentTarget)}
      noValidate
      aria-describedby="form-intro"
      className="space-y-5"
    >
      <p id="form-intro" className="text-sm text-stone-700">
        One source, one excerpt, one event. Fields marked required must be filled; everything else only if the source says it. What you add is
        recorded under your account.
      </p>
      <ErrorSummary message={state.message} errors={errors} labels={LABELS} focusKey={state} />

      <section aria-labelledby="who-heading" className="grid gap-3 sm:grid-cols-2">
        <h2 id="who-heading" className="text-base font-semibold sm:col-span-2">
          Who, and which organization
        </h2>
        <div>
          <PersonPicks people={state.extra?.people ?? []} />
          <NameCombobox
            name="person.name"
            label="Person"
            type="person"
            required
            hint="Type a name in any script; recorded people are suggested."
            value={personName}
            onValueChange={setPersonName}
            onSuggestions={setPersonMatches}
            errors={errors["person.name"]}
          />
          {askNewPerson && (
            <label className="mt-1 flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="personNew" defaultChecked={v.personNew === "on"} />
              This is a new person, not one of the people suggested
            </label>
          )}
        </div>
        <NameCombobox
          name="company.name"
          label="Company left (or joined)"
          type="company"
          required
          value={companyName}
          onValueChange={setCompanyName}
          errors={errors["company.name"]}
        />
        <TextAreaField
          name="person.aliases"
          label="Other spellings of the person in this source"
          hint="One per line, in any script, e.g. ミーラ・ムラティ"
          errors={errors["person.aliases"]}
          textareaProps={{ rows: 2, defaultValue: v["person.aliases"] ?? "" }}
        />
      </section>

      <section aria-labelledby="what-heading" className="grid gap-3 sm:grid-cols-2">
        <h2 id="what-heading" className="text-base font-semibold sm:col-span-2">
          The event
        </h2>
        <SelectField
          name="kind"
          label="What happened"
          required
          placeholder="Choose…"
          errors={errors.kind}
          options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))}
          selectProps={{ defaultValue: v.kind ?? "" }}
        />
        <SelectField
          name="manner"
          label="How they left (only for departures)"
          hint="As the source tells it; another source may say otherwise, and both are kept."
          placeholder="Not stated"
          errors={errors.manner}
          options={MANNERS.map((m) => ({ value: m, label: MANNER_LABELS[m] }))}
          selectProps={{ defaultValue: v.manner ?? "" }}
        />
        <TextField
          name="role"
          label="Role or title"
          hint="As the source gives it, e.g. CTO"
          errors={errors.role}
          inputProps={{ defaultValue: v.role ?? "" }}
        />
        <SelectField
          name="roleCategory"
          label="Role category"
          placeholder="Not given"
          errors={errors.roleCategory}
          options={ROLE_CATEGORIES.map((c) => ({ value: c, label: ROLE_CATEGORY_LABELS[c] }))}
          selectProps={{ defaultValue: v.roleCategory ?? "" }}
        />
      </section>

      <DateFields values={v} errors={errors["date.precision"]} />
      <DateBasisFields values={v} errors={errors} />
      <DestinationFields values={v} errors={errors} />
      <SourceFields sources={sources} values={v} errors={errors} />

      <section aria-labelledby="evidence-heading" className="space-y-3">
        <h2 id="evidence-heading" className="text-base font-semibold">
          Evidence
        </h2>
        <TextAreaField
          name="excerpt"
          label="Excerpt, verbatim"
          required
          hint="Copy the sentence that says it, in the source's own language. When the source's full text is given, the excerpt must appear in it exactly. At most 5000 characters."
          errors={errors.excerpt}
          textareaProps={{ rows: 4, defaultValue: v.excerpt ?? "" }}
        />
        <TextAreaField
          name="translation"
          label="English translation"
          hint="Only if the excerpt is not in English."
          errors={errors.translation}
          textareaProps={{ rows: 2, defaultValue: v.translation ?? "", lang: "en" }}
        />
        <TextAreaField
          name="context"
          label="Context excerpt, verbatim (optional)"
          hint="A second passage of the same source that supports the date, e.g. the sentence saying a list is of this year's departures."
          errors={errors.context}
          textareaProps={{ rows: 2, defaultValue: v.context ?? "" }}
        />
        <TextAreaField
          name="contextTranslation"
          label="Translation of the context excerpt"
          errors={errors.contextTranslation}
          textareaProps={{ rows: 2, defaultValue: v.contextTranslation ?? "", lang: "en" }}
        />
      </section>

      <EventChoice candidates={candidates} chosen={v["event.choice"] ?? ""} errors={errors["event.choice"]} />

      <div className="flex items-center gap-3">
        <button
          type="submit"
          aria-disabled={pending}
          className="rounded bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 aria-disabled:cursor-wait aria-disabled:opacity-60"
        >
          {pending ? "Saving…" : "Add the claim"}
        </button>
        <p role="status" className="text-sm text-stone-600">
          {pending ? "Saving your claim…" : ""}
        </p>
      </div>
    </form>
  );
}

/**
 * The recorded people a new name resembles, each a submit button that sends the form with that person
 * (works without JavaScript: the button's value comes before the typed name in the form data, so it wins).
 */
function PersonPicks({ people }: { people: { id: number; name: string; slug: string; matched: string | null }[] }) {
  if (people.length === 0) return null;
  return (
    <div role="group" aria-labelledby="person-picks-label" className="mb-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
      <p id="person-picks-label">The name resembles people on record. Submit with one of them:</p>
      <ul className="mt-1 space-y-1">
        {people.map((p) => (
          <li key={p.id} className="flex flex-wrap items-baseline gap-x-2">
            <button
              type="submit"
              name="person.name"
              value={p.name}
              className="rounded border border-stone-400 bg-white px-2 py-0.5 font-medium hover:bg-stone-50"
            >
              Use {p.name}
            </button>
            {p.matched && p.matched !== p.name && (
              <span className="text-stone-700">
                recorded as <span lang={/[\u3040-\u30ff\u3400-\u9fff]/.test(p.matched) ? "ja" : undefined}>{p.matched}</span>
              </span>
            )}
            <a href={`/people/${p.slug}`} target="_blank" rel="noopener" className="text-sky-800 underline">
              who is {p.name}?<span className="sr-only"> (opens in a new tab)</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
