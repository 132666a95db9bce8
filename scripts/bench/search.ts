// npm run bench:search [-- --people N --runs N --db FILE|postgresql://… --reuse]
//
// Times the one name search (lib/search searchNames, as GET /api/search runs it, through Prisma) at
// 100,000 people (a third also written in katakana) and 2,000 companies, built in a throwaway database
// (bench-db.ts; never the app's) with the synthetic names of events-data.ts plus a few real names. For
// each query it prints p50/p95 in milliseconds and the first result, and fails when the person meant is
// not ranked first or a p95 is over the target.
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDb } from "@/lib/db-factory";
import { normalizeName, slugify } from "@/lib/domain/names";
import { dialectOf } from "@/lib/data/sql/dialect";
import { runner } from "@/lib/search/run";
import { searchNames, type SearchType } from "@/lib/search/search";
import { benchDb, type TableRows } from "./bench-db";
import { syntheticTables } from "./events-data";
import { flag, stringFlag } from "./flags";

const PEOPLE = flag("people", 100_000);
const RUNS = flag("runs", 50);
const WARMUP = 5;
const TARGET_P95_MS = 50;
const TARGET_DB = stringFlag("db") ?? path.join(os.tmpdir(), "departures-bench", `search-${PEOPLE}.db`);
const REUSE = process.argv.includes("--reuse");

/** Real names added to the synthetic ones, with the spellings Japanese sources use. */
const REAL: [string, string[]][] = [
  ["Ilya Sutskever", ["イリヤ・サツケヴァー"]],
  ["Andrej Karpathy", ["アンドレイ・カルパシー"]],
  ["Mira Murati", ["ミラ・ムラティ"]],
];

/** [query, type, the name that must rank first (null: anything, or nothing)] */
const CASES: [string, SearchType, string | null][] = [
  ["Sutskevar", "all", "Ilya Sutskever"],
  ["Karpaty", "all", "Andrej Karpathy"],
  ["Murati Mira", "all", "Mira Murati"],
  ["karpathy andrej", "all", "Andrej Karpathy"],
  ["サツケバー", "all", "Ilya Sutskever"],
  ["スツケヴァー", "all", "Ilya Sutskever"],
  ["Mira Murati", "person", "Mira Murati"],
  ["ka", "all", null],
  ["kasumi", "person", null],
  ["Tanaharu Kosumi", "person", null],
  ["カスミ", "person", null],
  ["qxzv wqrt", "all", null],
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (ms: number) => Math.round(ms * 100) / 100;

function tables(): TableRows[] {
  const synthetic = syntheticTables({ people: PEOPLE, companies: 2_000, events: 2_000, claims: 2_000 });
  const people = synthetic.find((t) => t.table === "Person")!;
  const aliases = synthetic.find((t) => t.table === "PersonAlias")!;
  const now = new Date().toISOString();
  const realPeople = REAL.map(([name], i) => [PEOPLE + 1 + i, slugify(name), name, now]);
  const realAliases = REAL.flatMap(([name, others], i) => [name, ...others].map((n) => [PEOPLE + 1 + i, n, normalizeName(n)]));
  people.rows = [...people.rows, ...realPeople];
  aliases.rows = [...aliases.rows, ...realAliases];
  return synthetic;
}

async function main() {
  const bench = benchDb(TARGET_DB, `departures_bench_search_${PEOPLE}`);
  const started = performance.now();
  const reused = REUSE && (await bench.hasData());
  if (!reused) await bench.build(tables());
  console.log(
    JSON.stringify({
      build: {
        provider: bench.provider,
        database: bench.where,
        reused,
        seconds: round((performance.now() - started) / 1000),
        people: PEOPLE + REAL.length,
      },
    }),
  );
  const db = createDb(bench.url);
  const run = runner(db);
  const d = dialectOf(db);
  const rows: string[] = [];
  let failed = false;
  for (const [q, type, expected] of CASES) {
    const times: number[] = [];
    let first = "";
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t = performance.now();
      const results = await searchNames(run, d, q, { type, limit: 10 });
      if (i >= WARMUP) times.push(performance.now() - t);
      first = results[0] ? `${results[0].name} (${results[0].reason}${results[0].distance ? ` ${results[0].distance}` : ""})` : "—";
    }
    times.sort((a, b) => a - b);
    const p50 = round(percentile(times, 50));
    const p95 = round(percentile(times, 95));
    const ok = p95 < TARGET_P95_MS && (expected === null || first.startsWith(`${expected} (`));
    failed ||= !ok;
    console.log(JSON.stringify({ q, type, p50, p95, first, ok }));
    rows.push(`| \`${q}\` | ${type} | ${p50} | ${p95} | ${first} | ${ok ? "yes" : "**no**"} |`);
  }
  const load = os.loadavg()[0].toFixed(1);
  console.log(
    `\nsearchNames at ${PEOPLE + REAL.length} people, ${bench.provider}, ${RUNS} runs, load average ${load} on ${os.cpus().length} CPUs (target: p95 < ${TARGET_P95_MS} ms, the person meant first)\n`,
  );
  console.log("| query | type | p50 ms | p95 ms | first result | ok |\n|---|---|---|---|---|---|");
  console.log(rows.join("\n"));
  await db.$disconnect();
  await bench.close();
  if (failed) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
