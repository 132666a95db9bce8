import { describe, expect, it } from "vitest";
import { companyPeople } from "@/lib/data/companies";
import { createDb } from "@/lib/db-factory";
import { systemActor } from "@/lib/ingest/actor";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { changeClaimState } from "@/lib/ingest/retract-claim";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db, url } = useTestDb();
const company = { name: "Harrowgate Systems", aliases: [] };

/** Claims through the one write path, so the tenures are the positions ingest derives. */
async function seed() {
  const say = (overrides: Parameters<typeof claimInput>[0]) => ingestClaim(db, claimInput({ company, roleCategory: "executive", ...overrides }));
  // removed and back within days: two tenures, the second open, so current (and never former)
  await say({ person: { name: "Sol Arden", aliases: [] }, kind: "joined", role: "CEO", date: "2019-03", excerpt: "Sol Arden became CEO" });
  await say({
    person: { name: "Sol Arden", aliases: [] },
    kind: "departed",
    manner: "removed_by_board",
    role: "CEO",
    date: "2023-11-17",
    excerpt: "The board removed Sol Arden",
  });
  await say({ person: { name: "Sol Arden", aliases: [] }, kind: "returned", role: "CEO", date: "2023-11-22", excerpt: "Sol Arden is back as CEO" });
  // two titles, then gone: former, once
  await say({ person: { name: "Mae Ostrow", aliases: [] }, kind: "joined", role: "CTO", date: "2018", excerpt: "Mae Ostrow joined as CTO" });
  await say({
    person: { name: "Mae Ostrow", aliases: [] },
    kind: "role_changed",
    role: "Interim CEO",
    date: "2023-11-17",
    excerpt: "Mae Ostrow is interim CEO",
  });
  await say({
    person: { name: "Mae Ostrow", aliases: [] },
    kind: "role_changed",
    role: "CTO",
    date: "2023-11-22",
    excerpt: "Mae Ostrow is CTO again",
  });
  await say({
    person: { name: "Mae Ostrow", aliases: [] },
    kind: "departed",
    manner: "resigned",
    role: "CTO",
    date: "2024-09",
    excerpt: "Mae Ostrow resigned",
  });
  // a board seat only: listed under the board, not as staff
  await say({
    person: { name: "Ivo Brandt", aliases: [] },
    kind: "joined",
    role: "Board member",
    roleCategory: "board",
    date: "2019",
    excerpt: "Ivo Brandt joined the board",
  });
  await say({
    person: { name: "Ivo Brandt", aliases: [] },
    kind: "departed",
    role: "Board member",
    roleCategory: "board",
    date: "2023-Q4",
    excerpt: "Ivo Brandt left the board",
  });
}

const names = (people: { name: string }[]) => people.map((p) => p.name);

describe("companyPeople", () => {
  it("counts each person once: current, former and board apart, with their tenures inside", async () => {
    await seed();
    const { id } = await db.company.findUniqueOrThrow({ where: { slug: "harrowgate-systems" } });
    const people = await companyPeople(db, id);
    expect(names(people.current)).toEqual(["Sol Arden"]);
    expect(names(people.former)).toEqual(["Mae Ostrow"]);
    expect(names(people.board)).toEqual(["Ivo Brandt"]);
    expect([people.currentCount, people.formerCount, people.boardCount]).toEqual([1, 1, 1]);
    expect(people.current[0].positions.length).toBeGreaterThan(1);
    expect(people.former[0].positions.map((p) => p.title)).toEqual(expect.arrayContaining(["CTO", "Interim CEO"]));
    expect(people.board[0].positions.every((p) => p.scope === "board")).toBe(true);
  });

  it("caps each list but not the counts", async () => {
    await seed();
    const { id } = await db.company.findUniqueOrThrow({ where: { slug: "harrowgate-systems" } });
    const people = await companyPeople(db, id, {}, 0);
    expect([people.current.length, people.currentCount]).toEqual([0, 1]);
  });

  it("reads each list a page at a time, in name order", async () => {
    await seed();
    const say = (name: string) =>
      ingestClaim(
        db,
        claimInput({
          person: { name, aliases: [] },
          company: { name: "Harrowgate Systems", aliases: [] },
          kind: "joined",
          role: "Engineer",
          date: "2022",
        }),
      );
    for (const name of ["Ana Bell", "Cal Dunn", "Eve Frost"]) await say(name);
    const { id } = await db.company.findUniqueOrThrow({ where: { slug: "harrowgate-systems" } });
    const first = await companyPeople(db, id, {}, 2);
    const second = await companyPeople(db, id, { current: 2 }, 2);
    const past = await companyPeople(db, id, { current: 9 }, 2);
    expect([names(first.current), names(second.current), names(past.current)]).toEqual([["Ana Bell", "Cal Dunn"], ["Eve Frost", "Sol Arden"], []]);
    expect([second.currentCount, second.first.current, first.first.current]).toEqual([4, 3, 1]);
    // walking everyone in name order (a large company's first pages) or sorting the members: the same pages
    for (const page of [1, 2, 3]) {
      const walked = await companyPeople(db, id, { current: page, former: page }, 2, true);
      const sorted = await companyPeople(db, id, { current: page, former: page }, 2, false);
      expect([names(sorted.current), names(sorted.former)], `page ${page}`).toEqual([names(walked.current), names(walked.former)]);
    }
  });

  it("remembers the counts until the company's tenures change: each write below changes them, and the page counts afresh", async () => {
    await seed();
    const { id } = await db.company.findUniqueOrThrow({ where: { slug: "harrowgate-systems" } });
    const counts = (p: Awaited<ReturnType<typeof companyPeople>>) => [p.currentCount, p.formerCount, p.boardCount];
    // a client of its own remembers nothing: what a fresh read says
    const fresh = async () => {
      const other = createDb(url);
      try {
        return counts(await companyPeople(other, id));
      } finally {
        await other.$disconnect();
      }
    };
    const say = (o: Parameters<typeof claimInput>[0]) =>
      ingestClaim(db, claimInput({ company, roleCategory: "engineering", role: "Engineer", ...o }));
    // someone new to the company (the file's earlier tests added others): the counts move by them alone
    const zed = { name: "Zed Quill", aliases: [] };
    const [current, former, board] = counts(await companyPeople(db, id));
    let departure = 0;
    const steps: [string, () => Promise<unknown>, number[]][] = [
      ["someone joins", () => say({ person: zed, kind: "joined", date: "2022", excerpt: "Zed Quill joined" }), [current + 1, former, board]],
      [
        "they leave",
        async () => (departure = (await say({ person: zed, kind: "departed", date: "2024", excerpt: "Zed Quill left" })).claimId),
        [current, former + 1, board],
      ],
      [
        "a board seat",
        () => say({ person: zed, kind: "joined", role: "Director", roleCategory: "board", date: "2024-06", excerpt: "Zed Quill joined the board" }),
        [current, former + 1, board + 1],
      ],
      [
        "the departure retracted",
        () => changeClaimState(db, { claimId: departure, state: "retracted", reason: "wrong person" }, systemActor("test")),
        [current + 1, former, board + 1],
      ],
    ];
    for (const [step, write, expected] of steps) {
      await write();
      expect(counts(await companyPeople(db, id)), step).toEqual(expected);
      expect(await fresh(), step).toEqual(expected);
    }
  });
});
