// npm run bench:import [-- --records 10000 --db postgresql://… --writes 1]
// Imports a synthetic dataset of N records (people at 40 companies; departures, some with destinations,
// every record a citation claim by a tracker citing an article; tags) into a fresh database through the
// real importer, and meanwhile sends single web-style writes (ingestClaim, as the form does) every 250 ms.
// Prints claims per second and the web writes' latency. Figures go into the README ("Import throughput").
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db-factory";
import { migrate } from "@/lib/db/migrate";
import { systemActor } from "@/lib/ingest/actor";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { claimInputSchema } from "@/lib/validation/claim";
import { importDataset } from "@/lib/import/import-dataset";
import type { ImportRecord, ParsedDataset } from "@/lib/import/record";
import { flag, stringFlag } from "./flags";
import { seededRandom } from "./random";
import { createDatabase, dropDatabase, withDatabase } from "../../tests/helpers/pg-admin";

const N = flag("records", 10_000);
const random = seededRandom(7);
const pick = <T>(xs: T[]) => xs[random.int(xs.length)];
const COMPANIES = Array.from({ length: 40 }, (_, i) => `Lab ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ""}`);
const TAGS = ["safety-culture", "governance", "compensation", "policy", "research-direction"];

function records(n: number): ParsedDataset {
  const out: ImportRecord[] = [];
  for (let i = 0; i < n; i++) {
    const name = `Person ${i} Benchmark`;
    const month = String(1 + (i % 12)).padStart(2, "0");
    out.push({
      ref: { index: i },
      externalId: `bench-${i}`,
      claim: {
        source: {
          title: `Tracker profile ${i}`,
          publisher: "Bench Tracker",
          language: "en",
          kind: "dataset",
          cites: [{ url: `https://news.example/${i}`, title: `${name} leaves` }],
        },
        excerpt: `${name} left ${COMPANIES[i % 40]} in ${2020 + (i % 5)}-${month}.`,
        person: { name, aliases: [] },
        company: { name: COMPANIES[i % 40], aliases: [] },
        kind: "departed",
        date: `${2020 + (i % 5)}-${month}`,
        ...(i % 3 === 0 ? { destination: { name: pick(COMPANIES), aliases: [] } } : {}),
        tags: [pick(TAGS)],
        recordStatus: "verified",
      },
    });
  }
  return { format: "departures", records: out, rejected: [], people: [], companies: [], meta: {} };
}

const quantile = (xs: number[], q: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] : NaN);

async function main() {
  const target = stringFlag("db");
  let url: string;
  let cleanup: () => Promise<void>;
  if (target && /^postgres/.test(target)) {
    const name = `bench_import_${process.pid}`;
    await createDatabase(target, name);
    url = withDatabase(target, name);
    cleanup = () => dropDatabase(target, name);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
    url = `file:${path.join(dir, "bench.db")}`;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  await migrate(url, { log: () => {} });
  const db = createDb(url);
  const dataset = records(N);

  const latencies: number[] = [];
  let failures = 0;
  let running = true;
  const writer = (async () => {
    for (let i = 0; running; i++) {
      const started = performance.now();
      try {
        await ingestClaim(
          db,
          claimInputSchema.parse({
            source: { title: `Web article ${i}`, publisher: "Web", language: "en", kind: "article" },
            excerpt: `Web Writer ${i} resigned.`,
            person: { name: `Web Writer ${i}`, aliases: [] },
            company: { name: "Web Co", aliases: [] },
            kind: "departed",
          }),
          systemActor("test"),
        );
        latencies.push(performance.now() - started);
      } catch {
        failures++;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();

  const started = performance.now();
  const report = await importDataset(db, dataset, {
    format: "departures",
    dataset: "bench",
    version: "1",
    fileSha256: "0".repeat(64),
    actor: systemActor("import"),
  });
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await writer;
  const claims = report.claims.added;
  console.log(`| provider | records | claims added | seconds | claims/s | web writes during import | web write p50 / p95 / max (ms) | failed |`);
  console.log(`| --- | --- | --- | --- | --- | --- | --- | --- |`);
  console.log(
    `| ${url.startsWith("file:") ? "SQLite" : "PostgreSQL"} | ${N} | ${claims} | ${seconds.toFixed(1)} | ${Math.round(claims / seconds)} | ${latencies.length} | ${quantile(latencies, 0.5).toFixed(0)} / ${quantile(latencies, 0.95).toFixed(0)} / ${Math.max(...latencies).toFixed(0)} | ${failures} |`,
  );
  await db.$disconnect();
  await cleanup();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
