// npm run bench:events [-- --people N --companies N --events N --claims N --runs N --db FILE|postgresql://… --reuse]
//
// Builds a synthetic dataset (events-data.ts) in a throwaway database (bench-db.ts; never the app's): a
// SQLite file by default or with --db FILE, or with --db postgresql://… a database it creates on that
// server. Then, for typical browse requests, times the code GET /api/events runs (parseEventQuery →
// findEvents → eventToJson → JSON) against the very same SQL statements run directly on the driver
// (better-sqlite3 or pg) and post-processed the same way, and prints one JSON line per case with p50/p95
// in milliseconds, then a Markdown table. Both sides must return the same event ids, or the case fails.
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Prisma } from "@/generated/prisma/client";
import { createDb } from "@/lib/db-factory";
import { eventToJson } from "@/lib/data/event-json";
import { browseWith, findEvents, resolveWith, type Run } from "@/lib/data/find-events";
import { loadSql, parseLoaded } from "@/lib/data/load-events";
import { dialectFor, type Dialect } from "@/lib/data/sql/dialect";
import { encodeCursor, parseEventQuery, type EventQuery } from "@/lib/validation/event-filters";
import { benchDb } from "./bench-db";
import { syntheticTables } from "./events-data";
import { flag, stringFlag } from "./flags";

// ---- options ---------------------------------------------------------------------------------------

const SIZES = {
  people: flag("people", 100_000),
  companies: flag("companies", 2_000),
  events: flag("events", 500_000),
  claims: flag("claims", 1_000_000),
};
SIZES.claims = Math.max(SIZES.claims, SIZES.events); // every event rests on at least one claim
const RUNS = flag("runs", 40);
const WARMUP = 5;
const TARGET_P95_MS = 50;
/** Below this gap a p95 ratio measures timer and GC noise more than work: a few ms either way. */
const NOISE_MS = 5;
const TARGET = `findEvents p95 < ${TARGET_P95_MS} ms, p50 <= 2x raw SQL, and p95 <= 2x raw SQL or within ${NOISE_MS} ms of it`;
const TARGET_DB = stringFlag("db") ?? path.join(os.tmpdir(), "departures-bench", `events-${SIZES.events}.db`);
const REUSE = process.argv.includes("--reuse");

// ---- the raw-SQL baseline -------------------------------------------------------------------------------

/**
 * The very statements findEvents issues (resolve, count, page, load), run directly on the driver and
 * post-processed by the same functions: the difference between the two sides is the client's overhead.
 */
async function rawRequest(run: Run, d: Dialect, query: EventQuery) {
  const page = await browseWith(run, d, await resolveWith(run, d, query), query);
  const events = page.ids.length ? parseLoaded(await run<{ json: string }>(loadSql(d, page.ids)), page.ids) : [];
  const body = JSON.stringify({ events: events.map(eventToJson), nextCursor: page.nextCursor && encodeCursor(page.nextCursor), total: page.total });
  return { ids: page.ids, total: page.total, bytes: body.length };
}

// ---- timing ---------------------------------------------------------------------------------------------

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (ms: number) => Math.round(ms * 100) / 100;

const { sql, raw } = Prisma;

async function main() {
  const started = performance.now();
  const bench = benchDb(TARGET_DB, `departures_bench_events_${SIZES.events}`);
  const reused = REUSE && (await bench.hasData());
  if (!reused) await bench.build(syntheticTables(SIZES));
  const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
  const d = dialectFor(bench.provider);
  const run = bench.run;
  const one = async <T>(s: Prisma.Sql) => (await run<T>(s))[0];
  const count = async (table: string) => Number((await one<{ n: number | string }>(sql`SELECT COUNT(*) AS n FROM ${raw(`"${table}"`)}`)).n);
  console.log(
    JSON.stringify({
      build: {
        provider: bench.provider,
        database: bench.where,
        reused,
        seconds: buildSeconds,
        people: await count("Person"),
        companies: await count("Company"),
        events: await count("Event"),
        claims: await count("Claim"),
        cpus: os.cpus().length,
        node: process.version,
        // other work on the machine inflates p95: the 1-minute load average is printed with the figures
        loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
      },
    }),
  );

  const db = createDb(bench.url);
  const bigCompany = (
    await one<{ slug: string }>(
      sql`SELECT c.slug FROM "Company" c WHERE c.id = (SELECT "companyId" FROM "Event" GROUP BY "companyId" ORDER BY COUNT(*) DESC, "companyId" LIMIT 1)`,
    )
  ).slug;
  const midCompany = (await one<{ slug: string }>(sql`SELECT slug FROM "Company" WHERE id = ${Math.max(1, Math.floor(SIZES.companies / 10))}`)).slug;
  const destination = (
    await one<{ slug: string }>(sql`SELECT c.slug FROM "Company" c WHERE c.id = (SELECT "destinationId" FROM "Event" WHERE "destinationId" IS NOT NULL
    GROUP BY "destinationId" ORDER BY COUNT(*) DESC, "destinationId" LIMIT 1 OFFSET 5)`)
  ).slug;
  const someoneId = 3 * Math.floor(SIZES.people / 7);
  const someone = (await one<{ name: string }>(sql`SELECT name FROM "PersonAlias" WHERE "personId" = ${someoneId} ORDER BY id`)).name;
  const someoneKana = (await one<{ name: string }>(sql`SELECT name FROM "PersonAlias" WHERE "personId" = ${someoneId} ORDER BY id DESC`)).name;
  const lastName = someone.split(" ")[1];
  const bigCompanyId = (await one<{ id: number }>(sql`SELECT id FROM "Company" WHERE slug = ${bigCompany}`)).id;
  const deep = async (offset: number, company?: number) => {
    const r = await one<{ sortDate: string; id: number } | undefined>(sql`SELECT "sortDate", id FROM "Event" WHERE status <> 'retracted'
      ${company ? sql`AND "companyId" = ${company}` : Prisma.empty} ORDER BY "sortDate" DESC, id DESC LIMIT 1 OFFSET ${offset}`);
    return r ? encodeCursor({ sort: "newest", key: [r.sortDate, Number(r.id)] }) : "";
  };
  const personCursor = await (async () => {
    const r = await one<{ name: string; pid: number; sortDate: string; id: number }>(sql`
      SELECT p.name, p.id AS pid, e."sortDate" AS "sortDate", e.id FROM "Event" e JOIN "Person" p ON p.id = e."personId" WHERE e.status <> 'retracted'
      ORDER BY ${d.byName(sql`p.name`)}, p.id, e."sortDate", e.id LIMIT 1 OFFSET ${Math.floor(SIZES.events * 0.6)}`);
    return encodeCursor({ sort: "person", key: [r.name, Number(r.pid), r.sortDate, Number(r.id)] });
  })();

  const cases: [string, string][] = [
    ["first page, no filter", ""],
    ["company + role + date range", `company=${bigCompany}&role=research&from=2015&to=2022-06`],
    ["company + role + date range (mid-size company)", `company=${midCompany}&role=engineering&from=2010-03&to=2020`],
    ["destination", `destination=${destination}`],
    ["destination: founded their own", "destination=~founded"],
    ["departed, destination unknown, one year", "kind=departed&destination=~unknown&from=2021&to=2021"],
    ["alias search, Latin full name", `q=${encodeURIComponent(someone)}`],
    ["alias search, katakana", `q=${encodeURIComponent(someoneKana)}`],
    ["alias search, last name only", `q=${encodeURIComponent(lastName.toLowerCase())}`],
    ["role only", "role=research"],
    ["date range only (half a year)", "from=2020-01&to=2020-06"],
    ["free-text title", "title=chief&kind=departed"],
    // a title search where the other filter is the selective one, and one too short for the trigram index
    ["free-text title, mid-size company", `title=chief&company=${midCompany}`],
    ["free-text title, two letters", "title=vp&kind=departed"],
    ["deep cursor (60% in), no filter", `cursor=${await deep(Math.floor(SIZES.events * 0.6))}`],
    ["deep cursor (95% in), no filter", `cursor=${await deep(Math.floor(SIZES.events * 0.95))}`],
    ["deep cursor, company filter", `company=${bigCompany}&cursor=${await deep(Math.floor(SIZES.events * 0.02), bigCompanyId)}`],
    ["sorted by person, first page", "sort=person"],
    ["sorted by person, deep cursor", `sort=person&cursor=${personCursor}`],
  ];

  let failures = 0;
  const table: string[] = [];
  for (const [name, params] of cases) {
    const parsed = parseEventQuery(new URLSearchParams(params));
    if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.fieldErrors)}`);
    const query = parsed.query;
    const api = async () => {
      const page = await findEvents(db, query);
      const body = JSON.stringify({
        events: page.events.map(eventToJson),
        nextCursor: page.nextCursor && encodeCursor(page.nextCursor),
        total: page.total,
      });
      return { ids: page.events.map((e) => e.id), total: page.total, bytes: body.length };
    };
    const rawSql = () => rawRequest(run, d, query);
    const times = { findEvents: [] as number[], rawSql: [] as number[] };
    let last: Awaited<ReturnType<typeof api>> | null = null;
    let lastRaw: Awaited<ReturnType<typeof rawSql>> | null = null;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      // alternate which side runs first so neither always finds a warmer cache
      for (const side of i % 2 ? (["rawSql", "findEvents"] as const) : (["findEvents", "rawSql"] as const)) {
        const t0 = performance.now();
        if (side === "findEvents") last = await api();
        else lastRaw = await rawSql();
        if (i >= WARMUP) times[side].push(performance.now() - t0);
      }
    }
    const same = JSON.stringify(last!.ids) === JSON.stringify(lastRaw!.ids);
    const stats = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)) };
    };
    const f = stats(times.findEvents);
    const r = stats(times.rawSql);
    const ok = same && f.p95 < TARGET_P95_MS && f.p50 <= 2 * r.p50 && (f.p95 <= 2 * r.p95 || f.p95 - r.p95 < NOISE_MS);
    if (!ok) failures++;
    const shown = params.includes("cursor=") ? params.replace(/cursor=[^&]*/, "cursor=…") : params || "(none)";
    table.push(
      `| ${name} | \`${decodeURIComponent(shown)}\` | ${last!.ids.length} | ${last!.total.toLocaleString("en")} | ${f.p50} / ${f.p95} | ${r.p50} / ${r.p95} | ` +
        `${round(f.p50 / Math.max(r.p50, 0.01))} / ${round(f.p95 / Math.max(r.p95, 0.01))} | ${ok ? "yes" : "**no**"} |`,
    );
    console.log(
      JSON.stringify({
        case: name,
        params: decodeURIComponent(params).slice(0, 120),
        events: SIZES.events,
        rows: last!.ids.length,
        total: last!.total,
        findEvents: f,
        rawSql: r,
        ratioP50: round(f.p50 / Math.max(r.p50, 0.01)),
        ratioP95: round(f.p95 / Math.max(r.p95, 0.01)),
        sameIds: same,
        meetsTarget: ok,
      }),
    );
  }
  await db.$disconnect();
  await bench.close();
  console.log(`\n${bench.provider}, ${SIZES.events.toLocaleString("en")} events:\n`);
  console.log("| case | params | rows | total matches | findEvents p50 / p95 (ms) | raw SQL p50 / p95 (ms) | ratio p50 / p95 | target met |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | :---: |");
  for (const line of table) console.log(line);
  console.log(
    JSON.stringify({
      summary: {
        provider: bench.provider,
        cases: cases.length,
        meetingTarget: cases.length - failures,
        target: TARGET,
        runsPerCase: RUNS,
        loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
      },
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
