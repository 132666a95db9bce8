import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATION_DIRS, SCHEMA_PATHS } from "@/lib/db/paths";
import { postgresSchemaFrom, schemaStructure } from "@/lib/db/schemas";

// The two providers must describe one database: prisma/postgresql/schema.prisma is generated from
// prisma/schema.prisma, and every migration exists for both (ADR 0033).
const sqlite = fs.readFileSync(SCHEMA_PATHS.sqlite, "utf8");
const postgres = fs.readFileSync(SCHEMA_PATHS.postgresql, "utf8");

const { provider: _sqliteProvider, ...sqliteModel } = schemaStructure(sqlite);
const { provider: _postgresProvider, ...postgresModel } = schemaStructure(postgres);

function runtimeDataModel(client: string) {
  const text = fs.readFileSync(path.join("generated", client, "internal", "class.ts"), "utf8");
  const literal = text.match(/runtimeDataModel = JSON\.parse\(("(?:[^"\\]|\\.)*")\)/)?.[1];
  if (!literal) throw new Error(`no runtimeDataModel in generated/${client}: run npm run db:generate`);
  return JSON.parse(JSON.parse(literal));
}

describe("the SQLite and PostgreSQL schemas", () => {
  it("name their providers", () => {
    expect(schemaStructure(sqlite).provider).toBe("sqlite");
    expect(schemaStructure(postgres).provider).toBe("postgresql");
  });

  it("have the same models, fields, attributes, indexes and enums", () => {
    expect(Object.keys(postgresModel.models).sort()).toEqual(Object.keys(sqliteModel.models).sort());
    for (const [name, model] of Object.entries(sqliteModel.models)) {
      expect(postgresModel.models[name], name).toEqual(model);
    }
    expect(postgresModel.enums).toEqual(sqliteModel.enums);
  });

  it("the committed PostgreSQL schema is the one generated from the current SQLite schema (npm run db:schemas)", () => {
    expect(postgres).toBe(postgresSchemaFrom(sqlite));
  });

  it("the two generated clients have the same data model (npm run db:generate)", () => {
    expect(runtimeDataModel("prisma-postgresql")).toEqual(runtimeDataModel("prisma"));
  });

  it("every migration exists for both providers, under the same name", () => {
    const names = (dir: string) =>
      fs
        .readdirSync(dir)
        .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")))
        .sort();
    expect(names(MIGRATION_DIRS.postgresql)).toEqual(names(MIGRATION_DIRS.sqlite));
    for (const name of names(MIGRATION_DIRS.sqlite)) {
      const post = (dir: string) => fs.existsSync(path.join(dir, name, "post-migrate.json"));
      expect(post(MIGRATION_DIRS.postgresql), `${name}/post-migrate.json`).toBe(post(MIGRATION_DIRS.sqlite));
    }
  });

  it("the structure comparison notices a changed field, index or enum (so the test above can fail)", () => {
    const base = schemaStructure(sqlite);
    const field = schemaStructure(sqlite.replace(/(model Event \{[\s\S]*?\n\s*role\s+)String\?/, "$1String"));
    const index = schemaStructure(sqlite.replace("@@index([personId])", "@@index([personId, id])"));
    const enumText = "\nenum Extra {\n  a\n  b\n}\n";
    expect(field.models).not.toEqual(base.models);
    expect(index.models).not.toEqual(base.models);
    expect(schemaStructure(sqlite + enumText).enums).not.toEqual(schemaStructure(sqlite + enumText.replace("b\n", "c\n")).enums);
    // comments and alignment are not structure
    expect(schemaStructure(sqlite.replace(/\/\/\/[^\n]*\n/g, "\n").replace(/ {2,}/g, " ")).models).toEqual(base.models);
  });
});

describe("the committed migrations", () => {
  it("have no statements left to port by hand (TODO(port) from db:migration --twin)", () => {
    for (const provider of ["sqlite", "postgresql"] as const) {
      for (const dir of fs.readdirSync(MIGRATION_DIRS[provider])) {
        const file = path.join(MIGRATION_DIRS[provider], dir, "migration.sql");
        if (fs.existsSync(file)) expect(fs.readFileSync(file, "utf8").includes("TODO(port)"), file).toBe(false);
      }
    }
  });
});
