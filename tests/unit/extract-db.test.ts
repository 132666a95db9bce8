/**
 * The extractor against a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL): recorded
 * aliases match names written another way, a proposal repeating a recorded event says so, an accepted
 * proposal goes through the one write path (a submission for a contributor), an edited excerpt not in
 * the text is refused, and a rejected proposal is not proposed again for its source.
 */
import { describe, expect, it } from "vitest";
import { loadKnownNames, recordedEventsFor, rejectedFingerprints } from "@/lib/data/extract-context";
import { extractProposals, markRepeats } from "@/lib/extract/extract";
import { proposalToClaim } from "@/lib/extract/to-ingest-file";
import { systemActor } from "@/lib/ingest/actor";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { IngestError } from "@/lib/ingest/ingest-error";
import { resolveSource } from "@/lib/ingest/resolve-entities";
import { createSubmission } from "@/lib/ingest/submissions";
import { claimInputSchema } from "@/lib/validation/claim";
import { claimInput } from "../factories/claims";
import { createAccount } from "../helpers/accounts";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();

const ARTICLE = "OpenAIの人事。イリヤ・サツキーバはOpenAIを辞めたんや。ヤン・レイキもOpenAIを去った。";

async function pastedSource(title: string) {
  return db.$transaction((tx) => resolveSource(tx, { title, language: "ja", kind: "video_transcript", text: ARTICLE, publishedAt: "2024-09" }));
}

async function extracted(sourceId: number) {
  const names = await loadKnownNames(db);
  const rejected = await rejectedFingerprints(db, sourceId);
  const result = extractProposals({ text: ARTICLE, publishedAt: "2024-09" }, { ...names, rejected });
  return { ...result, proposals: markRepeats(result.proposals, await recordedEventsFor(db, result.proposals)) };
}

describe("article proposals with the database", () => {
  it("matches garbled katakana through recorded aliases, says when it repeats a recorded event, and publishes through ingestClaim", async () => {
    const recorded = await ingestClaim(
      db,
      claimInput({
        person: { name: "Ilya Sutskever", aliases: ["イリヤ・サツケヴァー"] },
        company: { name: "OpenAI", aliases: [] },
        kind: "departed",
        date: "2024-05",
        excerpt: "Ilya Sutskever left OpenAI",
      }),
      systemActor("test"),
    );
    const source = await pastedSource("Pasted transcript A");
    const { proposals } = await extracted(source.id);
    const ilya = proposals.find((p) => p.person.mention === "イリヤ・サツキーバ")!;
    expect(ilya.person.known).toMatchObject({ name: "Ilya Sutskever", via: "similar" });
    expect(ilya.company.known?.name).toBe("OpenAI");
    expect(ilya.repeats).toEqual({ eventId: recorded.eventId, sameExcerpt: false });
    const leike = proposals.find((p) => p.person.mention === "ヤン・レイキ")!;
    expect(leike.person.known).toBeNull();

    const input = claimInputSchema.parse({ source: { id: source.id }, ...proposalToClaim(ilya) });
    const accepted = await ingestClaim(db, input, systemActor("test"));
    expect(accepted.eventId).toBe(recorded.eventId); // the same departure, now with a second source
    const claim = await db.claim.findUniqueOrThrow({ where: { id: accepted.claimId } });
    expect(claim.sourceId).toBe(source.id);
    expect(ARTICLE).toContain(claim.excerpt);
    // the written name is kept as an alias, so the next paste matches it exactly
    const aliases = await db.personAlias.findMany({ where: { person: { name: "Ilya Sutskever" } }, select: { name: true } });
    expect(aliases.map((a) => a.name)).toContain("イリヤ・サツキーバ");

    const again = (await extracted(source.id)).proposals.find((p) => p.person.mention === "イリヤ・サツキーバ")!;
    expect(again.person.known?.via).toBe("alias");
    expect(again.repeats).toEqual({ eventId: recorded.eventId, sameExcerpt: true });
  });

  it("refuses an edited excerpt that is not in the article, storing nothing", async () => {
    const source = await pastedSource("Pasted transcript B");
    const [p] = (await extracted(source.id)).proposals;
    const claims = await db.claim.count();
    const edited = claimInputSchema.parse({ source: { id: source.id }, ...proposalToClaim(p), excerpt: "イリヤは辞めていない。" });
    await expect(ingestClaim(db, edited, systemActor("test"))).rejects.toBeInstanceOf(IngestError);
    expect(await db.claim.count()).toBe(claims);
  });

  it("a contributor's accepted proposal waits for review as a submission", async () => {
    const { user: account } = await createAccount(db, { email: "contributor@example.com", role: "contributor" });
    const source = await pastedSource("Pasted transcript C");
    const p = (await extracted(source.id)).proposals.find((x) => x.person.mention === "ヤン・レイキ")!;
    const claims = await db.claim.count();
    const submission = await createSubmission(db, claimInputSchema.parse({ source: { id: source.id }, ...proposalToClaim(p) }), account);
    expect(submission.created).toBe(true);
    expect((await db.submission.findUniqueOrThrow({ where: { id: submission.id } })).status).toBe("pending");
    expect(await db.claim.count()).toBe(claims);
  });

  it("a rejected proposal is not proposed again when the same article is read again", async () => {
    const source = await pastedSource("Pasted transcript D");
    const first = await extracted(source.id);
    const leike = first.proposals.find((p) => p.person.mention === "ヤン・レイキ")!;
    await db.rejectedProposal.create({ data: { sourceId: source.id, fingerprint: leike.fingerprint } });
    const second = await extracted(source.id);
    expect(second.proposals.map((p) => p.fingerprint)).not.toContain(leike.fingerprint);
    expect(second.suppressed).toBe(1);
    expect(second.proposals).toHaveLength(first.proposals.length - 1);
    // another source with the same text still proposes it
    const other = await pastedSource("Pasted transcript E");
    expect((await extracted(other.id)).proposals.map((p) => p.fingerprint)).toContain(leike.fingerprint);
  });
});
