import Link from "next/link";
import { DEFAULT_LIMIT, queryString, type Cursor, type EventQuery } from "@/lib/validation/event-filters";

const SIZES = [25, DEFAULT_LIMIT, 100, 200];

/**
 * Keyset pages: "next" carries the last row's sort key, so every page costs the same however deep.
 * There is no page number to jump to; "first page" starts over and the browser's back button returns.
 */
export function Pager({
  query,
  nextCursor,
  shown,
  total,
  basePath = "/",
}: {
  query: EventQuery;
  nextCursor: Cursor | null;
  shown: number;
  total: number;
  basePath?: string;
}) {
  const href = (overrides: Partial<EventQuery>) => `${basePath}${queryString(query, overrides)}`;
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-stone-200 pt-3 text-sm">
      <p className="text-stone-600">
        {query.cursor
          ? `Showing ${shown} more of ${total.toLocaleString("en")}`
          : shown < total
            ? `Showing the first ${shown} of ${total.toLocaleString("en")}`
            : `Showing all ${shown}`}
      </p>
      <div className="flex items-center gap-4">
        {query.cursor && (
          <Link href={href({ cursor: undefined })} className="underline">
            ← First page
          </Link>
        )}
        {nextCursor ? (
          <Link
            href={href({ cursor: nextCursor })}
            rel="next"
            className="rounded border border-stone-300 bg-white px-3 py-1 font-medium hover:bg-stone-100"
          >
            Next {query.limit} →
          </Link>
        ) : (
          <span className="text-stone-500">End of results</span>
        )}
        <span className="text-stone-600">
          Per page:{" "}
          {SIZES.map((n, i) => (
            <span key={n}>
              {i > 0 && " · "}
              {n === query.limit ? (
                <span aria-current="true" className="font-semibold">
                  {n}
                </span>
              ) : (
                <Link href={href({ limit: n, cursor: undefined })} className="underline">
                  {n}
                </Link>
              )}
            </span>
          ))}
        </span>
      </div>
    </nav>
  );
}
