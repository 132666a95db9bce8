"use client";

/**
 * The table view. Sorting and paging happen on the server (the URL holds sort and cursor, so a sorted
 * page can be bookmarked and every page is a keyset query): header links change the sort, and the table
 * only renders the page it is given. Column visibility is local to this browser (kept in localStorage).
 */
import Link from "next/link";
import { useEffect, useState } from "react";
import { flexRender, getCoreRowModel, useReactTable, createColumnHelper, type VisibilityState } from "@tanstack/react-table";
import { PartialDateText } from "@/components/evidence/partial-date-text";
import { eventName, sourceCountText } from "@/components/evidence/event-name";
import { StatusBadge } from "@/components/evidence/status-badge";
import { EVENT_KIND_LABELS, ROLE_CATEGORY_LABELS } from "@/lib/domain/vocabulary";
import type { EventRow } from "./event-row";

export type SortableColumn = "date" | "person" | "company";
export interface SortLink {
  href: string;
  /** the current direction when the table is sorted by this column */
  direction: "ascending" | "descending" | null;
}

const KIND: Record<string, string> = EVENT_KIND_LABELS;
const CATEGORY: Record<string, string> = ROLE_CATEGORY_LABELS;

const hasCjk = (s: string) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(s);
const col = createColumnHelper<EventRow>();

const columns = [
  col.accessor("dateText", { id: "date", header: "Date", cell: (c) => <PartialDateText text={c.getValue()} /> }),
  col.accessor((r) => r.person.name, {
    id: "person",
    header: "Person",
    cell: (c) => (
      <Link
        href={`/people/${c.row.original.person.slug}`}
        lang={hasCjk(c.getValue()) ? "ja" : undefined}
        className="font-medium underline decoration-stone-300"
      >
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor("kind", { id: "kind", header: "What", cell: (c) => KIND[c.getValue()] ?? c.getValue() }),
  col.accessor((r) => r.company.name, {
    id: "company",
    header: "Company",
    cell: (c) => (
      <Link href={`/companies/${c.row.original.company.slug}`} className="underline decoration-stone-300">
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor("role", { id: "role", header: "Role", cell: (c) => c.getValue() ?? <span className="text-stone-600">—</span> }),
  col.accessor("roleCategory", {
    id: "category",
    header: "Role category",
    cell: (c) => (c.getValue() ? (CATEGORY[c.getValue()!] ?? c.getValue()) : <span className="text-stone-600">—</span>),
  }),
  col.accessor((r) => r.destination?.name ?? null, {
    id: "destination",
    header: "Went to",
    cell: (c) => {
      const r = c.row.original;
      if (!r.destination) return <span className="text-stone-600">not on record</span>;
      return (
        <>
          <Link href={`/companies/${r.destination.slug}`} className="underline decoration-stone-300">
            {r.destination.name}
          </Link>
          {r.destinationRelation === "founded" && <span className="text-stone-600"> (founded)</span>}
        </>
      );
    },
  }),
  col.accessor("status", { id: "status", header: "Status", cell: (c) => <StatusBadge status={c.getValue()} /> }),
  col.accessor("sourceCount", {
    id: "evidence",
    header: "Evidence",
    cell: (c) => (
      <Link href={`/events/${c.row.original.id}`} className="text-sky-800 underline">
        {sourceCountText(c.getValue())}
        <span className="sr-only"> for {eventName(c.row.original.kind, c.row.original.person.name, c.row.original.company.name)}</span>
      </Link>
    ),
  }),
];

const WRAP_ANYWHERE = new Set(["role", "destination"]);
const STORAGE_KEY = "departures.table.columns";
const SORT_ARROW = { ascending: "▲", descending: "▼" } as const;

export function EventsTable({ rows, sortLinks }: { rows: EventRow[]; sortLinks: Record<SortableColumn, SortLink> }) {
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>({});

  useEffect(() => {
    try {
      const saved = localStorage.getItem(STORAGE_KEY);
      // read after hydration: the server cannot know this browser's choice
      if (saved) setColumnVisibility(JSON.parse(saved) as VisibilityState);
    } catch {
      /* a blocked or corrupt localStorage just means every column shows */
    }
  }, []);

  const table = useReactTable({
    data: rows,
    columns,
    state: { columnVisibility },
    onColumnVisibilityChange: (updater) =>
      setColumnVisibility((old) => {
        const next = typeof updater === "function" ? updater(old) : updater;
        try {
          localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
        } catch {
          /* not persisted; still applied */
        }
        return next;
      }),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    getRowId: (r) => String(r.id),
  });

  return (
    <div className="space-y-2">
      <details className="text-sm">
        <summary className="cursor-pointer text-stone-700">Columns</summary>
        <fieldset className="mt-1 flex flex-wrap gap-x-4 gap-y-1 rounded border border-stone-200 bg-white p-2">
          <legend className="sr-only">Columns to show</legend>
          {table.getAllLeafColumns().map((c) => (
            <label key={c.id} className="flex items-center gap-1.5">
              <input type="checkbox" checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} disabled={c.id === "person"} />
              {String(c.columnDef.header)}
            </label>
          ))}
        </fieldset>
      </details>
      {/* relative: the sr-only caption is absolutely placed and must stay inside the scroller, not widen the page */}
      <div className="relative overflow-x-auto rounded border border-stone-200 bg-white">
        <table className="w-full text-left text-[13px]" data-testid="events-table">
          <caption className="sr-only">
            Events matching the filters. Date, person and company headers sort the whole result, not just this page.
          </caption>
          <thead className="bg-stone-100 text-stone-700">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const link = sortLinks[h.column.id as SortableColumn];
                  const label = flexRender(h.column.columnDef.header, h.getContext());
                  return (
                    <th key={h.id} scope="col" aria-sort={link?.direction ?? undefined} className="px-1.5 py-1.5 font-medium">
                      {link ? (
                        <Link
                          href={link.href}
                          scroll={false}
                          className="inline-flex items-center gap-1 underline decoration-stone-400 hover:text-stone-950"
                        >
                          {label}
                          <span aria-hidden="true" className="text-xs">
                            {link.direction ? SORT_ARROW[link.direction] : "↕"}
                          </span>
                          <span className="sr-only">
                            {link.direction === "ascending"
                              ? ", sorted ascending; sort descending"
                              : link.direction === "descending"
                                ? ", sorted descending; sort ascending"
                                : ", sort"}
                          </span>
                        </Link>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-testid="table-row" className="border-t border-stone-200 align-top">
                {row.getVisibleCells().map((cell) => (
                  // long roles and destination names may break inside a word, so all nine columns fit a laptop screen
                  <td key={cell.id} className={`px-1.5 py-1.5 ${WRAP_ANYWHERE.has(cell.column.id) ? "hyphens-auto [overflow-wrap:anywhere]" : ""}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
