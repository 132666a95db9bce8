/**
 * Follow / Unfollow a person, company or timeline filter: a plain form posting the server action, so it
 * works without JavaScript. Signed out, it is a link to sign in and come back.
 */
import Link from "next/link";
import { asFormAction } from "@/components/review/bind-form";
import { followAction } from "@/lib/actions/follow";
import { currentAccount } from "@/lib/auth/server";
import { db } from "@/lib/db";
import { isFollowing } from "@/lib/data/watches";
import type { WatchKind } from "@/lib/domain/vocabulary";

const submit = asFormAction(followAction);

const NOUN: Record<WatchKind, string> = { person: "this person", company: "this company", filter: "this filter" };

export async function FollowButton({ kind, target, label, returnTo }: { kind: WatchKind; target: string; label: string; returnTo: string }) {
  const account = await currentAccount();
  if (!account) {
    return (
      <Link href={`/sign-in?next=${encodeURIComponent(returnTo)}`} className="text-sm text-sky-800 underline" data-testid="follow-sign-in">
        Sign in to follow {NOUN[kind]}
      </Link>
    );
  }
  const following = await isFollowing(db, account.id, kind, target);
  return (
    <form action={submit} className="inline-flex items-center gap-2 text-sm" data-testid="follow-form">
      <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="label" value={label} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {following && <span className="text-stone-700">Following ·</span>}
      <button type="submit" className="rounded border border-stone-300 bg-white px-2.5 py-0.5 font-medium hover:bg-stone-100">
        {following ? "Unfollow" : "Follow"}
        <span className="sr-only"> {label}</span>
      </button>
      {following && (
        <Link href="/watching" prefetch={false} className="text-sky-800 underline">
          what changed
        </Link>
      )}
    </form>
  );
}
