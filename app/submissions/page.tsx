import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SubmissionCard } from "@/components/review/submission-card";
import { DoneNotice } from "@/components/ui/notices";
import { currentAccount } from "@/lib/auth/server";
import { listSubmissions } from "@/lib/data/submissions";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "My submissions" };
export const instant = false;

/** A contributor's own submissions: waiting, accepted (with the claim) or rejected (with the reason). */
export default async function SubmissionsPage({ searchParams }: PageProps<"/submissions">) {
  await connection();
  const account = await currentAccount();
  if (!account) redirect("/sign-in?next=/submissions");
  const q = await searchParams;
  const mine = (
    await Promise.all(
      (["pending", "accepted", "rejected"] as const).map((status) => listSubmissions(db, { status, accountId: account.id, limit: 100 })),
    )
  ).flat();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">My submissions</h1>
      {typeof q.submitted === "string" && (
        <DoneNotice>Thank you: submission #{q.submitted} waits for an editor&apos;s review. It is not public until accepted.</DoneNotice>
      )}
      {mine.length === 0 ? (
        <p className="text-sm text-stone-600">You have not submitted anything yet.</p>
      ) : (
        mine.map((s) => <SubmissionCard key={s.id} s={s} reviewer={false} />)
      )}
    </div>
  );
}
