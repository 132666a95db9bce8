// npm run bench:pages [-- --db FILE|postgresql://… --runs N --port N --reuse --rebuild --no-readme]
//
// Server time of the pages people open, at scale and on the seed data: serves the production build
// (`next start`) twice, once on the benchmark database (500,000 events, built by bench-db.ts from
// events-data.ts exactly as bench:events builds it, its tenures derived by derive-tenures.ts; --reuse
// keeps one already built) and once on a database holding the seed dataset (`npm run setup`), requests
// each page N times on both (alternating, after a warm-up), and prints p50/p95 for both and their ratio.
// Two rows ask the org chart for a different day (or pair of days) on every request, none asked before on
// either server: what a company's tenure memo has not seen (lib/data/tenure-memo.ts), i.e. the first view
// of a day, or any view after a write at the company.
// Target: p95 under 150 ms at scale and within 2x of the seed database. The figures go into README.md
// between the `bench:pages:<provider>` markers (--no-readme leaves it alone).
//
// PostgreSQL: `--db postgresql://user@host:port/any` (or BENCH_DATABASE_URL) creates both databases on that
// server (departures_bench_events_500000, shared with bench:events, and departures_bench_pages_seed).
// The build goes to NEXT_DIST_DIR (default .next-bench-pages) and is reused unless --rebuild; the servers
// listen on --port and --port+1 (default 3570, 3571).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Prisma } from "@/generated/prisma/client";
import { migrate } from "@/lib/db/migrate";
import { createDb } from "@/lib/db-factory";
import { benchDb, type BenchDb } from "./bench-db";
import { deriveTenures } from "./derive-tenures";
import { syntheticTables } from "./events-data";
import { flag, stringFlag } from "./flags";
import { createDatabase, withDatabase } from "../../tests/helpers/pg-admin";
import { removeDatabase } from "../../tests/helpers/migrations";

const SIZES = { people: 100_000, companies: 2_000, events: 500_000, claims: 1_000_000 };
const RUNS = flag("runs", 20);
const WARMUP = 3;
const TARGET_P95_MS = 150;
const TARGET_RATIO = 2;
const PORT = flag("port", 3570);
const REUSE = process.argv.includes("--reuse");
const DIST = process.env.NEXT_DIST_DIR || ".next-bench-pages";
const TARGET = stringFlag("db") ?? process.env.BENCH_DATABASE_URL ?? path.join(os.tmpdir(), "departures-bench", `events-${SIZES.events}.db`);
const onPostgres = /^postgres(ql)?:\/\//.test(TARGET);

const { sql } = Prisma;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (ms: number) => Math.round(ms * 10) / 10;
const log = (...args: unknown[]) => console.error(...args);

// ---- databases --------------------------------------------------------------------------------------------

async function scaleDatabase(): Promise<BenchDb> {
  const bench = benchDb(TARGET, `departures_bench_events_${SIZES.events}`);
  if (REUSE && (await bench.hasData())) {
    log(`reusing the benchmark database ${bench.where}; applying any newer migrations…`);
    await migrate(bench.url, { log: (m) => log(`  ${m}`) });
  } else {
    log(`building the benchmark database ${bench.where} (minutes)…`);
    await bench.build(syntheticTables(SIZES));
  }
  // bulk-loaded without tenures: derived as the write path derives them, so the org charts have people
  const client = createDb(bench.url);
  try {
    const [{ n }] = await client.$queryRaw<{ n: number | bigint }[]>(sql`SELECT COUNT(*) AS n FROM "Position"`);
    if (Number(n) === 0) log(`deriving the tenures (minutes)… ${await deriveTenures(client, log)} tenures`);
  } finally {
    await client.$disconnect();
  }
  return bench;
}

/** The seed dataset in a database of its own, loaded by `npm run setup` as a user's first run does. */
async function seedDatabase(): Promise<string> {
  let url: string;
  if (onPostgres) {
    url = withDatabase(TARGET, "departures_bench_pages_seed");
    await createDatabase(TARGET, "departures_bench_pages_seed");
  } else {
    const file = path.join(path.dirname(path.resolve(TARGET.replace(/^file:/, ""))), "pages-seed.db");
    removeDatabase(file);
    url = `file:${file}`;
  }
  log("loading the seed dataset…");
  execFileSync("npx", ["tsx", "scripts/setup.ts"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DATABASE_URL: url } });
  return url;
}

// ---- the production build and its servers --------------------------------------------------------------

function build() {
  if (!process.argv.includes("--rebuild") && fs.existsSync(path.join(DIST, "BUILD_ID"))) return log(`reusing the build in ${DIST}`);
  log(`next build → ${DIST}…`);
  // a custom distDir makes next build add its types folder to tsconfig.json: put the file back afterwards
  const tsconfig = fs.readFileSync("tsconfig.json", "utf8");
  try {
    execFileSync("npx", ["next", "build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_DIST_DIR: DIST } });
  } finally {
    fs.writeFileSync("tsconfig.json", tsconfig);
  }
}

/** `next start` on `port`, resolved once it answers HTTP (its health check may say a post-migrate step is
 * pending: the bench's bulk-loaded events are already what that step would compute). */
async function serve(url: string, port: number, servers: ChildProcess[]): Promise<void> {
  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: url, NEXT_DIST_DIR: DIST, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  servers.push(server);
  for (let i = 0; i < 240; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/api/health`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`next start on port ${port} did not answer in 2 minutes`);
}

const stop = (server: ChildProcess) => {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
};

// ---- the pages ------------------------------------------------------------------------------------------

interface Page {
  name: string;
  /** the path, or the path of each request (a day not asked before: what a company's tenure memo has not seen) */
  path: string | ((request: number) => string);
}

/** A different day for each request, 61 days apart from 2016-01-01 on (the synthetic history runs 2000–2025): none asked before. */
const nthDay = (n: number, plusDays = 0) => new Date(Date.UTC(2016, 0, 1 + n * 61 + plusDays)).toISOString().slice(0, 10);
const pathOf = (page: Page, request: number) => (typeof page.path === "string" ? page.path : page.path(request));

/** The same pages on either database: the largest company (by events), one of its people and its newest event. */
async function pagesOf(bench: BenchDb): Promise<Page[]> {
  const one = async <T>(s: Prisma.Sql) => (await bench.run<T>(s))[0];
  const company = await one<{ id: number; slug: string }>(
    sql`SELECT c.id, c.slug FROM "Company" c WHERE c.id = (SELECT "companyId" FROM "Event" GROUP BY "companyId" ORDER BY COUNT(*) DESC, "companyId" LIMIT 1)`,
  );
  const event = await one<{ id: number; personId: number }>(
    sql`SELECT id, "personId" FROM "Event" WHERE "companyId" = ${company.id} AND status <> 'retracted' ORDER BY "sortDate" DESC, id DESC LIMIT 1`,
  );
  const person = await one<{ slug: string }>(sql`SELECT slug FROM "Person" WHERE id = ${event.personId}`);
  const slug = encodeURIComponent(company.slug);
  return [
    { name: "timeline `/`", path: "/" },
    { name: "timeline filtered by the largest company", path: `/?company=${slug}` },
    { name: "company page (largest company)", path: `/companies/${slug}` },
    { name: "person page", path: `/people/${encodeURIComponent(person.slug)}` },
    { name: "event page", path: `/events/${Number(event.id)}` },
    { name: "org chart at a date (largest company)", path: `/companies/${slug}/org?at=2020-06-30` },
    { name: "org chart diff (largest company)", path: `/companies/${slug}/org?from=2019-06-30&to=2020-06-30` },
    { name: "org chart at a day not asked before (largest company)", path: (n) => `/companies/${slug}/org?at=${nthDay(n)}` },
    {
      name: "org chart diff of days not asked before (largest company)",
      path: (n) => `/companies/${slug}/org?from=${nthDay(n, 30)}&to=${nthDay(n, 395)}`,
    },
    { name: "`/feed.xml`", path: "/feed.xml" },
  ];
}

async function timeOne(port: number, pagePath: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}${pagePath}`);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${pagePath} answered ${res.status}`);
  return performance.now() - t0;
}

// ---- the README ---------------------------------------------------------------------------------------------

function writeReadme(provider: string, caption: string, table: string[]) {
  const file = "README.md";
  const text = fs.readFileSync(file, "utf8");
  const begin = `<!-- bench:pages:${provider} -->`;
  const end = `<!-- /bench:pages:${provider} -->`;
  const block = `${begin}\n${caption}\n\n${table.join("\n")}\n${end}`;
  const at = text.indexOf(begin);
  if (at < 0) throw new Error(`README.md has no ${begin} … ${end} block (in "Pages at scale") to write the figures into`);
  fs.writeFileSync(file, text.slice(0, at) + block + text.slice(text.indexOf(end) + end.length));
  log(`figures written into README.md (${provider})`);
}

// ---- main ---------------------------------------------------------------------------------------------------

async function main() {
  const bench = await scaleDatabase();
  const seedUrl = await seedDatabase();
  const seed = benchDb(onPostgres ? TARGET : seedUrl, "departures_bench_pages_seed");
  build();
  const servers: ChildProcess[] = [];
  const cleanup = () => servers.forEach(stop);
  process.on("SIGINT", () => {
    cleanup();
    process.exit(130);
  });
  try {
    await serve(bench.url, PORT, servers);
    await serve(seedUrl, PORT + 1, servers);
    const [scalePages, seedPages] = await Promise.all([pagesOf(bench), pagesOf(seed)]);
    const table = [
      "| page | at 500,000 events p50 / p95 (ms) | seed p50 / p95 (ms) | ratio p95 | target met |",
      "| --- | ---: | ---: | ---: | :---: |",
    ];
    let met = 0;
    for (let i = 0; i < scalePages.length; i++) {
      const times = { scale: [] as number[], seed: [] as number[] };
      for (let run = 0; run < WARMUP + RUNS; run++) {
        // alternate which server goes first, so neither always meets a busier moment
        for (const side of run % 2 ? (["seed", "scale"] as const) : (["scale", "seed"] as const)) {
          const ms = await timeOne(side === "scale" ? PORT : PORT + 1, pathOf(side === "scale" ? scalePages[i] : seedPages[i], run));
          if (run >= WARMUP) times[side].push(ms);
        }
      }
      const stats = (xs: number[]) => {
        const s = [...xs].sort((a, b) => a - b);
        return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)) };
      };
      const a = stats(times.scale);
      const b = stats(times.seed);
      const ratio = Math.round((a.p95 / Math.max(b.p95, 0.1)) * 100) / 100;
      const ok = a.p95 < TARGET_P95_MS && ratio <= TARGET_RATIO;
      if (ok) met++;
      console.log(JSON.stringify({ page: scalePages[i].name, path: pathOf(scalePages[i], 0), scale: a, seed: b, ratioP95: ratio, meetsTarget: ok }));
      table.push(`| ${scalePages[i].name} | ${a.p50} / ${a.p95} | ${b.p50} / ${b.p95} | ${ratio} | ${ok ? "yes" : "**no**"} |`);
    }
    const day = new Date().toISOString().slice(0, 10);
    const caption =
      `${bench.provider === "sqlite" ? "SQLite" : "PostgreSQL"}, measured ${day}: ${RUNS} requests per page on each server after ${WARMUP} warm-up ` +
      `requests, time to the last byte on 127.0.0.1; ${met} of ${scalePages.length} pages meet the target; ` +
      `load average ${Math.round(os.loadavg()[0] * 10) / 10} on ${os.cpus().length} CPUs at the end.`;
    console.log(`\n${caption}\n`);
    for (const line of table) console.log(line);
    if (!process.argv.includes("--no-readme")) writeReadme(bench.provider, caption, table);
  } finally {
    cleanup();
    await bench.close();
    await seed.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
