import { describe, expect, it } from "vitest";
import { listChanges } from "@/lib/data/changes";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { IngestError } from "@/lib/ingest/ingest-error";
import { editClaim } from "@/lib/ingest/edit-claim";
import { editClaimSchema, LIMITS } from "@/lib/validation/claim";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();
const as = (name: string) => ({ accountId: null, name });

async function claimOf(name: string) {
  const r = await ingestClaim(
    db,
    claimInput({
      person: { name, aliases: [] },
      company: { name: `Quillfeather ${name} Works`, aliases: [] },
      source: { title: `Gazette ${name}`, language: "ja", kind: "article" },
      excerpt: `${name}は退社した`,
      translation: "left the company",
      note: "first note",
    }),
    as("Ada"),
  );
  return r;
}

describe("editing a claim's translation and note", () => {
  it("updates only the translation and note, and logs who, why and the values before and after", async () => {
    const { eventId, claimId } = await claimOf("Tamsin Oyelaran");
    const stored = await db.claim.findUniqueOrThrow({ where: { id: claimId } });

    const result = await editClaim(db, { claimId, translation: "has left the company", note: "", reason: "Closer wording" }, as("Cy"));
    expect(result).toEqual({ eventId, claimId, changed: true });

    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(claim).toEqual({ ...stored, translation: "has left the company", note: null });

    const { changes } = await listChanges(db, { eventId });
    expect(changes[0]).toMatchObject({ action: "edit_claim", editor: "Cy", claimId });
    expect(changes[0].summary).toBe(`Edited the translation and note of claim #${claimId}: Closer wording`);
    expect(changes[0].fields).toEqual([
      { field: "claim.translation", label: "translation", before: "left the company", after: "has left the company" },
      { field: "claim.note", label: "note", before: "first note", after: null },
    ]);
  });

  it("an edit that changes nothing logs nothing", async () => {
    const { eventId, claimId } = await claimOf("Ignatius Prewitt");
    const before = await db.change.count({ where: { eventId } });
    const result = await editClaim(db, { claimId, translation: "left the company", note: "first note" }, as("Cy"));
    expect(result.changed).toBe(false);
    expect(await db.change.count({ where: { eventId } })).toBe(before);
  });

  it("an unknown claim is a field error and stores nothing", async () => {
    const changes = await db.change.count();
    const error = await editClaim(db, { claimId: 987654, translation: "x" }, as("Cy")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).fieldErrors).toEqual({ claimId: ["No claim has id 987654"] });
    expect(await db.change.count()).toBe(changes);
  });

  it("the schema rejects a translation over the limit and ignores a typed editor name (the account is the editor)", () => {
    const r = editClaimSchema.safeParse({ claimId: "4", translation: "a".repeat(LIMITS.excerpt + 1), note: "ok", editor: " " });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["translation", `Translation is at most ${LIMITS.excerpt} characters`],
    ]);
    expect(editClaimSchema.parse({ claimId: "4", translation: " fine ", editor: "Cy" })).toEqual({ claimId: 4, translation: "fine" });
  });
});
