/**
 * GET /api/health: 200 `{ ok: true, database: "reachable", migrations: "current", provider }` when the
 * database answers and every committed migration of its provider is applied (and unedited, and its
 * post-migrate work done); otherwise 503 with the reason: `{ ok: false, database: "unreachable", error }` or
 * `{ ok: false, database: "reachable", migrations: "pending" | "changed", pending, changed, postMigratePending }`.
 * For load balancers and deploy scripts (docs/deploy.md). Asks the migration runner's status, which
 * opens its own short connection with the raw driver and never creates or changes anything.
 */
import { connection } from "next/server";
import { databaseUrl } from "@/lib/database-url";
import { migrationStatus } from "@/lib/db/migrate";
import { redactUrl } from "@/lib/db/provider";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET() {
  // runs at request time, never prerendered (cacheComponents)
  await connection();
  const url = databaseUrl();
  let status;
  try {
    status = await migrationStatus(url);
  } catch (error) {
    const message = (error as Error).message.replaceAll(url, redactUrl(url));
    return Response.json({ ok: false, database: "unreachable", error: message }, { status: 503, headers: NO_STORE });
  }
  if (status.provider === "sqlite" && status.applied.length === 0 && status.unknown.length === 0) {
    return Response.json(
      { ok: false, database: "unreachable", provider: status.provider, error: "the database has no migrations applied (run npm run setup)" },
      { status: 503, headers: NO_STORE },
    );
  }
  const { provider, pending, changed, postMigratePending, unknown } = status;
  if (!status.current) {
    const migrations = changed.length > 0 ? "changed" : "pending";
    return Response.json(
      {
        ok: false,
        database: "reachable",
        migrations,
        provider,
        pending,
        changed,
        postMigratePending,
        error: "run npm run setup (or npm run db:migrate)",
      },
      { status: 503, headers: NO_STORE },
    );
  }
  // unknown: migrations newer than this code, e.g. during a rolling deploy; still healthy
  return Response.json(
    { ok: true, database: "reachable", migrations: "current", provider, applied: status.applied.length, ahead: unknown },
    { headers: NO_STORE },
  );
}
