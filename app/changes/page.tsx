import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ChangeLogList } from "@/components/claim-form/change-log-list";
import { inputClass } from "@/components/ui/field";
import { RevertButton } from "@/components/review/revert-button";
import { DoneNotice, DraftAlert } from "@/components/ui/notices";
import { readDraft } from "@/lib/actions/form-drafts";
import { can } from "@/lib/auth/roles";
import { currentAccount } from "@/lib/auth/server";
import { CHANGE_ACTION_LABELS, CHANGE_ACTIONS, listChanges } from "@/lib/data/changes";
import { db } from "@/lib/db";
import { changeListSchema } from "@/lib/validation/changes";

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
        Every event created, claim added, retracted, deprecated, restored or edited, every review and revert, with the account that did it, when, and
        the values before and after. Nothing is ever deleted; an editor can revert any change.
      </p>
      <Changes searchParams={searchParams} />
    </div>
  );
}

async function Changes({ searchParams }: { searchParams: Params["searchParams"] }) {
  await connection();
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
  const parsed = changeListSchema.safeParse({
    action: one(query.action),
    before: one(query.before),
    account: one(query.account),
    since: one(query.since),
    until: one(query.until),
  });
  const filters = parsed.success ? parsed.data : changeListSchema.parse({});
  const { action, before, account: accountId, since, until } = filters;
  const [{ changes, nextBefore }, viewer, accounts] = await Promise.all([
    listChanges(db, { action, before, accountId, since, until, limit: 50 }),
    currentAccount(),
    db.user.findMany({ where: { changes: { some: {} } }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 200 }),
  ]);
  const draft = readDraft(query.draft);
  const keep = {
    ...(action ? { action } : {}),
    ...(accountId ? { account: accountId } : {}),
    ...(one(query.since) ? { since: one(query.since)! } : {}),
    ...(one(query.until) ? { until: one(query.until)! } : {}),
  };
  const next = new URLSearchParams({ ...keep, ...(nextBefore ? { before: String(nextBefore) } : {}) });
  const editor = viewer !== null && can(viewer.role, "correct");
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
        <div>
          <label htmlFor="changes-account" className="block font-medium">
            By
          </label>
          <select id="changes-account" name="account" defaultValue={accountId ?? ""} className={inputClass}>
            <option value="">Anyone</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="changes-since" className="block font-medium">
            From (day)
          </label>
          <input id="changes-since" name="since" type="date" defaultValue={one(query.since)} className={inputClass} />
        </div>
        <div>
          <label htmlFor="changes-until" className="block font-medium">
            Until (day)
          </label>
          <input id="changes-until" name="until" type="date" defaultValue={one(query.until)} className={inputClass} />
        </div>
        <button type="submit" className="rounded border border-stone-300 bg-white px-3 py-1.5">
          Show
        </button>
      </form>
      {!parsed.success && (
        <p role="alert" className="text-sm text-red-800">
          Some filters were not understood and are ignored: {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
        </p>
      )}
      {typeof query.reverted === "string" && <DoneNotice>Reverted change #{query.reverted}; the revert is logged below.</DoneNotice>}
      <DraftAlert draft={draft} />
      <ChangeLogList changes={changes} actions={editor ? (c) => <RevertButton change={c} /> : undefined} />
      <nav aria-label="Pages of changes" className="flex gap-4 text-sm">
        {before !== undefined && (
          <Link href={`/changes?${new URLSearchParams(keep)}`} className="text-sky-800 underline">
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
