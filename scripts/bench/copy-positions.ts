// tsx scripts/bench/copy-positions.ts SQLITE_FILE POSTGRES_URL
//
// Copies the derived tenures (Position, PositionEvent) of a SQLite benchmark database into the PostgreSQL
// benchmark database built from the same synthetic events (bench-db.ts builds both from events-data.ts, so
// their event ids agree; checked on a sample before copying). Both are bulk-loaded without tenures; the
// SQLite one gets them from `npm run db:migrate`'s post-migrate recompute (tens of minutes). Copying them
// lets `npm run bench:pages -- --db postgresql://…` measure the org charts of the same 10,000-person company.
import Database from "better-sqlite3";
import pg from "pg";

const [file, url] = process.argv.slice(2);
if (!file || !url) {
  console.error("usage: tsx scripts/bench/copy-positions.ts SQLITE_FILE POSTGRES_URL");
  process.exit(2);
}
const POSITION = [
  "id",
  "personId",
  "companyId",
  "title",
  "roleCategory",
  "scope",
  "team",
  "startText",
  "startPrecision",
  "startEarliest",
  "startLatest",
  "endText",
  "endPrecision",
  "endEarliest",
  "endLatest",
  "reportsToPersonId",
];
const LINK = ["positionId", "eventId"];
const CHUNK = 2_000;

async function main() {
  const sqlite = new Database(file, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sample = sqlite.prepare(`SELECT id, "personId", "companyId", kind FROM "Event" WHERE id % 9973 = 1 ORDER BY id`).all() as Record<
      string,
      unknown
    >[];
    const theirs = (await client.query(`SELECT id, "personId", "companyId", kind::text AS kind FROM "Event" WHERE id % 9973 = 1 ORDER BY id`)).rows;
    if (sample.length === 0 || JSON.stringify(sample) !== JSON.stringify(theirs))
      throw new Error("the two databases do not hold the same events: not copying");
    await client.query("BEGIN");
    await client.query(`DELETE FROM "Position"`);
    for (const [table, columns] of [
      ["Position", POSITION],
      ["PositionEvent", LINK],
    ] as const) {
      const rows = sqlite
        .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(", ")} FROM "${table}" ORDER BY 1, 2`)
        .raw()
        .all() as unknown[][];
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(", ")})`).join(", ");
        // VALUES of bound parameters are text: each column cast to its type
        const casts: Record<string, string> =
          table === "Position"
            ? {
                id: "int",
                personId: "int",
                companyId: "int",
                reportsToPersonId: "int",
                roleCategory: '"RoleCategory"',
                scope: '"Scope"',
                startPrecision: '"DatePrecision"',
                endPrecision: '"DatePrecision"',
              }
            : { positionId: "int", eventId: "int" };
        const select = columns.map((c) => (casts[c] ? `"${c}"::${casts[c]}` : `"${c}"`)).join(", ");
        await client.query(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${select} FROM (VALUES ${values}) v(${columns.map((c) => `"${c}"`).join(", ")})`,
          chunk.flat(),
        );
      }
      console.log(`${table}: ${rows.length} rows`);
    }
    await client.query(`SELECT setval(pg_get_serial_sequence('"Position"', 'id'), (SELECT MAX(id) FROM "Position"))`);
    await client.query("COMMIT");
    await client.query(`ANALYZE "Position"; ANALYZE "PositionEvent"`);
  } finally {
    await client.end();
    sqlite.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
