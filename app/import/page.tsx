import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { ReportView } from "@/components/import/report-view";
import { UploadForm } from "@/components/import/upload-form";
import { asFormAction } from "@/components/review/bind-form";
import { DraftAlert } from "@/components/ui/notices";
import { readDraft } from "@/lib/actions/form-drafts";
import { confirmImportAction, previewImportAction } from "@/lib/actions/import-dataset";
import { can } from "@/lib/auth/roles";
import { currentAccount } from "@/lib/auth/server";
import { listBatches } from "@/lib/data/import-batches";
import { db } from "@/lib/db";
import { readPending } from "@/lib/import/pending-uploads";

export const metadata: Metadata = { title: "Import a dataset" };
export const instant = false;

const confirm = asFormAction(confirmImportAction);
const EMPTY = { ok: false, message: "", fieldErrors: {}, values: {} };

async function ImportContent({ searchParams }: { searchParams: PageProps<"/import">["searchParams"] }) {
  await connection();
  const account = await currentAccount();
  if (!account) redirect("/sign-in?next=/import");
  const q = await searchParams;
  if (!can(account.role, "publish")) {
    return (
      <p role="alert">
        Only editors import datasets. You can add claims one at a time on{" "}
        <Link href="/events/new" className="underline">
          Add an event
        </Link>
        ; they wait for review.
      </p>
    );
  }
  const draft = readDraft(q.draft);
  const token = typeof q.preview === "string" ? q.preview : null;
  const pending = token ? readPending(token, account.id) : null;
  const batches = await listBatches(db);
  return (
    <>
      <DraftAlert draft={draft} />
      {token && !pending && <p role="alert">This preview has expired or belongs to another account: upload the file again.</p>}
      {pending && token ? (
        <section aria-labelledby="preview-title" className="space-y-3">
          <h2 id="preview-title" className="text-lg font-semibold">
            Preview of {pending.fileName}: nothing is stored yet
          </h2>
          <ReportView report={pending.report} />
          <div className="flex gap-3">
            <form action={confirm}>
              <input type="hidden" name="token" value={token} />
              <button type="submit" className="rounded bg-emerald-800 px-3 py-1.5 text-sm font-medium text-white">
                Confirm import of {pending.report.records} records
              </button>
            </form>
            <Link href="/import" className="px-3 py-1.5 text-sm underline">
              Cancel
            </Link>
          </div>
        </section>
      ) : (
        <UploadForm action={previewImportAction} initial={draft ?? EMPTY} />
      )}
      <section aria-labelledby="batches-title" className="space-y-2">
        <h2 id="batches-title" className="text-lg font-semibold">
          Recent imports
        </h2>
        {batches.length === 0 ? (
          <p className="text-sm text-stone-600">Nothing has been imported yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-1 pr-2">
                  Batch
                </th>
                <th scope="col" className="py-1 pr-2">
                  Dataset
                </th>
                <th scope="col" className="py-1 pr-2">
                  By
                </th>
                <th scope="col" className="py-1 pr-2">
                  Records
                </th>
                <th scope="col" className="py-1 pr-2">
                  Claims added
                </th>
                <th scope="col" className="py-1 pr-2">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id} className="border-b border-stone-100">
                  <td className="py-1 pr-2">
                    <Link href={`/import/${b.id}`} className="underline">
                      Batch {b.id}
                    </Link>
                  </td>
                  <td className="py-1 pr-2">
                    {b.dataset} {b.datasetVersion}
                  </td>
                  <td className="py-1 pr-2">
                    {b.editor}, <time dateTime={b.createdAt.toISOString()}>{b.createdAt.toISOString().slice(0, 16).replace("T", " ")}</time>
                  </td>
                  <td className="py-1 pr-2">{b.recordCount}</td>
                  <td className="py-1 pr-2">{b.claimsAdded}</td>
                  <td className="py-1 pr-2">{b.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

/** Editors bring in whole datasets: upload, preview (a dry run), confirm; every batch can be undone. */
export default function ImportPage({ searchParams }: PageProps<"/import">) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Import a dataset</h1>
      <Suspense fallback={<p className="text-sm text-stone-600">Loading…</p>}>
        <ImportContent searchParams={searchParams} />
      </Suspense>
    </div>
  );
}
