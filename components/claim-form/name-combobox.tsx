"use client";

/**
 * A text input that suggests recorded people or companies while typing, matching any alias in any
 * script (ARIA 1.2 combobox with a listbox: arrows move, Enter picks, Escape closes). Without
 * JavaScript it is a plain text input and the server checks the name instead.
 */
import { useEffect, useId, useRef, useState } from "react";
import { describedBy, ErrorList, fieldId, Hint, inputClass } from "@/components/ui/field";

export interface Suggestion {
  id: number;
  name: string;
  slug: string;
  matched: string | null;
  aliases: string[];
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const langOf = (text: string) => (/[\u3040-\u30ff]/.test(text) ? "ja" : /[\uac00-\ud7af]/.test(text) ? "ko" : CJK.test(text) ? "zh" : undefined);

export function NameCombobox({
  name,
  label,
  type,
  value,
  onValueChange,
  onSuggestions,
  hint,
  errors,
  required,
}: {
  name: string;
  label: string;
  type: "person" | "company";
  value: string;
  onValueChange: (value: string) => void;
  onSuggestions?: (suggestions: Suggestion[]) => void;
  hint?: string;
  errors?: string[];
  required?: boolean;
}) {
  const id = fieldId(name);
  const listId = `${id}-listbox`;
  const statusId = useId();
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [query, setQuery] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const reportRef = useRef(onSuggestions);
  useEffect(() => {
    reportRef.current = onSuggestions;
  });

  // Fetch only after typing (not for the initial or a picked value), a moment after the last key.
  useEffect(() => {
    if (query === null) return;
    const q = query.trim();
    const controller = new AbortController();
    if (!q) {
      // cleared: no suggestions (after this render, like an answer)
      const clear = setTimeout(() => {
        setItems([]);
        reportRef.current?.([]);
      }, 0);
      return () => clearTimeout(clear);
    }
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/suggest?type=${type}&q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!res.ok) return;
        const { suggestions } = (await res.json()) as { suggestions: Suggestion[] };
        setItems(suggestions);
        setActive(-1);
        // An answer arriving after the editor moved on is kept for later, not popped open over another field.
        setOpen(suggestions.length > 0 && document.activeElement === inputRef.current);
        reportRef.current?.(suggestions);
      } catch {
        // aborted or offline: the server still checks the name on submit
      }
    }, 180);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, type]);

  function pick(s: Suggestion) {
    setQuery(null); // cancels a lookup still in flight, which would reopen the list
    onValueChange(s.name);
    setOpen(false);
    setActive(-1);
    reportRef.current?.([s]);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (items.length === 0) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a + step + items.length) % items.length);
    } else if (e.key === "Enter" && open && active >= 0) {
      e.preventDefault(); // pick the suggestion, do not submit the form
      pick(items[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  }

  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
        {required && <span className="font-normal text-stone-500"> (required)</span>}
      </label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <input
        ref={inputRef}
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors, statusId)}
        className={`mt-1 ${inputClass}`}
        value={value}
        onChange={(e) => {
          onValueChange(e.target.value);
          setQuery(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => items.length > 0 && query !== null && setOpen(true)}
      />
      <p id={statusId} aria-live="polite" className="sr-only">
        {open ? `${items.length} ${items.length === 1 ? "suggestion" : "suggestions"}; use the arrow keys to choose` : ""}
      </p>
      <ul
        id={listId}
        role="listbox"
        aria-label={`Recorded ${type === "person" ? "people" : "companies"}`}
        hidden={!open}
        className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded border border-stone-300 bg-white text-sm shadow-lg"
      >
        {items.map((s, i) => (
          <li
            key={s.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={`cursor-pointer px-2 py-1.5 ${i === active ? "bg-sky-100" : "hover:bg-stone-100"}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(s)}
          >
            <span className="font-medium">{s.name}</span>
            {s.matched && (
              <span className="text-stone-600">
                {" "}
                · written <span lang={langOf(s.matched)}>{s.matched}</span>
              </span>
            )}
            {!s.matched && s.aliases.length > 0 && (
              <span className="text-stone-600">
                {" "}
                · also <span lang={langOf(s.aliases[0])}>{s.aliases[0]}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}
