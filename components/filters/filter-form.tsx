"use client";

/**
 * The filter form. Without JavaScript it is a plain GET form: submitting puts every filter in the URL.
 * With JavaScript it updates the URL as you change it (checkboxes and lists at once, text after a pause),
 * pushing history entries so back/forward step through filter states, and it re-reads the URL when the
 * page navigates by other means (a chip, back/forward).
 */
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { SearchBox } from "@/components/search/search-box";
import { Field, Fieldset, inputClass } from "@/components/ui/field";
import { EVENT_KINDS, EVENT_STATUSES, ROLE_CATEGORIES } from "@/lib/domain/vocabulary";
import type { QueryFieldErrors } from "@/lib/validation/event-filters";
import { DESTINATION_FOUNDED, DESTINATION_UNKNOWN } from "@/lib/validation/filter-constants";
import { filterQuery, type FilterValues } from "./filter-query";
import { MultiCombobox, type ComboOption } from "./multi-combobox";
import { DESTINATION_TOKEN_LABELS, kindLabel, roleLabel, STATUS_LABELS } from "./labels";

export type FilterField = keyof FilterValues;

interface Props {
  /** what the URL the server rendered says */
  values: FilterValues;
  /** filterQuery(values, keep), computed by the server: which URL `values` belong to */
  urlKey: string;
  errors: QueryFieldErrors;
  companies: { slug: string; name: string }[];
  destinations: { slug: string; name: string }[];
  /** params kept as they are when filters change (view, sort, page size); the cursor is always dropped */
  keep: Record<string, string>;
  action?: string;
  /** the fields to offer (a company page hides "company") */
  fields?: FilterField[];
}

const ALL_FIELDS: FilterField[] = ["q", "company", "role", "title", "destination", "kind", "from", "to", "status"];
const TEXT_FIELDS = new Set<FilterField>(["q", "title", "from", "to"]);
/** "Founded their own" and "no destination" first, then the companies people went to. */
const destinationOptions = (destinations: { slug: string; name: string }[]): ComboOption[] => [
  { value: DESTINATION_FOUNDED, label: DESTINATION_TOKEN_LABELS[DESTINATION_FOUNDED] },
  { value: DESTINATION_UNKNOWN, label: DESTINATION_TOKEN_LABELS[DESTINATION_UNKNOWN] },
  ...destinations.map((o) => ({ value: o.slug, label: o.name, group: "Companies" })),
];
const COMPLETE_BOUND = /^\d{4}(-(Q[1-4]|\d{2}(-\d{2})?))?$/;

export function FilterForm({ values, urlKey, errors, companies, destinations, keep, action = "/", fields = ALL_FIELDS }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState(values);
  const [pushed, setPushed] = useState<string | null>(null);
  const [seenKey, setSeenKey] = useState(urlKey);
  const typing = useRef<{ field: FilterField; timer: ReturnType<typeof setTimeout> } | null>(null);
  const burstField = useRef<FilterField | null>(null);

  // The server rendered another URL. If this form pushed it, keep what is in the fields (typing may have
  // gone on meanwhile); if it came from elsewhere (a chip, back/forward), show what that URL says.
  if (urlKey !== seenKey) {
    setSeenKey(urlKey);
    if (urlKey !== pushed) {
      setState(values);
      setPushed(null);
    }
  }

  useEffect(() => () => clearTimeout(typing.current?.timer), []);

  function navigate(next: FilterValues, mode: "push" | "replace") {
    const qs = filterQuery(next, keep);
    if (qs === (pushed ?? urlKey)) return;
    setPushed(qs);
    const href = qs ? `${action}?${qs}` : action;
    startTransition(() => (mode === "push" ? router.push(href, { scroll: false }) : router.replace(href, { scroll: false })));
  }

  function change(field: FilterField, value: string | string[]) {
    const next = { ...state, [field]: value };
    setState(next);
    clearTimeout(typing.current?.timer);
    if (!TEXT_FIELDS.has(field)) {
      burstField.current = null;
      navigate(next, "push");
      return;
    }
    const text = String(value).trim();
    if ((field === "from" || field === "to") && text && !COMPLETE_BOUND.test(text)) return; // wait until it can be a date
    typing.current = {
      field,
      timer: setTimeout(() => {
        // one history entry per typing burst in a field, not one per pause
        navigate(next, burstField.current === field ? "replace" : "push");
        burstField.current = field;
      }, 400),
    };
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    clearTimeout(typing.current?.timer);
    burstField.current = null;
    navigate(state, "push");
  }

  const toggle = (field: "role" | "kind" | "status", value: string, on: boolean) =>
    change(field, on ? [...state[field], value] : state[field].filter((v) => v !== value));
  const show = (f: FilterField) => fields.includes(f);

  return (
    <form method="get" action={action} onSubmit={submit} aria-label="Filter events" className="space-y-4" data-testid="filter-form">
      {Object.entries(keep).map(([k, v]) => v && <input key={k} type="hidden" name={k} value={v} />)}

      {show("q") && (
        <Field name="q" label="Search people and companies" hint="Any spelling in any script: ムラティ, murati, Murati" errors={errors.q}>
          {(c) => <SearchBox {...c} className={inputClass} value={state.q} onChange={(v) => change("q", v)} />}
        </Field>
      )}

      {show("company") && (
        <MultiCombobox
          name="company"
          label="Company left"
          hint="Type a name, pick with ↓ and Enter"
          errors={errors.company}
          options={companies.map((o) => ({ value: o.slug, label: o.name }))}
          selected={state.company}
          onChange={(v) => change("company", v)}
        />
      )}

      {show("role") && (
        <Fieldset
          id="f-role"
          legend="Role category"
          hint="The category a source gives, or one the title names: a Researcher on the safety team is under Research and Safety & policy."
          errors={errors.role}
        >
          <div className="grid grid-cols-2 gap-x-2 gap-y-1 text-sm">
            {ROLE_CATEGORIES.map((r) => (
              <label key={r} className="flex items-center gap-1.5">
                <input type="checkbox" name="role" value={r} checked={state.role.includes(r)} onChange={(e) => toggle("role", r, e.target.checked)} />
                {roleLabel(r)}
              </label>
            ))}
          </div>
        </Fieldset>
      )}

      {show("title") && (
        <Field name="title" label="Role or title contains" hint="For example CTO, research, safety" errors={errors.title}>
          {(c) => <input {...c} type="text" className={inputClass} value={state.title} onChange={(e) => change("title", e.target.value)} />}
        </Field>
      )}

      {show("destination") && (
        <MultiCombobox
          name="destination"
          label="Where they went"
          hint="Type a name, pick with ↓ and Enter"
          errors={errors.destination}
          options={destinationOptions(destinations)}
          selected={state.destination}
          onChange={(v) => change("destination", v)}
        />
      )}

      {show("kind") && (
        <Fieldset id="f-kind" legend="What happened" errors={errors.kind}>
          <div className="grid grid-cols-2 gap-x-2 gap-y-1 text-sm">
            {EVENT_KINDS.map((k) => (
              <label key={k} className="flex items-center gap-1.5">
                <input type="checkbox" name="kind" value={k} checked={state.kind.includes(k)} onChange={(e) => toggle("kind", k, e.target.checked)} />
                {kindLabel(k)}
              </label>
            ))}
          </div>
        </Fieldset>
      )}

      {show("from") && (
        <Fieldset
          id="f-dates"
          legend="Date range"
          hint="A year, quarter, month or day: 2024, 2024-Q3, 2024-05, 2024-05-17. An event is included when its whole date lies inside: May 2024 is inside 2024; a date known only as 2024 is not inside May 2024."
        >
          <div className="grid grid-cols-2 gap-2">
            <Field name="from" label="From" errors={errors.from} describedByExtra="f-dates-hint">
              {(c) => (
                <input
                  {...c}
                  type="text"
                  inputMode="numeric"
                  placeholder="2020"
                  className={inputClass}
                  value={state.from}
                  onChange={(e) => change("from", e.target.value)}
                />
              )}
            </Field>
            <Field name="to" label="To" errors={errors.to} describedByExtra="f-dates-hint">
              {(c) => (
                <input
                  {...c}
                  type="text"
                  inputMode="numeric"
                  placeholder="2024-09"
                  className={inputClass}
                  value={state.to}
                  onChange={(e) => change("to", e.target.value)}
                />
              )}
            </Field>
          </div>
        </Fieldset>
      )}

      {show("status") && (
        <Fieldset id="f-status" legend="Status" hint="None ticked shows all but retracted events." errors={errors.status}>
          <div className="space-y-1 text-sm">
            {EVENT_STATUSES.map((s) => (
              <label key={s} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  name="status"
                  value={s}
                  checked={state.status.includes(s)}
                  onChange={(e) => toggle("status", s, e.target.checked)}
                />
                {STATUS_LABELS[s]}
              </label>
            ))}
          </div>
        </Fieldset>
      )}

      <div className="flex items-center gap-3">
        <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700">
          Apply filters
        </button>
        <span role="status" aria-live="polite" className="text-sm text-stone-600">
          {pending ? "Updating results…" : ""}
        </span>
      </div>
    </form>
  );
}
