// npm run db:schemas: write prisma/postgresql/schema.prisma from prisma/schema.prisma (committed; see
// lib/db/schemas.ts). `--check` exits 1 when the committed file is out of date instead of writing it.
import fs from "node:fs";
import path from "node:path";
import { SCHEMA_PATHS } from "@/lib/db/paths";
import { postgresSchemaFrom } from "@/lib/db/schemas";

const want = postgresSchemaFrom(fs.readFileSync(SCHEMA_PATHS.sqlite, "utf8"));
const have = fs.existsSync(SCHEMA_PATHS.postgresql) ? fs.readFileSync(SCHEMA_PATHS.postgresql, "utf8") : null;
const rel = path.relative(process.cwd(), SCHEMA_PATHS.postgresql);
if (process.argv.includes("--check")) {
  if (have !== want) {
    console.error(`${rel} is out of date: run npm run db:schemas`);
    process.exit(1);
  }
} else if (have !== want) {
  fs.mkdirSync(path.dirname(SCHEMA_PATHS.postgresql), { recursive: true });
  fs.writeFileSync(SCHEMA_PATHS.postgresql, want);
  console.log(`Wrote ${rel}`);
}
