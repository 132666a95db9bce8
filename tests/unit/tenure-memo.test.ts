import { describe, expect, it } from "vitest";
import { tenureMemo } from "@/lib/data/tenure-memo";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();

/** A company with one tenure, and a memo whose reads count themselves. */
async function setup() {
  await ingestClaim(db, claimInput({ company: { name: "Larchmont Tools", aliases: [] }, kind: "joined", role: "Engineer", date: "2020-01" }));
  const { id } = await db.company.findUniqueOrThrow({ where: { slug: "larchmont-tools" } });
  const reads = new Map<string, number>();
  const ask = async (what: string, large = false) =>
    (await tenureMemo(db, id)).get(
      what,
      async () => {
        reads.set(what, (reads.get(what) ?? 0) + 1);
        return what;
      },
      { large },
    );
  return { ask, reads };
}

describe("what a company's tenures say, remembered by their version", () => {
  it("keeps a result used on every view however many others come and go; large results are kept apart, a few at a time", async () => {
    const { ask, reads } = await setup();
    await ask("tenures");
    // a hundred days asked once each, the tenure rows used on each view: they are never read again
    for (let day = 0; day < 100; day++) {
      await ask("tenures");
      await ask(`roster:${day}`);
    }
    expect(reads.get("tenures")).toBe(1);
    // the oldest days are forgotten (and read again when asked), the newest kept
    await ask("roster:0");
    await ask("roster:99");
    expect(reads.get("roster:0")).toBe(2);
    expect(reads.get("roster:99")).toBe(1);
    // twenty large results push out none of the small ones, and only the newest large ones stay
    for (let pair = 0; pair < 20; pair++) await ask(`drawn:${pair}`, true);
    await ask("tenures");
    await ask("roster:99");
    expect(reads.get("tenures")).toBe(1);
    expect(reads.get("roster:99")).toBe(1);
    await ask("drawn:19", true);
    await ask("drawn:0", true);
    expect(reads.get("drawn:19")).toBe(1);
    expect(reads.get("drawn:0")).toBe(2);
  });

  it("reads everything again once the company's tenures change", async () => {
    const { ask, reads } = await setup();
    await ask("tenures");
    await ask("tenures");
    expect(reads.get("tenures")).toBe(1);
    await ingestClaim(db, claimInput({ company: { name: "Larchmont Tools", aliases: [] }, kind: "departed", role: "Engineer", date: "2021-03" }));
    await ask("tenures");
    expect(reads.get("tenures")).toBe(2);
  });
});
