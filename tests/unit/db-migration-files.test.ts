import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  END_MARKER,
  handWrittenStatements,
  MigrationFileError,
  migrationText,
  nextMigrationNumber,
  writeMigrationFile,
} from "@/lib/db/migration-files";

// `npm run db:migration` keeps hand-written SQL when it regenerates a migration (scripts/new-migration.ts).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "departures-migration-files-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("migration files", () => {
  it("regenerating keeps what was written below the marker, and replaces what is above it", () => {
    const file = path.join(tmp, "a.sql");
    writeMigrationFile(file, "postgresql", "Schema change since HEAD", 'ALTER TABLE "Source" ADD COLUMN "a" TEXT;');
    fs.appendFileSync(file, `UPDATE "Source" SET "a" = 'x';\n`);
    writeMigrationFile(file, "postgresql", "Schema change since HEAD", 'ALTER TABLE "Source" ADD COLUMN "a" TEXT, ADD COLUMN "b" TEXT;');
    const text = fs.readFileSync(file, "utf8");
    expect(text).toContain('ADD COLUMN "b" TEXT;');
    expect(text.split(END_MARKER)).toHaveLength(2);
    expect(text.split(END_MARKER)[1]).toBe(`\nUPDATE "Source" SET "a" = 'x';\n`);
    expect(text.split(END_MARKER)[0]).not.toContain("UPDATE");
  });

  it("refuses to overwrite a file without the marker (someone's own SQL)", () => {
    const file = path.join(tmp, "b.sql");
    fs.writeFileSync(file, "CREATE TABLE mine (id INTEGER);\n");
    expect(() => writeMigrationFile(file, "sqlite", "x", "SELECT 1;")).toThrow(MigrationFileError);
    expect(fs.readFileSync(file, "utf8")).toBe("CREATE TABLE mine (id INTEGER);\n");
  });

  it("finds the hand-written statements of a SQLite migration, wherever they were put", () => {
    const generated = '-- CreateTable\nCREATE TABLE "A" ("id" INTEGER);\n\n-- CreateIndex\nCREATE INDEX "A_id_idx" ON "A"("id");\n';
    const committed =
      '-- CreateTable\nCREATE TABLE "A" ("id" INTEGER);\n-- Data: copy before the index\nINSERT INTO "A" SELECT "id" FROM "Old";\n' +
      `CREATE INDEX "A_id_idx" ON "A"("id");\n\n${END_MARKER}\nCREATE TRIGGER "t" AFTER INSERT ON "A" BEGIN SELECT 1; END;\n`;
    expect(handWrittenStatements(committed, generated)).toBe(
      'INSERT INTO "A" SELECT "id" FROM "Old";\nCREATE TRIGGER "t" AFTER INSERT ON "A" BEGIN SELECT 1; END;',
    );
    expect(handWrittenStatements(migrationText("sqlite", "x", generated), generated)).toBe("");
  });

  it("numbers a new migration after the highest of either provider", () => {
    const a = path.join(tmp, "sqlite");
    const b = path.join(tmp, "postgresql");
    for (const d of [a + "/0001_x", a + "/0002_y", b + "/0001_x", b + "/0003_z"]) fs.mkdirSync(d, { recursive: true });
    expect(nextMigrationNumber([a, b])).toBe("0004");
    expect(nextMigrationNumber([path.join(tmp, "none")])).toBe("0001");
  });
});
