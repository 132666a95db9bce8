"use client";

/**
 * The main search box: a text input that, with JavaScript, suggests people and companies as you type
 * (GET /api/search, forgiving typos, word order and kana variants) in the ARIA 1.2 combobox pattern:
 * ↓/↑ move through the suggestions, Enter picks one, Escape closes the list; a pick puts the name in the
 * field and submits the form, so the timeline filters to it. Without JavaScript it is the plain input it
 * renders on the server, and the form's GET submit searches as before.
 */
import { useEffect, useId, useRef, useState, type InputHTMLAttributes, type KeyboardEvent } from "react";

/** One result of GET /api/search (kept here: client code imports no server module). */
interface Suggestion {
  type: "person" | "company";
  name: string;
  slug: string;
  matched: string;
  reason: string;
}

const WHY: Record<string, string> = {
  token_order: "words in another order",
  kana_variant: "kana variant",
  typo: "close spelling",
  word: "one word matches",
};

const DELAY_MS = 150;
const MIN_CHARS = 2;

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type"> & {
  value: string;
  onChange: (value: string) => void;
};

export function SearchBox({ value, onChange, id, ...input }: Props) {
  const own = useId();
  const listId = `${id ?? own}-suggestions`;
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const ref = useRef<HTMLInputElement>(null);
  const wanted = useRef(value);

  useEffect(() => {
    const q = value.trim();
    if ([...q].length < MIN_CHARS || q !== wanted.current.trim()) return;
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/search?${new URLSearchParams({ q, type: "all", limit: "8" })}`, { signal: abort.signal });
        if (!res.ok) return;
        const { results } = (await res.json()) as { results: Suggestion[] };
        setSuggestions(results);
        setActive(-1);
      } catch {
        // aborted by the next keystroke, or offline: keep what is shown
      }
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [value]);

  const shown = open && suggestions.length > 0 && [...value.trim()].length >= MIN_CHARS;

  function pick(s: Suggestion) {
    wanted.current = "";
    onChange(s.name);
    setOpen(false);
    setActive(-1);
    const form = ref.current?.form;
    // after React has re-rendered with the new value, so the form submits it
    if (form) setTimeout(() => form.requestSubmit(), 0);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!suggestions.length) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      // -1 is the input itself: past either end the highlight returns there
      setActive((i) => {
        const next = i + step;
        return next >= suggestions.length ? -1 : next < -1 ? suggestions.length - 1 : next;
      });
    } else if (e.key === "Enter" && shown && active >= 0 && active < suggestions.length) {
      e.preventDefault();
      pick(suggestions[active]);
    } else if (e.key === "Escape" && shown) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className="relative">
      <input
        {...input}
        id={id}
        ref={ref}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 && active < suggestions.length ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={value}
        onChange={(e) => {
          wanted.current = e.target.value;
          onChange(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!shown}
        className="absolute z-20 mt-1 max-h-80 w-full overflow-auto rounded border border-stone-300 bg-white py-1 text-sm shadow-lg"
      >
        {suggestions.map((s, i) => (
          <li
            key={`${s.type}-${s.slug}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={`cursor-pointer px-2 py-1 ${i === active ? "bg-stone-800 text-white" : "text-stone-900 hover:bg-stone-100"}`}
            // mousedown would blur the input (closing the list) before the click lands
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(s)}
          >
            <span className="font-medium">{s.name}</span>
            <span className={i === active ? "text-stone-200" : "text-stone-600"}>
              {" "}
              · {s.type === "person" ? "person" : "company"}
              {s.matched !== s.name && (
                <>
                  {" "}
                  · as <span lang={/[\u3040-\u30ff\u4e00-\u9fff]/.test(s.matched) ? "ja" : undefined}>{s.matched}</span>
                </>
              )}
              {WHY[s.reason] && <> · {WHY[s.reason]}</>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
