// tsx scripts/bench/side-by-side.ts SQLITE.out POSTGRES.out: one Markdown table of two bench:events runs
// (their JSON lines, saved with `npm run bench:events > FILE`), case by case, for the README.
import fs from "node:fs";

interface CaseLine {
  case: string;
  params: string;
  total: number;
  findEvents: { p50: number; p95: number };
  rawSql: { p50: number; p95: number };
  meetsTarget: boolean;
}

const read = (file: string): CaseLine[] =>
  fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.startsWith('{"case"'))
    .map((l) => JSON.parse(l) as CaseLine);

const [sqliteFile, postgresFile] = process.argv.slice(2);
if (!sqliteFile || !postgresFile) {
  console.error("usage: tsx scripts/bench/side-by-side.ts SQLITE.out POSTGRES.out");
  process.exit(2);
}
const sqlite = read(sqliteFile);
const postgres = new Map(read(postgresFile).map((c) => [c.case, c]));
const cell = (c: CaseLine | undefined) =>
  c ? `${c.findEvents.p50} / ${c.findEvents.p95} | ${c.rawSql.p50} / ${c.rawSql.p95} | ${c.meetsTarget ? "yes" : "**no**"}` : "– | – | –";
console.log(
  "| case | total matches | SQLite findEvents p50 / p95 | SQLite raw SQL p50 / p95 | met | PostgreSQL findEvents p50 / p95 | PostgreSQL raw SQL p50 / p95 | met |",
);
console.log("| --- | ---: | ---: | ---: | :---: | ---: | ---: | :---: |");
for (const c of sqlite) {
  const pg = postgres.get(c.case);
  const total =
    pg && pg.total !== c.total ? `${c.total.toLocaleString("en")} (PostgreSQL: ${pg.total.toLocaleString("en")})` : c.total.toLocaleString("en");
  console.log(`| ${c.case} | ${total} | ${cell(c)} | ${cell(pg)} |`);
}
