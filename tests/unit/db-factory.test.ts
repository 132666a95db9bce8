import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDb, providerOf, providerOfUrl, SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db-factory";
import { migrate } from "@/lib/db/migrate";
import { useTestDb } from "../helpers/test-db";

const { db, provider } = useTestDb();

describe("createDb", () => {
  it("knows its provider, also inside a transaction", async () => {
    expect(providerOf(db)).toBe(provider);
    expect(await db.$transaction(async (tx) => providerOf(tx))).toBe(provider);
    expect(providerOfUrl("file:./x.db")).toBe("sqlite");
    expect(providerOfUrl("postgresql://u@h/db")).toBe("postgresql");
    expect(providerOfUrl("postgres://u@h/db")).toBe("postgresql");
    expect(() => providerOfUrl("mysql://u@h/db")).toThrow(/file: URL \(SQLite\) or a postgresql:\/\/ URL/);
  });

  it.runIf(provider === "sqlite")("SQLite connections run in WAL mode with a 30 s busy timeout", async () => {
    expect(await db.$queryRawUnsafe("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    expect(await db.$queryRawUnsafe("PRAGMA busy_timeout")).toEqual([{ timeout: BigInt(SQLITE_BUSY_TIMEOUT_MS) }]);
  });

  it.runIf(provider === "sqlite")(
    "a SQLite write transaction that reads first waits for another process's write instead of failing",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "departures-busy-"));
      const file = path.join(dir, "busy.db");
      await migrate(`file:${file}`);
      const flag = path.join(dir, "holding");
      // another process (a CLI ingest, say) holds the write lock for 2 s
      const holder = spawn(process.execPath, [
        "-e",
        `const D = require("better-sqlite3"); const s = new D(${JSON.stringify(file)});
         s.exec("BEGIN IMMEDIATE"); s.prepare('INSERT INTO "Company" ("slug", "name") VALUES (?, ?)').run("cli", "CLI");
         require("fs").writeFileSync(${JSON.stringify(flag)}, "1"); setTimeout(() => s.exec("COMMIT"), 2000);`,
      ]);
      const exited = new Promise((resolve) => holder.on("exit", resolve));
      const web = createDb(`file:${file}`);
      await web.$connect();
      await web.company.count();
      while (!fs.existsSync(flag)) await new Promise((r) => setTimeout(r, 20));
      const started = Date.now();
      await web.$transaction(async (tx) => {
        const n = await tx.company.count();
        await tx.company.create({ data: { slug: `web-${n}`, name: "Web" } });
      });
      expect(Date.now() - started).toBeGreaterThan(1000);
      expect((await web.company.findMany({ orderBy: { id: "asc" } })).map((c) => c.slug)).toEqual(["cli", "web-1"]);
      await exited;
      await web.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    30_000,
  );
});
