/**
 * The table view, rendered on the server. Sorting and paging happen on the server (the URL holds sort and
 * cursor, so a sorted page can be bookmarked and every page is a keyset query): header links change the
 * sort, and the table only renders the page it is given. Which columns show is this browser's choice,
 * kept by the small client component ColumnToggles; the table itself sends no JavaScript.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { PartialDateText } from "@/components/evidence/partial-date-text";
import { eventName, sourceCountText } from "@/components/evidence/event-name";
import { StatusBadge } from "@/components/evidence/status-badge";
import { EVENT_KIND_LABELS, ROLE_CATEGORY_LABELS } from "@/lib/domain/vocabulary";
import { ColumnToggles } from "./column-toggles";
import { TABLE_COLUMNS, type ColumnId } from "./columns";
import type { EventRow } from "./event-row";

export type SortableColumn = "date" | "person" | "company";
export interface SortLink {
  href: string;
  /** the current direction when the table is sorted by this column */
  direction: "ascending" | "descending" | null;
}

const KIND: Record<string, string> = EVENT_KIND_LABELS;
const WRAP_ANYWHERE = new Set<string>(["person", "company", "role", "category", "destination"]);
const CATEGORY: Record<string, string> = ROLE_CATEGORY_LABELS;

const hasCjk = (s: string) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(s);
const none = <span className="text-stone-600">—</span>;

const CELLS: Record<ColumnId, (r: EventRow) => ReactNode> = {
  date: (r) => <PartialDateText text={r.dateText} />,
  person: (r) => (
    <Link href={`/people/${r.person.slug}`} lang={hasCjk(r.person.name) ? "ja" : undefined} className="font-medium underline decoration-stone-300">
      {r.person.name}
    </Link>
  ),
  kind: (r) => KIND[r.kind] ?? r.kind,
  company: (r) => (
    <Link href={`/companies/${r.company.slug}`} className="underline decoration-stone-300">
      {r.company.name}
    </Link>
  ),
  role: (r) => r.role ?? none,
  category: (r) => (r.roleCategory ? (CATEGORY[r.roleCategory] ?? r.roleCategory) : none),
  destination: (r) =>
    r.destination ? (
      <>
        <Link href={`/companies/${r.destination.slug}`} className="underline decoration-stone-300">
          {r.destination.name}
        </Link>
        {r.destinationRelation === "founded" && <span className="text-stone-600"> (founded)</span>}
      </>
    ) : (
      <span className="text-stone-600">not on record</span>
    ),
  status: (r) => <StatusBadge status={r.status} />,
  evidence: (r) => (
    <Link href={`/events/${r.id}`} className="text-sky-800 underline">
      {sourceCountText(r.sourceCount)}
      <span className="sr-only"> for {eventName(r.kind, r.person.name, r.company.name)}</span>
    </Link>
  ),
};

const SORT_ARROW = { ascending: "▲", descending: "▼" } as const;

function SortHeader({ label, link }: { label: string; link: SortLink }) {
  return (
    <Link href={link.href} scroll={false} className="inline-flex items-center gap-1 underline decoration-stone-400 hover:text-stone-950">
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
  );
}

export function EventsTable({ rows, sortLinks }: { rows: EventRow[]; sortLinks: Record<SortableColumn, SortLink> }) {
  return (
    <div className="space-y-2">
      <ColumnToggles />
      {/* relative: the sr-only caption is absolutely placed and must stay inside the scroller, not widen the page */}
      <div className="relative overflow-x-auto rounded border border-stone-200 bg-white">
        <table className="w-full text-left text-[13px]" data-testid="events-table">
          <caption className="sr-only">
            Events matching the filters. Date, person and company headers sort the whole result, not just this page.
          </caption>
          <thead className="bg-stone-100 text-stone-700">
            <tr>
              {TABLE_COLUMNS.map((c) => {
                const link = sortLinks[c.id as SortableColumn];
                return (
                  <th key={c.id} scope="col" data-col={c.id} aria-sort={link?.direction ?? undefined} className="px-1 py-1.5 font-medium">
                    {link ? <SortHeader label={c.header} link={link} /> : c.header}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="table-row" className="border-t border-stone-200 align-top">
                {TABLE_COLUMNS.map((c) => (
                  // long roles and destination names may break inside a word, so all the columns fit a laptop screen
                  <td key={c.id} data-col={c.id} className={`px-1 py-1.5 ${WRAP_ANYWHERE.has(c.id) ? "hyphens-auto [overflow-wrap:anywhere]" : ""}`}>
                    {CELLS[c.id](r)}
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
