/** Import batches as /import lists them and /import/[id] shows one. */
import type { Db } from "@/lib/db-factory";
import type { ImportReport } from "@/lib/import/report";

export async function listBatches(db: Db, limit = 50) {
  return db.importBatch.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      dataset: true,
      datasetVersion: true,
      format: true,
      editor: true,
      createdAt: true,
      status: true,
      recordCount: true,
      claimsAdded: true,
      claimsSuperseded: true,
      claimsUnchanged: true,
      recordsRejected: true,
    },
  });
}

export async function getBatch(db: Db, id: number) {
  const batch = await db.importBatch.findUnique({ where: { id } });
  if (!batch) return null;
  const { report, ...rest } = batch;
  return { ...rest, report: report ? (JSON.parse(report) as ImportReport) : null };
}
