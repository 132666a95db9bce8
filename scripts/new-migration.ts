// npm run db:migration -- NAME: write prisma/migrations/NNNN_NAME/migration.sql for the schema changes
// since the last commit. `prisma migrate dev` and `migrate diff --from-migrations` need a shadow database,
// which the offline JS engine cannot create (P3006), so we diff the committed schema against the working one.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- some_name   (lower case, digits, underscores)");
  process.exit(2);
}
const dir = path.join("prisma", "migrations");
const next = fs.readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).length + 1;
const committed = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "schema-")), "schema.prisma");
fs.writeFileSync(committed, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", "--from-schema-datamodel", committed, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8" },
);
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.error("prisma/schema.prisma has no changes since the last commit: no migration written");
  process.exit(1);
}
const target = path.join(dir, `${String(next).padStart(4, "0")}_${name}`);
fs.mkdirSync(target);
fs.writeFileSync(path.join(target, "migration.sql"), sql);
console.log(`Wrote ${target}/migration.sql; review it, then commit it with the schema.`);
