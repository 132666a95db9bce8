// npm run export -- --format json|csv [--out FILE] [--bom]: every event with its claims (--bom: a UTF-8 byte
// order mark before a CSV, for Excel).
import fs from "node:fs";
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db-factory";
import { allEvents } from "@/lib/export/export-events";
import { EVENT_CSV_HEADER, UTF8_BOM, eventCsvRows } from "@/lib/export/event-csv";

async function main() {
  const { values } = parseArgs({
    options: { format: { type: "string", default: "json" }, out: { type: "string" }, bom: { type: "boolean" } },
    strict: true,
  });
  if (values.format !== "json" && values.format !== "csv") {
    console.error(`--format must be json or csv, not "${values.format}"`);
    process.exit(2);
  }
  const out = values.out ? fs.createWriteStream(values.out) : process.stdout;
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once("drain", resolve)));
  const db = createDb();
  let n = 0;
  if (values.format === "csv") {
    await write((values.bom ? UTF8_BOM : "") + EVENT_CSV_HEADER);
    for await (const e of allEvents(db)) {
      await write(eventCsvRows(e));
      n++;
    }
  } else {
    await write('{"events":[');
    for await (const e of allEvents(db)) await write((n++ ? ",\n" : "\n") + JSON.stringify(e));
    await write("\n]}\n");
  }
  await db.$disconnect();
  if (values.out) {
    await new Promise((resolve) => (out as fs.WriteStream).end(resolve));
    console.error(`Wrote ${n} events to ${values.out}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
