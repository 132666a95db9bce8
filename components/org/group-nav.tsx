import Link from "next/link";
import type { OrgChartQuery } from "@/lib/domain/org-chart";
import { groupPageHref, type LargeDrawing } from "./large-chart";

/**
 * A large chart's role groups beside the drawing: how many people each holds (and, in a diff, how many of
 * them changed), a link that opens each, and the open group's pages. The same links as the group boxes
 * in the drawing, for readers who use the list (and on a phone, where the drawing is hidden).
 */
export function GroupNav({ drawing, slug, query }: { drawing: LargeDrawing; slug: string; query: OrgChartQuery }) {
  const open = drawing.open;
  const diff = query.mode === "diff";
  const href = (group: string, page: number) => groupPageHref(slug, query, group, page);
  return (
    <nav aria-label="Role groups" className="space-y-2 rounded border border-stone-300 bg-stone-50 p-3 text-sm">
      <p>
        {drawing.unplaced.toLocaleString("en-US")} people with no manager on record are grouped by role. With this many, the chart draws the reporting
        lines in full and {diff ? "opens one group's changes" : "one group"} at a time, in name order.
      </p>
      <ul className="space-y-1">
        {drawing.groups.map((g) => (
          <li key={g.group} className="flex flex-wrap items-baseline justify-between gap-x-2">
            <span>
              {g.label}: {g.count.toLocaleString("en-US")}
              {g.changed !== null && <>, {g.changed.toLocaleString("en-US")} changed</>}
            </span>
            {open?.group === g.group ? (
              <span className="font-medium" aria-current="true">
                open
              </span>
            ) : (g.changed ?? g.count) > 0 ? (
              <Link href={href(g.group, 1)} className="underline">
                show<span className="sr-only"> {g.label}</span>
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
      {open && (
        <p className="flex flex-wrap gap-x-3" aria-live="polite">
          <span>
            {open.label}: {diff ? "changes of " : ""}people {open.first.toLocaleString("en-US")}–{open.last.toLocaleString("en-US")} of{" "}
            {open.of.toLocaleString("en-US")}
          </span>
          {open.page > 1 && (
            <Link href={href(open.group, open.page - 1)} rel="prev" className="underline">
              previous
            </Link>
          )}
          {open.page < open.pages && (
            <Link href={href(open.group, open.page + 1)} rel="next" className="underline">
              next
            </Link>
          )}
        </p>
      )}
    </nav>
  );
}
