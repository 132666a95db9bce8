import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ChangeLogList } from "@/components/claim-form/change-log-list";
import { inputClass } from "@/components/ui/field";
import { CHANGE_ACTION_LABELS, CHANGE_ACTIONS, listChanges, type ChangeAction } from "@/lib/data/changes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Changes" };

// Rendered whole rather than streamed, so the log and its filter work without JavaScript
// (docs/decisions/0021-forms-without-javascript.md).
export const instant = false;

type Params = PageProps<"/changes">;

export default function ChangesPage({ searchParams }: Params) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Changes</h1>
      <p className="text-sm text-stone-700">
        Every event created, claim added, retracted or deprecated, with who did it, when, and the values before and after. Nothing is
        ever deleted.
      </p>
      <Changes searchParams={searchParams} />
    </div>
  );
}

async function Changes({ searchParams }: { searchParams: Params["searchParams"] }) {
  await connection();
  const query = await searchParams;
  const action = CHANGE_ACTIONS.find((a) => a === query.action) as ChangeAction | undefined;
  const beforeParam = typeof query.before === "string" ? Number(query.before) : NaN;
  const before = Number.isSafeInteger(beforeParam) && beforeParam > 0 ? beforeParam : undefined;
  const { changes, nextBefore } = await listChanges(db, { action, before, limit: 50 });
  const next = new URLSearchParams({ ...(action ? { action } : {}), ...(nextBefore ? { before: String(nextBefore) } : {}) });
  return (
    <>
      <form method="get" className="flex flex-wrap items-end gap-2 text-sm" aria-label="Filter changes">
        <div>
          <label htmlFor="changes-action" className="block font-medium">
            Kind of change
          </label>
          <select id="changes-action" name="action" defaultValue={action ?? ""} className={inputClass}>
            <option value="">All</option>
            {CHANGE_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {CHANGE_ACTION_LABELS[a]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-stone-300 bg-white px-3 py-1.5">
          Show
        </button>
      </form>
      <ChangeLogList changes={changes} />
      <nav aria-label="Pages of changes" className="flex gap-4 text-sm">
        {before !== undefined && (
          <Link href={action ? `/changes?action=${action}` : "/changes"} className="text-sky-800 underline">
            Newest changes
          </Link>
        )}
        {nextBefore !== null && (
          <Link href={`/changes?${next}`} className="text-sky-800 underline">
            Older changes
          </Link>
        )}
      </nav>
    </>
  );
}
