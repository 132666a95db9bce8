import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { ArticleForm } from "@/components/ingest-article/article-form";
import { DraftAlert } from "@/components/ui/notices";
import { readDraft } from "@/lib/actions/form-drafts";
import { can } from "@/lib/auth/roles";
import { currentAccount } from "@/lib/auth/server";

export const metadata: Metadata = { title: "Read an article" };
// Rendered whole so the form works without JavaScript (docs/decisions/0021-forms-without-javascript.md).
export const instant = false;

export default async function IngestArticlePage({ searchParams }: PageProps<"/ingest/article">) {
  await connection();
  const account = await currentAccount();
  if (!account) redirect("/sign-in?next=/ingest/article");
  const draft = readDraft((await searchParams).draft);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">Read an article</h1>
      {!can(account.role, "submit") ? (
        <p role="alert">Your account cannot add evidence.</p>
      ) : (
        <>
          <DraftAlert draft={draft} />
          <ArticleForm draft={draft} />
        </>
      )}
    </div>
  );
}
