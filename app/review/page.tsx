import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SubmissionCard } from "@/components/review/submission-card";
import { DoneNotice, DraftAlert } from "@/components/ui/notices";
import { readDraft } from "@/lib/actions/form-drafts";
import { can } from "@/lib/auth/roles";
import { currentAccount } from "@/lib/auth/server";
import { listSubmissions } from "@/lib/data/submissions";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Review" };
export const instant = false;

/** Editors' queue: contributors' claims waiting, oldest first. */
export default async function ReviewPage({ searchParams }: PageProps<"/review">) {
  await connection();
  const account = await currentAccount();
  if (!account) redirect("/sign-in?next=/review");
  const q = await searchParams;
  const draft = readDraft(q.draft);
  if (!can(account.role, "review")) {
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Review</h1>
        <p role="alert">
          Only editors review submissions. Your own submissions are on{" "}
          <a href="/submissions" className="underline">
            My submissions
          </a>
          .
        </p>
      </div>
    );
  }
  const pending = await listSubmissions(db, { status: "pending", limit: 100 });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Review</h1>
      <p className="text-sm text-stone-700">
        Contributors&apos; claims wait here until an editor accepts them (they then go through the same write path as every claim) or rejects them
        with a reason. Nothing here is public until accepted.
      </p>
      {typeof q.rejected === "string" && <DoneNotice>Rejected submission #{q.rejected}; the contributor sees your reason.</DoneNotice>}
      <DraftAlert draft={draft} />
      {pending.length === 0 ? (
        <p className="text-sm text-stone-600">No submissions are waiting.</p>
      ) : (
        pending.map((s) => <SubmissionCard key={s.id} s={s} reviewer />)
      )}
    </div>
  );
}
