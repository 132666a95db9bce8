import { describe, expect, it } from "vitest";
import { listChanges } from "@/lib/data/changes";
import { diffChange } from "@/lib/domain/change-diff";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { IngestError } from "@/lib/ingest/ingest-error";
import { changeClaimState } from "@/lib/ingest/retract-claim";
import { claimStateChangeSchema } from "@/lib/validation/claim";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();
const as = (name: string) => ({ accountId: null, name });

const source = (n: string) => ({ title: `Paper ${n}`, publisher: `House ${n}`, language: "en", kind: "article" as const });

async function disputedEvent(name: string) {
  const person = { name, aliases: [] };
  const a = await ingestClaim(db, claimInput({ person, source: source(`${name}-a`), excerpt: `${name} left in March`, date: "2022-03" }), as("Ada"));
  const b = await ingestClaim(db, claimInput({ person, source: source(`${name}-b`), excerpt: `${name} left in May`, date: "2022-05" }), as("Bo"));
  return { eventId: a.eventId, first: a.claimId, second: b.claimId };
}

describe("retracting and deprecating claims", () => {
  it("retracting the disagreeing claim recomputes status and best date, keeps the claim and logs before/after", async () => {
    const { eventId, first, second } = await disputedEvent("Clement Varga");
    expect((await db.event.findUniqueOrThrow({ where: { id: eventId } })).status).toBe("disputed");

    const result = await changeClaimState(db, { claimId: first, state: "retracted", reason: "The paper corrected the month" }, as("Cy"));
    expect(result).toEqual({ eventId, claimId: first, status: "reported" });

    const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, include: { claims: { orderBy: { id: "asc" } } } });
    expect(event).toMatchObject({ status: "reported", dateText: "2022-05", claimCount: 1 });
    expect(event.claims.map((c) => [c.id, c.state, c.stateReason])).toEqual([
      [first, "retracted", "The paper corrected the month"],
      [second, "active", null],
    ]);
    // positions follow the event's new date
    const positions = await db.position.findMany({ where: { personId: event.personId } });
    expect(positions.map((p) => p.endText)).toEqual(["2022-05"]);

    const change = await db.change.findFirstOrThrow({ where: { eventId, action: "retract_claim" } });
    expect(change).toMatchObject({ editor: "Cy", claimId: first });
    expect(diffChange(change.before, change.after)).toEqual(
      expect.arrayContaining([
        { field: "claim.state", label: "claim state", before: "active", after: "retracted" },
        { field: "status", label: "status", before: "disputed", after: "reported" },
        { field: "dateText", label: "date", before: "2022-03", after: "2022-05" },
      ]),
    );
  });

  it("deprecating every claim leaves a retracted event that nothing deletes", async () => {
    const { eventId, first, second } = await disputedEvent("Wilhelmina Corr");
    await changeClaimState(db, { claimId: first, state: "deprecated", reason: "Superseded" }, as("Cy"));
    await changeClaimState(db, { claimId: second, state: "deprecated", reason: "Unreliable blog" }, as("Cy"));
    const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, include: { claims: true } });
    expect(event.status).toBe("retracted");
    expect(event.claims).toHaveLength(2);
    expect(await db.change.count({ where: { eventId, action: "deprecate_claim" } })).toBe(2);
  });

  it("a claim changes state once: a second or concurrent retraction is refused and logged once", async () => {
    const { eventId, first } = await disputedEvent("Ottoline Barr");
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () => changeClaimState(db, { claimId: first, state: "retracted", reason: "Wrong" }, as("Cy"))),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.find((a) => a.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(IngestError);
    expect((refused.reason as IngestError).fieldErrors).toEqual({ state: ["This claim is already retracted"] });
    expect(await db.change.count({ where: { eventId, action: "retract_claim" } })).toBe(1);
  });

  it("an unknown claim is a field error and changes nothing", async () => {
    const before = await db.change.count();
    await expect(changeClaimState(db, { claimId: 987654, state: "retracted", reason: "x" }, as("Cy"))).rejects.toThrow(/No claim has id/);
    expect(await db.change.count()).toBe(before);
  });

  it("the schema requires a reason and only allows retracted or deprecated", () => {
    const r = claimStateChangeSchema.safeParse({ claimId: "3", state: "deleted", reason: " ", editor: "" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["state", "reason"]);
  });

  it("the change log lists the event's changes newest first, with who and what", async () => {
    const { eventId, first } = await disputedEvent("Percival Ionescu");
    await changeClaimState(db, { claimId: first, state: "retracted", reason: "Misread" }, as("Dee"));
    const { changes } = await listChanges(db, { eventId });
    expect(changes.map((c) => [c.action, c.editor])).toEqual([
      ["retract_claim", "Dee"],
      ["add_claim", "Bo"],
      ["create_event", "Ada"],
    ]);
    expect(changes[2].fields.find((f) => f.field === "status")).toMatchObject({ before: null, after: "reported" });
    expect(changes[1].fields.find((f) => f.field === "status")).toMatchObject({ before: "reported", after: "disputed" });
    const page = await listChanges(db, { limit: 2 });
    expect(page.changes).toHaveLength(2);
    const next = await listChanges(db, { limit: 2, before: page.nextBefore! });
    expect(next.changes[0].id).toBeLessThan(page.changes[1].id);
  });
});
