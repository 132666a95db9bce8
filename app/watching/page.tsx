import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { ChangeLogList } from "@/components/claim-form/change-log-list";
import { FollowButton } from "@/components/watch/follow-button";
import { currentAccount } from "@/lib/auth/server";
import { db } from "@/lib/db";
import { watchChanges, watchesOf, watchHref, type WatchRow } from "@/lib/data/watches";
import { markSeen } from "@/lib/watches/store";

export const metadata: Metadata = { title: "Watching" };

// Rendered whole (its Unfollow buttons work without JavaScript), and it records the visit.
export const instant = false;

const KIND_LABELS: Record<WatchRow["kind"], string> = { person: "Person", company: "Company", filter: "Timeline filter" };
const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export default async function WatchingPage() {
  await connection();
  const account = await currentAccount();
  if (!account) redirect(`/sign-in?next=${encodeURIComponent("/watching")}`);
  const visitedAt = new Date();
  const watches = await watchesOf(db, account.id);
  const updates = await Promise.all(watches.map((w) => watchChanges(db, w, w.lastSeenAt)));
  // What was shown counts as seen; a router prefetch is not a visit.
  if (!(await headers()).has("next-router-prefetch")) await markSeen(db, account.id, visitedAt);
  const news = updates.reduce((s, u) => s + u.count, 0);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Watching</h1>
      <p className="max-w-3xl text-sm text-stone-700">
        The people, companies and timeline filters you follow, and what changed in their events since your last visit: events created or edited,
        claims added, retracted, deprecated or restored, reverts. Follow from a person&apos;s or company&apos;s page, the timeline or the flows.
      </p>
      {watches.length === 0 ? (
        <p className="rounded border border-stone-200 bg-white p-4 text-stone-700">
          You follow nothing yet. Open a{" "}
          <Link href="/" className="underline">
            timeline filter
          </Link>
          , a person or a company and press Follow.
        </p>
      ) : (
        <p role="status" className="text-sm" data-testid="watching-summary">
          {news === 0 ? "Nothing changed since your last visit." : `${news} ${news === 1 ? "change" : "changes"} since your last visit.`}
        </p>
      )}
      <ul className="space-y-4">
        {watches.map((w, i) => {
          const u = updates[i];
          const headingId = `watch-${w.id}`;
          return (
            <li key={w.id}>
              <section aria-labelledby={headingId} className="space-y-2 rounded border border-stone-200 bg-white p-3" data-testid="watch">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id={headingId} className="font-semibold">
                    <span className="mr-2 text-xs font-normal uppercase tracking-wide text-stone-600">{KIND_LABELS[w.kind]}</span>
                    <Link href={watchHref(w)} className="underline">
                      {w.label}
                    </Link>
                  </h2>
                  <FollowButton kind={w.kind} target={w.target} label={w.label} returnTo="/watching" />
                </div>
                <p className="text-sm text-stone-600">
                  {u.count === 0
                    ? `No changes since ${when(w.lastSeenAt)}.`
                    : `${u.count}${u.count >= 200 ? "+" : ""} ${u.count === 1 ? "change" : "changes"} since ${when(w.lastSeenAt)}${u.more ? `; the newest ${u.changes.length} are shown` : ""}:`}
                </p>
                {u.changes.length > 0 && <ChangeLogList changes={u.changes} />}
              </section>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
