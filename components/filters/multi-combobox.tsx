"use client";

/**
 * Pick several values from a list by typing: a WAI-ARIA 1.2 combobox (an input that filters a listbox)
 * with the picked values as removable chips. Typing filters the options; ↓/↑ move the active option
 * without picking it; Enter or a click adds it as a chip; Backspace in the empty input removes the last
 * chip; each chip's × removes it; Escape closes the list. Each picked value is a hidden input of the
 * field's name, so the form submits the same params as the plain list.
 *
 * Without JavaScript (and until the page is hydrated) it is that plain list: a `<select multiple>` with
 * the same name, so a GET form without scripts still filters. See docs/decisions/0065-filter-comboboxes.md.
 */
import { useId, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { describedBy, ErrorList, fieldId, Hint, inputClass } from "@/components/ui/field";

export interface ComboOption {
  value: string;
  label: string;
  /** a heading the option sits under in the plain list ("Companies") */
  group?: string;
}

interface Props {
  name: string;
  label: string;
  /** what the combobox says about itself; the plain list says how to pick several instead */
  hint?: string;
  errors?: string[];
  options: ComboOption[];
  selected: string[];
  onChange: (values: string[]) => void;
}

const subscribeNothing = () => () => {};
/** false while rendering on the server and hydrating, true after: the plain list is what scripts enhance */
const useEnhanced = () =>
  useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );

const CJK = /[\u3040-\u30ff\u4e00-\u9fff]/;
const langOf = (text: string) => (CJK.test(text) ? "ja" : undefined);
const fold = (s: string) => s.normalize("NFKC").toLocaleLowerCase();

/** The options not yet picked whose label or value contains the typed text (case and width folded). */
export function matchingOptions(options: ComboOption[], selected: string[], text: string): ComboOption[] {
  const q = fold(text.trim());
  return options.filter((o) => !selected.includes(o.value) && (!q || fold(o.label).includes(q) || fold(o.value).includes(q)));
}

export function MultiCombobox(props: Props) {
  return useEnhanced() ? <Combobox {...props} /> : <PlainList {...props} />;
}

/** The no-JavaScript list, and what the server renders. */
function PlainList({ name, label, errors, options, selected, onChange }: Props) {
  const id = fieldId(name);
  const groups: { group?: string; options: ComboOption[] }[] = [];
  for (const o of options) {
    const last = groups.at(-1);
    if (last && last.group === o.group) last.options.push(o);
    else groups.push({ group: o.group, options: [o] });
  }
  // the combobox's hint is about typing; the plain list's is about picking several
  const hintText = "Ctrl/⌘-click to pick several";
  const item = (o: ComboOption) => (
    <option key={o.value} value={o.value} lang={langOf(o.label)}>
      {o.label}
    </option>
  );
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <Hint id={`${id}-hint`}>{hintText}</Hint>
      <select
        id={id}
        name={name}
        multiple
        size={Math.min(6, Math.max(3, options.length))}
        className={`mt-1 ${inputClass}`}
        value={selected}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hintText, errors)}
        onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
      >
        {groups.map((g, i) =>
          g.group ? (
            <optgroup key={`${g.group}-${i}`} label={g.group}>
              {g.options.map(item)}
            </optgroup>
          ) : (
            g.options.map(item)
          ),
        )}
      </select>
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

function Combobox({ name, label, hint, errors, options, selected, onChange }: Props) {
  const id = fieldId(name);
  const listId = `${id}-listbox`;
  const statusId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");

  const labels = useMemo(() => new Map(options.map((o) => [o.value, o.label])), [options]);
  const labelOf = (v: string) => labels.get(v) ?? v;
  const matches = matchingOptions(options, selected, text);
  const activeOption = open && active >= 0 && active < matches.length ? matches[active] : null;

  function add(o: ComboOption) {
    onChange([...selected, o.value]);
    setText("");
    setActive(-1);
    setAnnouncement(`${o.label} added`);
    inputRef.current?.focus();
  }

  function remove(value: string, refocus = true) {
    onChange(selected.filter((v) => v !== value));
    setAnnouncement(`${labelOf(value)} removed`);
    if (refocus) inputRef.current?.focus();
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(matches.length ? (e.key === "ArrowDown" ? 0 : matches.length - 1) : -1);
        return;
      }
      if (!matches.length) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a < 0 ? (step > 0 ? 0 : matches.length - 1) : (a + step + matches.length) % matches.length));
    } else if (e.key === "Enter") {
      // Enter picks the active option; with none active it is not a submit of half-typed text either
      if (activeOption) {
        e.preventDefault();
        add(activeOption);
      } else if (text.trim()) {
        e.preventDefault();
        if (matches.length === 1) add(matches[0]);
        else setOpen(true);
      }
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        e.preventDefault();
        setText("");
      }
    } else if (e.key === "Backspace" && text === "" && selected.length > 0) {
      e.preventDefault();
      remove(selected[selected.length - 1]);
    }
  }

  const optionId = (i: number) => `${id}-option-${i}`;
  const status = open
    ? matches.length === 0
      ? "No matching options"
      : `${matches.length} ${matches.length === 1 ? "option" : "options"}; use the arrow keys to choose and Enter to add`
    : announcement;

  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      {selected.map((v) => (
        <input key={v} type="hidden" name={name} value={v} />
      ))}
      {selected.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-1" aria-label={`${label}: picked`} data-testid={`picked-${name}`}>
          {selected.map((v) => (
            <li
              key={v}
              className="inline-flex items-center gap-1 rounded-full bg-sky-50 py-0.5 pl-2 pr-1 text-sm text-sky-900 ring-1 ring-sky-300 ring-inset"
            >
              <span lang={langOf(labelOf(v))}>{labelOf(v)}</span>
              <button
                type="button"
                className="rounded-full px-1 text-sky-700 hover:bg-sky-100 focus-visible:outline-2 focus-visible:outline-sky-700"
                aria-label={`Remove ${labelOf(v)}`}
                onClick={() => remove(v)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption ? optionId(active) : undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors, statusId)}
        placeholder={selected.length ? "Add another…" : "Type to filter…"}
        className={`mt-1 ${inputClass} placeholder:text-stone-500 placeholder:italic`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onClick={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
      />
      <p id={statusId} aria-live="polite" className="sr-only">
        {status}
      </p>
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!open || matches.length === 0}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded border border-stone-300 bg-white text-sm shadow-lg"
      >
        {matches.map((o, i) => (
          <li
            key={o.value}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            ref={i === active ? (el) => el?.scrollIntoView({ block: "nearest" }) : undefined}
            lang={langOf(o.label)}
            className={`cursor-pointer px-2 py-1.5 ${i === active ? "bg-sky-100" : "hover:bg-stone-100"}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => add(o)}
          >
            {o.label}
          </li>
        ))}
      </ul>
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}
