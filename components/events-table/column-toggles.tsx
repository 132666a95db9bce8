"use client";

/**
 * Which table columns show, chosen in this browser and kept in localStorage. The table is rendered on the
 * server; hiding a column is a style rule over its `data-col` cells, so this needs no table library.
 * Without JavaScript every column shows and the toggles are not offered.
 */
import { useSyncExternalStore } from "react";
import { hiddenColumns, TABLE_COLUMNS, type ColumnId } from "./columns";

const STORAGE_KEY = "departures.table.columns";
const listeners = new Set<() => void>();

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

function read(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // a blocked localStorage just means every column shows
  }
}

function save(hidden: ColumnId[]) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(hidden.map((h) => [h, false]))));
  } catch {
    /* not persisted */
  }
  listeners.forEach((l) => l());
}

export function ColumnToggles() {
  // undefined on the server and while hydrating: the server cannot know this browser's choice
  const saved = useSyncExternalStore(subscribe, read, () => undefined);
  const ready = saved !== undefined;
  const hidden = hiddenColumns(saved ?? null);
  const toggle = (id: ColumnId, visible: boolean) => save(visible ? hidden.filter((h) => h !== id) : [...hidden, id]);

  if (!ready) return null;
  return (
    <>
      {hidden.length > 0 && <style>{hidden.map((id) => `[data-testid="events-table"] [data-col="${id}"]{display:none}`).join("\n")}</style>}
      <details className="text-sm">
        <summary className="cursor-pointer text-stone-700">Columns</summary>
        <fieldset className="mt-1 flex flex-wrap gap-x-4 gap-y-1 rounded border border-stone-200 bg-white p-2">
          <legend className="sr-only">Columns to show</legend>
          {TABLE_COLUMNS.map((c) => (
            <label key={c.id} className="flex items-center gap-1.5">
              <input type="checkbox" checked={!hidden.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} disabled={c.id === "person"} />
              {c.header}
            </label>
          ))}
        </fieldset>
      </details>
    </>
  );
}
