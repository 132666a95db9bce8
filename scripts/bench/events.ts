// npm run bench:events [-- --people N --companies N --events N --claims N --runs N --db FILE --reuse]
//
// Builds a synthetic dataset in its own SQLite file (never the app's database): the committed migrations,
// then raw better-sqlite3 inserts in one transaction per table. Then, for typical browse requests, times
// the code GET /api/events runs (parseEventQuery → findEvents → eventToJson → JSON) against the same SQL
// run directly on better-sqlite3 with a hand-written hydration, and prints one JSON line per case with
// p50/p95 in milliseconds. Both sides must return the same event ids, or the case fails.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { createDb } from "@/lib/db-factory";
import { eventToJson } from "@/lib/data/event-json";
import { browseWith, findEvents, resolveWith } from "@/lib/data/find-events";
import { loadSql, parseLoaded } from "@/lib/data/load-events";
import { dialectFor } from "@/lib/data/sql/dialect";
import type { Prisma } from "@/generated/prisma/client";
import { normalizeName, slugify } from "@/lib/domain/names";
import { partialDate } from "@/lib/domain/partial-date";
import { EVENT_KINDS, ROLE_CATEGORIES } from "@/lib/domain/vocabulary";
import { encodeCursor, parseEventQuery, type EventQuery } from "@/lib/validation/event-filters";
import { createMigratedDatabase } from "../../tests/helpers/migrations";
import { seededRandom } from "./random";

// ---- options ---------------------------------------------------------------------------------------

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} needs a positive whole number`);
  return n;
}
const stringFlag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

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
const FILE = path.resolve(stringFlag("db") ?? path.join(os.tmpdir(), "departures-bench", `events-${SIZES.events}.db`));
const REUSE = process.argv.includes("--reuse");

// ---- deterministic synthetic data --------------------------------------------------------------------

// the same dataset on every run, so figures are comparable
const { rand, int } = seededRandom(0x5eed);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
/** Zipf-like: a few large companies hold most events, as in real data. */
const skewed = (n: number) => Math.min(n - 1, Math.floor(n * rand() ** 3));

// Names built from syllables that have a katakana spelling, so katakana aliases are real alternatives.
const SYLLABLES: [string, string][] = [
  ["ka", "カ"], ["ki", "キ"], ["ku", "ク"], ["ke", "ケ"], ["ko", "コ"], ["sa", "サ"], ["shi", "シ"], ["su", "ス"],
  ["se", "セ"], ["so", "ソ"], ["ta", "タ"], ["chi", "チ"], ["tsu", "ツ"], ["te", "テ"], ["to", "ト"], ["na", "ナ"],
  ["ni", "ニ"], ["nu", "ヌ"], ["ne", "ネ"], ["no", "ノ"], ["ha", "ハ"], ["hi", "ヒ"], ["fu", "フ"], ["he", "ヘ"],
  ["ho", "ホ"], ["ma", "マ"], ["mi", "ミ"], ["mu", "ム"], ["me", "メ"], ["mo", "モ"], ["ya", "ヤ"], ["yu", "ユ"],
  ["yo", "ヨ"], ["ra", "ラ"], ["ri", "リ"], ["ru", "ル"], ["re", "レ"], ["ro", "ロ"], ["wa", "ワ"], ["da", "ダ"],
];
function word(min: number, max: number): [string, string] {
  const parts = Array.from({ length: min + int(max - min + 1) }, () => pick(SYLLABLES));
  const latin = parts.map((p) => p[0]).join("");
  return [latin[0].toUpperCase() + latin.slice(1), parts.map((p) => p[1]).join("")];
}
const COMPANY_SUFFIX = ["Labs", "AI", "Systems", "Robotics", "Research", "Bio", "Cloud", "Dynamics"];
const ROLES: Record<string, string[]> = {
  executive: ["CEO", "CTO", "CFO", "COO", "President"],
  research: ["Research Scientist", "Chief Scientist", "VP of Research", "Research Lead"],
  engineering: ["Software Engineer", "Engineering Manager", "VP of Engineering", "Technical Lead"],
  product: ["Product Manager", "Head of Product", "Chief Product Officer"],
  safety_policy: ["Safety Researcher", "Head of Policy", "Alignment Lead"],
  operations: ["VP of People", "Head of Operations", "Chief of Staff"],
  board: ["Board Member", "Board Chair"],
  founder: ["Co-founder", "Founding Member"],
};

/** A partial date between 2000 and 2025 at a realistic mix of precisions; null = unknown. */
function randomDate(): ReturnType<typeof partialDate> | null {
  const r = rand();
  if (r < 0.05) return null;
  const year = 2000 + int(26);
  const month = String(1 + int(12)).padStart(2, "0");
  if (r < 0.45) return partialDate(`${year}-${month}-${String(1 + int(28)).padStart(2, "0")}`);
  if (r < 0.75) return partialDate(`${year}-${month}`);
  if (r < 0.8) return partialDate(`${year}-Q${1 + int(4)}`);
  if (r < 0.95) return partialDate(`${year}`);
  return partialDate(`${year}/${Math.min(2025, year + 1)}`);
}

function build(file: string) {
  createMigratedDatabase(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -400000");
  const now = new Date().toISOString();
  const tx = (fn: () => void) => sqlite.transaction(fn)();
  // Bulk load without the secondary indexes, then recreate them from their own migration SQL: building an
  // index once, sorted, is several times faster than maintaining it through half a million random inserts.
  const indexes = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Event', 'Claim') AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);

  const companyWords: [string, string][] = [];
  tx(() => {
    const company = sqlite.prepare("INSERT INTO Company (id, slug, name, kind, createdAt) VALUES (?, ?, ?, 'company', ?)");
    const alias = sqlite.prepare("INSERT INTO CompanyAlias (companyId, name, key) VALUES (?, ?, ?)");
    for (let id = 1; id <= SIZES.companies; id++) {
      const [latin, kana] = word(2, 3);
      const suffix = pick(COMPANY_SUFFIX);
      const name = `${latin} ${suffix}`;
      companyWords.push([latin, kana]);
      company.run(id, `${slugify(name)}-${id}`, name, now);
      alias.run(id, name, normalizeName(name));
      if (id % 5 === 0) alias.run(id, kana, normalizeName(kana));
    }
  });

  tx(() => {
    const person = sqlite.prepare("INSERT INTO Person (id, slug, name, createdAt) VALUES (?, ?, ?, ?)");
    const alias = sqlite.prepare("INSERT INTO PersonAlias (personId, name, key) VALUES (?, ?, ?)");
    for (let id = 1; id <= SIZES.people; id++) {
      const [first, firstKana] = word(2, 3);
      const [last, lastKana] = word(2, 4);
      const name = `${first} ${last}`;
      person.run(id, `${slugify(name)}-${id}`, name, now);
      alias.run(id, name, normalizeName(name));
      // a third of people are also written in katakana, as Japanese sources do
      if (id % 3 === 0) alias.run(id, `${firstKana}・${lastKana}`, normalizeName(`${firstKana}・${lastKana}`));
    }
  });

  const sources = Math.max(1, Math.round(SIZES.claims / 50));
  tx(() => {
    const source = sqlite.prepare(
      "INSERT INTO Source (id, title, publisher, url, dedupKey, publishedText, publishedPrecision, language, kind, createdAt) VALUES (?, ?, ?, ?, ?, ?, 'year', ?, 'article', ?)",
    );
    for (let id = 1; id <= sources; id++) {
      const url = `https://news.example/${id}`;
      source.run(id, `Synthetic article ${id}`, `Publisher ${id % 300}`, url, `url:${url}`, String(2000 + (id % 26)), id % 4 === 0 ? "ja" : "en", now);
    }
  });

  // claims per event: one each, the rest spread at random
  const claimsPer = new Uint8Array(SIZES.events).fill(1);
  for (let i = SIZES.events; i < SIZES.claims; i++) {
    const e = int(SIZES.events);
    if (claimsPer[e] < 255) claimsPer[e]++;
  }

  const kinds = [...EVENT_KINDS];
  tx(() => {
    const event = sqlite.prepare(`INSERT INTO Event (id, personId, companyId, kind, role, roleCategory, dateText, datePrecision,
      dateEarliest, dateLatest, sortDate, destinationId, destinationRelation, status, claimCount, sourceCount, createdAt, updatedAt)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const claim = sqlite.prepare(`INSERT INTO Claim (eventId, sourceId, dedupKey, excerpt, kind, role, roleCategory, dateText,
      datePrecision, dateEarliest, dateLatest, destinationId, destinationRelation, state, createdAt)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    let claimId = 0;
    for (let id = 1; id <= SIZES.events; id++) {
      const r = rand();
      const kind = r < 0.55 ? "departed" : r < 0.75 ? "joined" : r < 0.8 ? "fired" : pick(kinds);
      const category = pick(ROLE_CATEGORIES);
      const role = pick(ROLES[category]);
      const date = randomDate();
      const leaves = kind === "departed" || kind === "fired";
      const hasDestination = leaves && rand() < 0.45;
      const destinationId = hasDestination ? 1 + skewed(SIZES.companies) : null;
      const relation = hasDestination ? (rand() < 0.12 ? "founded" : "joined") : null;
      const s = rand();
      const status = s < 0.02 ? "retracted" : s < 0.07 ? "disputed" : claimsPer[id - 1] > 1 ? "corroborated" : "reported";
      const n = claimsPer[id - 1];
      event.run(id, 1 + int(SIZES.people), 1 + skewed(SIZES.companies), kind, role, category, date?.text ?? null,
        date?.precision ?? null, date?.earliest ?? null, date?.latest ?? null, date?.earliest ?? "", destinationId, relation,
        status, status === "retracted" ? 0 : n, status === "retracted" ? 0 : n, now, now);
      for (let c = 0; c < n; c++) {
        claimId++;
        claim.run(id, 1 + int(sources), `bench:${claimId}`, `Synthetic excerpt ${claimId}: the ${role} ${kind} in ${date?.text ?? "an unknown year"}.`,
          kind, role, category, date?.text ?? null, date?.precision ?? null, date?.earliest ?? null, date?.latest ?? null,
          destinationId, relation, status === "retracted" ? "retracted" : "active", now);
      }
    }
  });
  for (const index of indexes) sqlite.exec(index.sql);
  sqlite.pragma("journal_mode = DELETE");
  sqlite.close();
}

// ---- the raw-SQL baseline -------------------------------------------------------------------------------

/**
 * The very statements findEvents issues (resolve, page, count, load), run directly on better-sqlite3 and
 * post-processed by the same functions: the difference between the two sides is the client's overhead.
 */
function rawRunner(sqlite: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  return <T>(s: Prisma.Sql): Promise<T[]> => {
    let st = statements.get(s.sql);
    if (!st) statements.set(s.sql, (st = sqlite.prepare(s.sql)));
    return Promise.resolve(st.all(...(s.values as unknown[])) as T[]);
  };
}

async function rawRequest(run: ReturnType<typeof rawRunner>, query: EventQuery) {
  const d = dialectFor("sqlite");
  const page = await browseWith(run, d, await resolveWith(run, d, query), query);
  const events = page.ids.length ? parseLoaded(await run<{ json: string }>(loadSql(d, page.ids)), page.ids) : [];
  const body = JSON.stringify({ events: events.map(eventToJson), nextCursor: page.nextCursor && encodeCursor(page.nextCursor), total: page.total });
  return { ids: page.ids, total: page.total, bytes: body.length };
}

// ---- timing ---------------------------------------------------------------------------------------------

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (ms: number) => Math.round(ms * 100) / 100;

async function main() {
  const started = performance.now();
  const reused = REUSE && fs.existsSync(FILE);
  if (!reused) build(FILE);
  const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
  const sqlite = new Database(FILE, { readonly: true });
  const count = (s: string) => (sqlite.prepare(s).get() as { n: number }).n;
  console.log(JSON.stringify({
    build: { file: FILE, reused, seconds: buildSeconds, people: count("SELECT COUNT(*) n FROM Person"), companies: count("SELECT COUNT(*) n FROM Company"),
      events: count("SELECT COUNT(*) n FROM Event"), claims: count("SELECT COUNT(*) n FROM Claim"), cpus: os.cpus().length, node: process.version,
      // other work on the machine inflates p95: the 1-minute load average is printed with the figures
      loadAverage: Math.round(os.loadavg()[0] * 100) / 100 },
  }));

  const db = createDb(`file:${FILE}`);
  const run = rawRunner(sqlite);
  const one = <T>(s: string, ...args: unknown[]) => sqlite.prepare(s).get(...args) as T;
  const bigCompany = one<{ slug: string }>("SELECT c.slug FROM Company c WHERE c.id = (SELECT companyId FROM Event GROUP BY companyId ORDER BY COUNT(*) DESC LIMIT 1)").slug;
  const midCompany = one<{ slug: string }>("SELECT slug FROM Company WHERE id = ?", Math.max(1, Math.floor(SIZES.companies / 10))).slug;
  const destination = one<{ slug: string }>("SELECT c.slug FROM Company c WHERE c.id = (SELECT destinationId FROM Event WHERE destinationId IS NOT NULL GROUP BY destinationId ORDER BY COUNT(*) DESC LIMIT 1 OFFSET 5)").slug;
  const someone = one<{ name: string }>("SELECT name FROM PersonAlias WHERE personId = ? ORDER BY id", 3 * Math.floor(SIZES.people / 7)).name;
  const someoneKana = one<{ name: string }>("SELECT name FROM PersonAlias WHERE personId = ? ORDER BY id DESC", 3 * Math.floor(SIZES.people / 7)).name;
  const lastName = someone.split(" ")[1];
  const deep = (offset: number, where = "status <> 'retracted'") => {
    const r = one<{ sortDate: string; id: number } | undefined>(`SELECT sortDate, id FROM Event WHERE ${where} ORDER BY sortDate DESC, id DESC LIMIT 1 OFFSET ?`, offset);
    return r ? encodeCursor({ sort: "newest", key: [r.sortDate, r.id] }) : "";
  };
  const bigCompanyId = one<{ id: number }>("SELECT id FROM Company WHERE slug = ?", bigCompany).id;
  const personCursor = (() => {
    const r = one<{ name: string; pid: number; sortDate: string; id: number }>(
      "SELECT p.name, p.id AS pid, e.sortDate, e.id FROM Event e JOIN Person p ON p.id = e.personId WHERE e.status <> 'retracted' ORDER BY p.name, p.id, e.sortDate, e.id LIMIT 1 OFFSET ?",
      Math.floor(SIZES.events * 0.6),
    );
    return encodeCursor({ sort: "person", key: [r.name, r.pid, r.sortDate, r.id] });
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
    ["deep cursor (60% in), no filter", `cursor=${deep(Math.floor(SIZES.events * 0.6))}`],
    ["deep cursor (95% in), no filter", `cursor=${deep(Math.floor(SIZES.events * 0.95))}`],
    ["deep cursor, company filter", `company=${bigCompany}&cursor=${deep(Math.floor(SIZES.events * 0.02), `status <> 'retracted' AND companyId = ${bigCompanyId}`)}`],
    ["sorted by person, first page", "sort=person"],
    ["sorted by person, deep cursor", `sort=person&cursor=${personCursor}`],
  ];

  let failures = 0;
  for (const [name, params] of cases) {
    const parsed = parseEventQuery(new URLSearchParams(params));
    if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.fieldErrors)}`);
    const query = parsed.query;
    const api = async () => {
      const page = await findEvents(db, query);
      const body = JSON.stringify({ events: page.events.map(eventToJson), nextCursor: page.nextCursor && encodeCursor(page.nextCursor), total: page.total });
      return { ids: page.events.map((e) => e.id), total: page.total, bytes: body.length };
    };
    const raw = () => rawRequest(run, query);
    const times = { findEvents: [] as number[], rawSql: [] as number[] };
    let last: Awaited<ReturnType<typeof api>> | null = null;
    let lastRaw: Awaited<ReturnType<typeof raw>> | null = null;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      // alternate which side runs first so neither always finds a warmer cache
      for (const side of i % 2 ? (["rawSql", "findEvents"] as const) : (["findEvents", "rawSql"] as const)) {
        const t0 = performance.now();
        if (side === "findEvents") last = await api();
        else lastRaw = await raw();
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
    console.log(JSON.stringify({
      case: name, params: decodeURIComponent(params).slice(0, 120), events: SIZES.events, rows: last!.ids.length, total: last!.total,
      findEvents: f, rawSql: r, ratioP50: round(f.p50 / Math.max(r.p50, 0.01)), ratioP95: round(f.p95 / Math.max(r.p95, 0.01)), sameIds: same, meetsTarget: ok,
    }));
  }
  await db.$disconnect();
  sqlite.close();
  console.log(JSON.stringify({ summary: { cases: cases.length, meetingTarget: cases.length - failures, target: TARGET, runsPerCase: RUNS, loadAverage: Math.round(os.loadavg()[0] * 100) / 100 } }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
