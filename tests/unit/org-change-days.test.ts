import { describe, expect, it } from "vitest";
import { changeDaysOf, storedChangeDays } from "@/lib/data/org";
import { systemActor } from "@/lib/ingest/actor";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { mergeEntities } from "@/lib/ingest/merge-entities";
import { changeClaimState } from "@/lib/ingest/retract-claim";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();
const company = { name: "Marlow Instruments", aliases: [] };
const person = (name: string) => ({ name, aliases: [] });
const say = (o: NonNullable<Parameters<typeof claimInput>[0]>) =>
  ingestClaim(db, claimInput({ company, roleCategory: "engineering", role: "Engineer", excerpt: `${o.person?.name} ${o.kind} ${o.date}`, ...o }));

describe("a company's change days, remembered between reads", () => {
  it("are read again after every kind of write that can move a stop: the remembered days always equal a fresh read", async () => {
    await say({ person: person("Rae Holt"), kind: "joined", date: "2020-02" });
    const { id } = await db.company.findUniqueOrThrow({ where: { slug: "marlow-instruments" } });
    const check = async (step: string) => expect(await changeDaysOf(db, id), step).toEqual(await storedChangeDays(db, id));

    await check("first read");
    expect(await changeDaysOf(db, id)).toContain("2020-02-01");
    let departure = 0;
    const steps: [string, () => Promise<unknown>][] = [
      ["a departure", async () => (departure = (await say({ person: person("Rae Holt"), kind: "departed", date: "2023-05-10" })).claimId)],
      // a leave opens a tenure of its own for someone with no other record here
      ["a leave of someone new", () => say({ person: person("Sid Pell"), kind: "leave_started", date: "2021-07-01" })],
      ["a return", () => say({ person: person("Sid Pell"), kind: "returned", date: "2021-09-15" })],
      ["another date for the same joining", () => say({ person: person("Rae Holt"), kind: "joined", date: "2020-02-03" })],
      ["a retraction", () => changeClaimState(db, { claimId: departure, state: "retracted", reason: "wrong person" }, systemActor("test"))],
      ["someone joining who is merged away next", () => say({ person: person("Sid P."), kind: "joined", date: "2019-01-01" })],
      ["a merge", () => db.$transaction((tx) => mergeEntities(tx, "person", "sid-p", "sid-pell", systemActor("test")))],
    ];
    let before = await changeDaysOf(db, id);
    for (const [step, write] of steps) {
      await write();
      await check(step);
      const after = await changeDaysOf(db, id);
      // so the remembered days would have been wrong had they not been read again (a merge keeps the same days)
      if (step !== "a merge") expect(after, `${step} changes the stops`).not.toEqual(before);
      before = after;
    }
  });
});
