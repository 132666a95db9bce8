import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { ReportView } from "@/components/import/report-view";
import { asFormAction } from "@/components/review/bind-form";
import { DoneNotice, DraftAlert } from "@/components/ui/notices";
import { readDraft } from "@/lib/actions/form-drafts";
import { undoImportAction } from "@/lib/actions/import-dataset";
import { can } from "@/lib/auth/roles";
import { currentAccount } from "@/lib/auth/server";
import { getBatch } from "@/lib/data/import-batches";
import { db } from "@/lib/db";

export const instant = false;
const undo = asFormAction(undoImportAction);

const batchId = (id: string) => (/^[1-9]\d{0,11}$/.test(id) ? Number(id) : null);

export async function generateMetadata({ params }: PageProps<"/import/[id]">): Promise<Metadata> {
  const { id } = await params;
  return { title: `Import batch ${id}` };
}

async function BatchContent({ params, searchParams }: PageProps<"/import/[id]">) {
  await connection();
  const id = batchId((await params).id);
  const batch = id ? await getBatch(db, id) : null;
  if (!batch) notFound();
  const q = await searchParams;
  const account = await currentAccount();
  return (
    <>
      {q.imported === "1" && <DoneNotice>Imported as batch {batch.id}. Undo retracts every claim it added.</DoneNotice>}
      {q.undone === "1" && <DoneNotice>Batch {batch.id} was undone: its claims are retracted and what it superseded is active again.</DoneNotice>}
      <DraftAlert draft={readDraft(q.draft)} />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Dataset</dt>
        <dd>
          {batch.dataset} {batch.datasetVersion}
        </dd>
        <dt className="font-medium">Licence</dt>
        <dd>{batch.licence ?? "not stated"}</dd>
        <dt className="font-medium">File</dt>
        <dd>
          {batch.fileName} <code className="text-xs">sha256 {batch.fileSha256}</code>
        </dd>
        <dt className="font-medium">Imported by</dt>
        <dd>
          {batch.editor} on <time dateTime={batch.createdAt.toISOString()}>{batch.createdAt.toISOString().slice(0, 16).replace("T", " ")}</time>
        </dd>
        <dt className="font-medium">Status</dt>
        <dd>{batch.status === "undone" ? `undone on ${batch.undoneAt?.toISOString().slice(0, 16).replace("T", " ")}` : "applied"}</dd>
      </dl>
      {batch.report && <ReportView report={batch.report} />}
      <p className="text-sm">
        <Link href={`/changes?action=import_batch`} className="underline">
          Change log
        </Link>
      </p>
      {batch.status === "applied" && account && can(account.role, "correct") && (
        <form action={undo}>
          <input type="hidden" name="batchId" value={batch.id} />
          <button type="submit" className="rounded border border-red-800 px-3 py-1.5 text-sm text-red-800">
            Undo batch {batch.id}: retract its {batch.claimsAdded} claims
          </button>
        </form>
      )}
    </>
  );
}

/** One import batch: its provenance, its report and, for editors, undo. */
export default function BatchPage(props: PageProps<"/import/[id]">) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Import batch</h1>
      <Suspense fallback={<p className="text-sm text-stone-600">Loading…</p>}>
        <BatchContent {...props} />
      </Suspense>
    </div>
  );
}
