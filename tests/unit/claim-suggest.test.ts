import { describe, expect, it } from "vitest";
import { suggestCompanies, suggestionKeys, suggestPeople } from "@/lib/data/suggest";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();

describe("name suggestions across scripts", () => {
  it("the whole query and its meaningful words become lookup keys", () => {
    expect(suggestionKeys("ケビン・クォーク")).toEqual({ whole: "ケビンクォーク", words: ["ケビン", "クォーク"] });
    expect(suggestionKeys("Kevin  Wiel")).toEqual({ whole: "kevinwiel", words: ["kevin", "wiel"] });
    expect(suggestionKeys("a")).toEqual({ whole: "", words: [] });
    expect(suggestionKeys("Al Bo").words).toEqual([]); // words under three letters say nothing
  });

  it("offers the person recorded under a katakana alias for the full alias, a part of it, or a word of the name", async () => {
    await ingestClaim(
      db,
      claimInput({
        person: { name: "Kevin Weil", aliases: ["ケビン・クォーク"] },
        excerpt: "ケビン・クォークを採用",
        kind: "joined",
        date: undefined,
      }),
    );
    await ingestClaim(db, claimInput({ person: { name: "Kevina Oduya", aliases: [] }, excerpt: "Oduya joined", kind: "joined", date: undefined }));

    const full = await suggestPeople(db, "ケビン・クォーク");
    expect(full[0]).toMatchObject({ name: "Kevin Weil", matched: "ケビン・クォーク", slug: "kevin-weil" });
    expect((await suggestPeople(db, "クォーク")).map((s) => s.name)).toEqual(["Kevin Weil"]);
    expect((await suggestPeople(db, "ｸｫｰｸ")).map((s) => s.name)).toEqual(["Kevin Weil"]); // half-width katakana
    // "Kevin Wiel" (a typo) still finds both Kevins by the first word; the exact prefix ranks first
    expect((await suggestPeople(db, "Kevin Wiel")).map((s) => s.name).sort()).toEqual(["Kevin Weil", "Kevina Oduya"]);
    expect((await suggestPeople(db, "kevin w"))[0].name).toBe("Kevin Weil");
    expect(await suggestPeople(db, "Nobody Here")).toEqual([]);
  });

  it("offers companies by any alias", async () => {
    await ingestClaim(
      db,
      claimInput({ company: { name: "OpenAI", aliases: ["オープンAI"] }, excerpt: "オープンAIの話", person: { name: "Someone Else", aliases: [] } }),
    );
    expect((await suggestCompanies(db, "オープン")).map((s) => s.name)).toEqual(["OpenAI"]);
    expect((await suggestCompanies(db, "ＯｐｅｎＡＩ"))[0]).toMatchObject({ name: "OpenAI", matched: null });
  });
});
