import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db-factory";
import { useEmptyDatabaseUrl } from "../helpers/test-db";

// The command-line path a user takes: npm run setup / export / ingest against their own DATABASE_URL.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "departures-cli-"));
// an empty database of the suite's provider (a SQLite file, or a PostgreSQL database when TEST_DATABASE_URL is set)
const DATABASE_URL = useEmptyDatabaseUrl();
const run = (script: string, ...args: string[]) =>
  spawnSync("npx", ["tsx", `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
    timeout: 120_000,
  });

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function tableCounts() {
  const db = createDb(DATABASE_URL);
  const counts = await Promise.all([db.person.count(), db.company.count(), db.event.count(), db.claim.count(), db.source.count(), db.change.count()]);
  await db.$disconnect();
  return counts;
}

describe("command line", () => {
  it("setup migrates and seeds; a second setup adds nothing", async () => {
    const first = run("setup");
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/\d+ claims: [1-9]\d* created new events/);
    const seeded = await tableCounts();
    const second = run("setup");
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/0 created new events, 0 merged into existing events/);
    expect(await tableCounts()).toEqual(seeded);
  });

  it("export --format json prints every event with claims whose excerpts are verbatim in the articles", () => {
    const out = run("export", "--format", "json");
    expect(out.status, out.stderr).toBe(0);
    const { events } = JSON.parse(out.stdout) as { events: { claims: { excerpt: string }[]; person: { name: string } }[] };
    expect(events.length).toBeGreaterThanOrEqual(30);
    const articles = fs
      .readdirSync("prisma/seed/articles")
      .map((f) => fs.readFileSync(path.join("prisma/seed/articles", f), "utf8"))
      .join("\n");
    for (const e of events) {
      expect(e.claims.length).toBeGreaterThan(0);
      for (const c of e.claims) expect(articles.includes(c.excerpt), c.excerpt).toBe(true);
    }
    const names = new Set(events.map((e) => e.person.name));
    for (const name of ["Mira Murati", "Ilya Sutskever", "Jan Leike", "John Schulman", "Greg Brockman", "Sam Altman", "Kevin Weil", "Sarah Friar"]) {
      expect(names).toContain(name);
    }
  });

  it("export --format csv writes a header and one row per claim to --out", () => {
    const file = path.join(dir, "events.csv");
    const out = run("export", "--format", "csv", "--out", file);
    expect(out.status, out.stderr).toBe(0);
    const lines = fs.readFileSync(file, "utf8").trim().split("\r\n");
    expect(lines[0]).toMatch(/^event_id,date,date_precision,date_earliest,date_latest,kind,person/);
    expect(lines.length).toBeGreaterThan(31);
  });

  it("an invalid ingest file exits non-zero, names every problem and leaves the database unchanged", async () => {
    const before = await tableCounts();
    const file = path.join(dir, "bad.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        sources: [{ ref: "s", title: "A new source", language: "en", kind: "article" }],
        claims: [
          { source: "s", excerpt: "A valid claim", person: { name: "Someone New" }, company: { name: "OpenAI" }, kind: "departed" },
          { source: "s", excerpt: "", person: { name: "X" }, company: { name: "OpenAI" }, kind: "left", date: "2024-02-30" },
        ],
      }),
    );
    const out = run("ingest", file);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain("claims.1.excerpt");
    expect(out.stderr).toContain("claims.1.kind");
    expect(out.stderr).toContain("claims.1.date");
    expect(out.stderr).toMatch(/nothing was stored/);
    expect(await tableCounts()).toEqual(before);
  });

  it("import --dry-run changes nothing and names the seed people it would match; the import is undone by its batch id", async () => {
    const file = "tests/fixtures/import/warning-collective/v1.json";
    const before = await tableCounts();
    const dry = run("import", file, "--format", "warning-collective", "--dry-run");
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/Dry run \(nothing was stored\)/);
    expect(dry.stdout).toMatch(/Jan Leike → Jan Leike \(\/people\/jan-leike, by exact alias\)/);
    expect(await tableCounts()).toEqual(before);

    const real = run("import", file, "--format", "warning-collective", "--json");
    expect(real.status, real.stderr).toBe(0);
    const report = JSON.parse(real.stdout) as { batchId: number; claims: { added: number } };
    expect(report.claims.added).toBeGreaterThan(0);
    const again = run("import", file, "--format", "warning-collective", "--json");
    expect(JSON.parse(again.stdout)).toMatchObject({ batchId: null, claims: { added: 0 } });

    const undo = run("import", "--undo", String(report.batchId));
    expect(undo.status, undo.stderr).toBe(0);
    expect(undo.stdout).toMatch(new RegExp(`Undid import batch ${report.batchId}: ${report.claims.added} claims retracted`));
  });

  it("import refuses unknown flags, a missing file and a bad batch id with exit code 2", () => {
    expect(run("import", "x.json", "--bogus").status).toBe(2);
    expect(run("import", "no-such-file.json").stderr).toMatch(/no such file/);
    expect(run("import", "--undo", "abc").status).toBe(2);
  });

  it("ingest --dry-run stores nothing and prints the report; a real ingest is a batch that can be undone; unknown flags exit 2", async () => {
    const file = "tests/fixtures/import/departures/v1.json";
    const before = await tableCounts();
    const dry = run("ingest", file, "--dry-run");
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/Dry run \(nothing was stored\)/);
    expect(await tableCounts()).toEqual(before);
    const real = run("ingest", file, "--json");
    expect(real.status, real.stderr).toBe(0);
    const report = JSON.parse(real.stdout) as { batchId: number | null };
    if (report.batchId !== null) expect(run("import", "--undo", String(report.batchId)).status).toBe(0);
    expect(run("ingest", file, "--bogus").status).toBe(2);
  });
});
