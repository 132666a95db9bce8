import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { byCodePoint } from "@/lib/data/sql/code-point-order";
import { dialectOf, likeContains } from "@/lib/data/sql/dialect";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();

// Names whose order differs between locales: accents, case, ß, CJK, an astral character.
const NAMES = ["Zeta Labs", "Émile Ōta", "alpha", "Alpha", "Ærø", "ßeta", "日本AI", "ｚ wide", "𝔘nicode", "Eastgate", "Ä"];

describe("name order", () => {
  it("is code-point order in the database, whatever its collation, and the same as byCodePoint", async () => {
    await db.company.createMany({ data: NAMES.map((name, i) => ({ name, slug: `order-${i}` })) });
    const d = dialectOf(db);
    const rows = await db.$queryRaw<{ name: string }[]>(
      Prisma.sql`SELECT name FROM "Company" WHERE slug LIKE 'order-%' ORDER BY ${d.byName(Prisma.sql`name`)}, id`,
    );
    const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0)!);
    const expected = [...NAMES].sort((a, b) => {
      const [x, y] = [codePoints(a), codePoints(b)];
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
      return x.length - y.length;
    });
    expect(rows.map((r) => r.name)).toEqual(expected);
    expect([...NAMES].sort(byCodePoint)).toEqual(expected);
  });
});

describe("likeContains", () => {
  it("takes LIKE's wildcards and its escape character literally", () => {
    expect(likeContains("100%")).toBe("%100\\%%");
    expect(likeContains("a_b\\c")).toBe("%a\\_b\\\\c%");
  });
});
