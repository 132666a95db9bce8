// npm run bench:org [-- --positions N --runs N --pure --split --db postgresql://…]
//
// Org-chart latency for one big company (10,000 positions by default), on deterministic synthetic data:
//  - pure cases: snapshot() and diff() from lib/domain/org-chart.ts, the functions the page, the API and the
//    SVG export call (target: p95 < 100 ms);
//  - api cases: the same plus what GET /api/companies/[slug]/org(/diff) does around them — the Prisma
//    queries of lib/data/org.ts on a throwaway database built for the bench (SQLite, or with
//    --db postgresql://… a database created on that server and dropped afterwards), and the JSON — for context;
//  - the drawing (layout + SVG string), for context.
// Prints one JSON line per case and a Markdown table (paste into docs/benchmarks-org.md and the README).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildOrgChart } from "@/components/org/build-chart";
import { diffJson, queryOrgChart, snapshotJson } from "@/lib/data/org";
import { createDb } from "@/lib/db-factory";
import { diff, indexOrg, snapshot, type OrgEvent, type OrgPosition } from "@/lib/domain/org-chart";
import { partialDate, type PartialDate } from "@/lib/domain/partial-date";
import type { EventKind } from "@/lib/domain/vocabulary";
import { benchDb, type TableRows } from "./bench-db";
import { flag, stringFlag } from "./flags";
import { seededRandom } from "./random";

const POSITIONS = flag("positions", 10_000);
const RUNS = flag("runs", 60);
const WARMUP = 10;
const TARGET_P95_MS = 100;
/** `--db postgresql://…` runs the api cases there; a SQLite `--db FILE` is the browse bench's, so ignored. */
const DB_FLAG = stringFlag("db");
const TARGET_DB = DB_FLAG && /^postgres(ql)?:\/\//.test(DB_FLAG) ? DB_FLAG : undefined;

// ---- deterministic synthetic company -------------------------------------------------------------------

// the same company on every run, so figures are comparable
const { rand, int } = seededRandom(0x0c4a27);
const pad = (n: number) => String(n).padStart(2, "0");

/** A date between 2010 and 2024 at a realistic mix of precisions: mostly days and months, some years and ranges. */
function randomDate(after = "2010-01-01"): PartialDate {
  const base = Math.max(Date.parse(after), Date.parse("2010-01-01"));
  const day = new Date(base + int((Date.parse("2024-12-31") - base) / 86_400_000 + 1) * 86_400_000);
  const y = day.getUTCFullYear();
  const m = pad(day.getUTCMonth() + 1);
  const r = rand();
  if (r < 0.6) return partialDate(day.toISOString().slice(0, 10));
  if (r < 0.85) return partialDate(`${y}-${m}`);
  if (r < 0.95) return partialDate(`${y}`);
  return partialDate(`${y}-${m}/${Math.min(y + 1, 2024)}`);
}

interface Synthetic {
  positions: OrgPosition[];
  events: OrgEvent[];
}

/** ~8,000 people, some promoted once (two positions); a realistic hierarchy; leaves, returns and departures. */
function syntheticCompany(count: number): Synthetic {
  const positions: OrgPosition[] = [];
  const events: OrgEvent[] = [];
  let personId = 0;
  let eventId = 0;
  let claimId = 0;
  const event = (pid: number, kind: EventKind, date: PartialDate | null): OrgEvent => {
    const e: OrgEvent = { id: ++eventId, personId: pid, kind, date, destination: null, claims: [] };
    for (let c = 0; c <= int(2); c++) e.claims.push({ id: ++claimId, sourceId: 1 + int(200) });
    events.push(e);
    return e;
  };
  while (positions.length < count) {
    const id = ++personId;
    const person = { id, name: `Person ${id}`, slug: `person-${id}` };
    // managers are mostly early hires: a deep-ish tree with a wide base
    const reportsTo = id > 1 && rand() < 0.95 ? { id: 1 + Math.floor(rand() ** 2 * (id - 1)), name: "", slug: "" } : null;
    const unknownStart = rand() < 0.03;
    let start: PartialDate | null = unknownStart ? null : randomDate();
    const promoted = rand() < 0.25 && positions.length + 1 < count;
    for (let k = 0; k < (promoted ? 2 : 1); k++) {
      const opening = start ? event(id, k === 0 ? "joined" : "role_changed", start) : null;
      // a tenure with no known start is only known from its end (a departure), as in derivePositions
      const ends = (k === 0 && promoted) || !start || rand() < 0.3 ? randomDate(start?.latest) : null;
      const ids = opening ? [opening.id] : [];
      if (rand() < 0.05) {
        const leave = event(id, "leave_started", randomDate(start?.latest));
        ids.push(leave.id);
        if (rand() < 0.5) ids.push(event(id, "returned", randomDate(leave.date!.latest)).id);
      }
      if (ends && !(k === 0 && promoted)) ids.push(event(id, "departed", ends).id);
      positions.push({
        id: positions.length + 1,
        person,
        title: `${k === 0 ? "Engineer" : "Senior engineer"} ${id % 50}`,
        roleCategory: "engineering",
        team: null,
        start,
        end: ends,
        reportsTo: reportsTo && reportsTo.id !== id ? { ...reportsTo, name: `Person ${reportsTo.id}`, slug: `person-${reportsTo.id}` } : null,
        eventIds: ids,
      });
      start = ends;
      if (!start) break;
    }
  }
  return { positions, events };
}

// ---- the same company in a database, for the api cases -----------------------------------------------------

function companyTables(data: Synthetic): TableRows[] {
  const now = new Date().toISOString();
  const people = new Map(data.positions.map((p) => [p.person.id, p.person]));
  const cols = (d: PartialDate | null) => [d?.text ?? null, d?.precision ?? null, d?.earliest ?? null, d?.latest ?? null];
  return [
    { table: "Company", columns: ["id", "slug", "name", "createdAt"], rows: [[1, "bench-co", "Bench Co", now]] },
    { table: "Person", columns: ["id", "slug", "name", "createdAt"], rows: [...people.values()].map((p) => [p.id, p.slug, p.name, now]) },
    {
      table: "Source",
      columns: ["id", "title", "dedupKey", "language", "kind", "createdAt"],
      rows: Array.from({ length: 200 }, (_, i) => [i + 1, `Source ${i + 1}`, `bench-source-${i + 1}`, "en", "article", now]),
    },
    {
      table: "Event",
      columns: [
        "id",
        "personId",
        "companyId",
        "kind",
        "dateText",
        "datePrecision",
        "dateEarliest",
        "dateLatest",
        "sortDate",
        "status",
        "claimCount",
        "sourceCount",
        "createdAt",
        "updatedAt",
      ],
      rows: data.events.map((e) => [e.id, e.personId, 1, e.kind, ...cols(e.date), e.date?.earliest ?? "", "reported", e.claims.length, 1, now, now]),
    },
    {
      table: "Claim",
      columns: ["id", "eventId", "sourceId", "dedupKey", "excerpt", "kind", "createdAt"],
      rows: data.events.flatMap((e) => e.claims.map((c) => [c.id, e.id, c.sourceId, `bench-claim-${c.id}`, "excerpt", e.kind, now])),
    },
    {
      table: "Position",
      columns: [
        "id",
        "personId",
        "companyId",
        "title",
        "roleCategory",
        "startText",
        "startPrecision",
        "startEarliest",
        "startLatest",
        "endText",
        "endPrecision",
        "endEarliest",
        "endLatest",
        "reportsToPersonId",
      ],
      rows: data.positions.map((p) => [p.id, p.person.id, 1, p.title, p.roleCategory, ...cols(p.start), ...cols(p.end), p.reportsTo?.id ?? null]),
    },
    { table: "PositionEvent", columns: ["positionId", "eventId"], rows: data.positions.flatMap((p) => p.eventIds.map((id) => [p.id, id])) },
  ];
}

// ---- timing ----------------------------------------------------------------------------------------------

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (n: number) => Math.round(n * 100) / 100;
let DAYS: string[] = [];

/**
 * Wall-clock latency, and the CPU time this process spent (user + system): on a shared machine the wall
 * clock also counts waiting for a core, the CPU time does not. The target applies to the wall clock.
 */
async function time(run: (i: number) => unknown | Promise<unknown>) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await run(i);
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    if (i >= WARMUP) {
      wall.push(t1 - t0);
      cpu.push((c1.user + c1.system) / 1000);
    }
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: round(percentile(wall, 50)),
    p95: round(percentile(wall, 95)),
    max: round(wall.at(-1)!),
    cpuP50: round(percentile(cpu, 50)),
    cpuP95: round(percentile(cpu, 95)),
  };
}
type Timing = Awaited<ReturnType<typeof time>>;

async function main() {
  const data = syntheticCompany(POSITIONS);
  // drawn after the company, so the company is the same whatever --runs says
  DAYS = Array.from({ length: RUNS + WARMUP }, () => randomDate("2012-01-01").earliest);
  const people = new Set(data.positions.map((p) => p.person.id)).size;
  const sizes = {
    positions: data.positions.length,
    people,
    events: data.events.length,
    claims: data.events.reduce((n, e) => n + e.claims.length, 0),
  };
  console.log(JSON.stringify({ dataset: sizes, runs: RUNS, warmup: WARMUP, node: process.version, cpus: os.cpus().length, loadavg: os.loadavg() }));

  const pair = (i: number) => [DAYS[i], DAYS[(i * 7 + 3) % DAYS.length]].sort() as [string, string];
  const rows: Row[] = [];
  const record = (name: string, targeted: boolean, t: Timing, nodes?: number) => {
    rows.push({ name, targeted, ...t, nodes });
    console.log(JSON.stringify({ case: name, ...t, ...(targeted ? { targetP95Ms: TARGET_P95_MS, meetsTarget: t.p95 < TARGET_P95_MS } : {}), nodes }));
  };

  let nodes = 0;
  record("snapshot (pure)", true, await time((i) => (nodes = snapshot(data.positions, data.events, DAYS[i]).nodes.length)), nodes);
  let changes = 0;
  record(
    "diff: two snapshots + diff (pure)",
    true,
    await time((i) => {
      const [from, to] = pair(i);
      const index = indexOrg(data.positions, data.events);
      changes = diff(snapshot(index, null, from), snapshot(index, null, to)).changes.length;
    }),
  );
  console.log(JSON.stringify({ note: "last diff listed", changes }));
  const index = indexOrg(data.positions, data.events);
  const snapshots = DAYS.map((_, i) => pair(i).map((day) => snapshot(index, null, day)));
  record("diff only, snapshots given (pure)", true, await time((i) => diff(snapshots[i][0], snapshots[i][1])));

  if (process.argv.includes("--split")) {
    // where the diff case's time goes, for tuning
    record("  index only", false, await time(() => indexOrg(data.positions, data.events)));
    const idx = indexOrg(data.positions, data.events);
    record("  snapshot on a built index", false, await time((i) => snapshot(idx, null, DAYS[i])));
  }
  if (process.argv.includes("--pure")) return summarize(rows, sizes, people);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "departures-bench-org-"));
  const bench = benchDb(TARGET_DB ?? path.join(dir, "org.db"), `departures_bench_org_${POSITIONS}`);
  await bench.build(companyTables(data));
  console.log(JSON.stringify({ database: { provider: bench.provider, where: bench.where } }));
  const db = createDb(bench.url);
  try {
    await queryOrgChart(db, "bench-co");
    // as the routes read since ADR 0076's update: the tenures of the days drawn, the change days apart
    record(
      "GET /org work: query of the day + snapshot + JSON",
      false,
      await time(async (i) => {
        const loaded = (await queryOrgChart(db, "bench-co", { mode: "snapshot", at: DAYS[i] }))!;
        const index = indexOrg(loaded.positions, loaded.events, loaded.changeDays);
        return JSON.stringify(snapshotJson(loaded, snapshot(index, null, DAYS[i])));
      }),
    );
    record(
      "GET /org/diff work: query of both days + diff + JSON",
      false,
      await time(async (i) => {
        const [from, to] = pair(i);
        const loaded = (await queryOrgChart(db, "bench-co", { mode: "diff", from, to }))!;
        const index = indexOrg(loaded.positions, loaded.events, loaded.changeDays);
        return JSON.stringify(diffJson(loaded, diff(snapshot(index, null, from), snapshot(index, null, to))));
      }),
    );
    record(
      "  (before: the whole history read for a snapshot)",
      false,
      await time(async (i) => {
        const loaded = (await queryOrgChart(db, "bench-co", { mode: "all" }))!;
        return JSON.stringify(snapshotJson(loaded, snapshot(loaded.positions, loaded.events, DAYS[i])));
      }),
    );
    const loaded = (await queryOrgChart(db, "bench-co"))!;
    record("drawing: snapshot + layout + SVG string", false, await time((i) => buildOrgChart(loaded, { mode: "snapshot", at: DAYS[i] }).svg.length));
  } finally {
    await db.$disconnect();
    await bench.close();
    if (!process.env.KEEP_BENCH_DB) await bench.remove();
    else console.log(JSON.stringify({ keptDatabase: bench.where }));
    fs.rmSync(dir, { recursive: true, force: true });
  }

  summarize(rows, sizes, people);
}

type Row = Timing & { name: string; targeted: boolean; nodes?: number };
function summarize(rows: Row[], sizes: { positions: number }, people: number) {
  const failures = rows.filter((r) => r.targeted && r.p95 >= TARGET_P95_MS);
  console.log(
    `\n| case (${sizes.positions.toLocaleString("en")} positions, ${people.toLocaleString("en")} people) | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms | target |`,
  );
  console.log("| --- | ---: | ---: | ---: | ---: | --- |");
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.p50} | ${r.p95} | ${r.cpuP50} | ${r.cpuP95} | ${r.targeted ? (r.p95 < TARGET_P95_MS ? "p95 < 100 ms ✓" : "p95 < 100 ms ✗") : "context"} |`,
    );
  console.log(
    `\nload average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")} on ${os.cpus().length} CPUs`,
  );
  console.log(
    JSON.stringify({ summary: { targeted: rows.filter((r) => r.targeted).length, failing: failures.length, target: `p95 < ${TARGET_P95_MS} ms` } }),
  );
  if (failures.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
