/**
 * Writers do not block each other: while `npm run ingest` stores a large file in another process (in
 * batches, each a short write transaction), claims written through the app's write path all succeed,
 * on whichever database the suite runs.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db-factory";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { claimInput } from "../factories/claims";
import { useEmptyDatabaseUrl } from "../helpers/test-db";

const DATABASE_URL = useEmptyDatabaseUrl();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "departures-writers-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CLAIMS = Number(process.env.WRITERS_CLAIMS ?? 200);

function bigFile(): string {
  const file = path.join(dir, "big.json");
  fs.writeFileSync(
    file,
    JSON.stringify({
      sources: [{ ref: "s", title: "Roster of exits", publisher: "Bulk Daily", language: "en", kind: "article" }],
      claims: Array.from({ length: CLAIMS }, (_, i) => ({
        source: "s",
        excerpt: `Bulk person ${i} left Bulk Corp ${i % 40}`,
        person: { name: `Bulk Person ${i}`, aliases: [] },
        company: { name: `Bulk Corp ${i % 40}`, aliases: [] },
        kind: "departed",
        date: "2021-06",
      })),
    }),
  );
  return file;
}

describe("concurrent writers", () => {
  it(`web writes during a ${CLAIMS}-claim CLI ingest all succeed`, async () => {
    const setup = spawn("npx", ["tsx", "scripts/migrate.ts"], { env: { ...process.env, DATABASE_URL }, stdio: "ignore" });
    expect(await new Promise((r) => setup.on("exit", r))).toBe(0);

    const ingest = spawn("npx", ["tsx", "scripts/ingest.ts", bigFile()], {
      env: { ...process.env, DATABASE_URL },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    ingest.stdout.on("data", (d) => (output += d));
    ingest.stderr.on("data", (d) => (output += d));
    const finished = new Promise<number>((r) => ingest.on("exit", (code) => r(code ?? 1)));

    const db = createDb(DATABASE_URL);
    // wait until the ingest is under way (its first batch committed), then write while it runs
    for (let i = 0; i < 600 && (await db.claim.count()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const results: { ok: boolean; error?: string }[] = [];
    let i = 0;
    let running = true;
    void finished.then(() => (running = false));
    while (running || i < 10) {
      const input = claimInput({
        person: { name: `Web Writer ${i}`, aliases: [] },
        excerpt: `Web writer ${i} left`,
        source: { title: `Web ${i}`, language: "en", kind: "article" },
      });
      results.push(
        await ingestClaim(db, input).then(
          () => ({ ok: true }),
          (e: Error) => ({ ok: false, error: e.message }),
        ),
      );
      i++;
      // web requests arrive spaced out; this also lets the child's exit event through (SQLite calls are synchronous)
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await finished, output).toBe(0);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(10);
    expect(await db.claim.count()).toBe(CLAIMS + results.length);
    await db.$disconnect();
  }, 240_000);
});
