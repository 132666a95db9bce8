/**
 * Evidence model v2 through the real write path: manner disputes, board scope, date basis, the excerpt-in-text
 * check and independence by citation.
 */
import { describe, expect, it } from "vitest";
import { summarizeStoredEvent } from "@/lib/data/event-facts";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { IngestError } from "@/lib/ingest/ingest-error";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();

const paper = (n: string, extra: object = {}) => ({
  title: `Report ${n}`,
  publisher: `Paper ${n}`,
  language: "en",
  kind: "article" as const,
  ...extra,
});

async function rejected(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IngestError) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected an IngestError");
}

describe("manner", () => {
  it("quit versus fired is one disputed departure with both manners side by side", async () => {
    const person = { name: "Lorcan Ashby", aliases: [] };
    const quit = await ingestClaim(
      db,
      claimInput({ person, source: paper("a"), excerpt: "Ashby quit", kind: "departed", manner: "resigned", date: "2024-04" }),
    );
    const fired = await ingestClaim(db, claimInput({ person, source: paper("b"), excerpt: "Ashby was fired", kind: "fired", date: undefined }));
    expect(fired).toMatchObject({ outcome: "merged", eventId: quit.eventId });
    const event = await db.event.findUniqueOrThrow({ where: { id: quit.eventId }, include: { claims: { orderBy: { id: "asc" } } } });
    expect(event).toMatchObject({ kind: "departed", status: "disputed" });
    expect(event.claims.map((c) => [c.kind, c.manner])).toEqual([
      ["departed", "resigned"],
      ["departed", "fired"],
    ]);
    const summary = await summarizeStoredEvent(db, quit.eventId);
    expect(summary.conflicts.find((c) => c.field === "manner")?.values).toEqual([
      { value: "resigned", claimIds: [quit.claimId] },
      { value: "fired", claimIds: [fired.claimId] },
    ]);
    const manner = summary.support.find((s) => s.field === "manner")!;
    expect(manner).toMatchObject({ shown: "resigned", supporting: [quit.claimId], disagreeing: [{ value: "fired", claimIds: [fired.claimId] }] });
    expect(manner.why).toMatch(/tie/);
    expect(await db.event.count({ where: { person: { name: "Lorcan Ashby" } } })).toBe(1);
  });

  it("the manner more independent sources assert wins, and says why", async () => {
    const person = { name: "Wren Halloway", aliases: [] };
    const a = await ingestClaim(db, claimInput({ person, source: paper("c"), excerpt: "Halloway was fired", manner: "fired" }));
    await ingestClaim(db, claimInput({ person, source: paper("d"), excerpt: "Halloway fired", manner: "fired" }));
    await ingestClaim(db, claimInput({ person, source: paper("e"), excerpt: "Halloway resigned", manner: "resigned" }));
    const event = await db.event.findUniqueOrThrow({ where: { id: a.eventId } });
    expect(event).toMatchObject({ manner: "fired", status: "disputed" });
    const why = (await summarizeStoredEvent(db, a.eventId)).support.find((s) => s.field === "manner")!.why;
    expect(why).toMatch(/most independent sources \(2 against 1\)/);
  });

  it("'unknown' neither disputes nor decides; a manner on a non-departure is refused", async () => {
    const person = { name: "Tamsin Greaves", aliases: [] };
    const a = await ingestClaim(db, claimInput({ person, source: paper("f"), excerpt: "Greaves left", manner: "unknown" }));
    await ingestClaim(db, claimInput({ person, source: paper("g"), excerpt: "Greaves retired", manner: "retired" }));
    expect(await db.event.findUniqueOrThrow({ where: { id: a.eventId } })).toMatchObject({ manner: "retired", status: "corroborated" });
    expect(await rejected(ingestClaim(db, claimInput({ person, excerpt: "joined", kind: "joined", manner: "fired" })))).toHaveProperty("manner");
    expect(await rejected(ingestClaim(db, claimInput({ person, excerpt: "fired?", kind: "fired", manner: "resigned" })))).toHaveProperty("manner");
  });
});

describe("board scope", () => {
  it("leaving the board is its own event and tenure, never merged with leaving the company", async () => {
    const person = { name: "Ilse Varga", aliases: [] };
    const board = await ingestClaim(
      db,
      claimInput({ person, excerpt: "Varga left the board", role: "Board member", roleCategory: "board", date: "2023-11" }),
    );
    const company = await ingestClaim(
      db,
      claimInput({ person, excerpt: "Varga left the company", role: "Chief Scientist", roleCategory: "research", date: "2024-02" }),
    );
    expect(company.outcome).toBe("created");
    expect(company.eventId).not.toBe(board.eventId);
    const events = await db.event.findMany({ where: { person: { name: "Ilse Varga" } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.scope, e.status])).toEqual([
      ["board", "reported"],
      ["company", "reported"],
    ]);
    const positions = await db.position.findMany({ where: { person: { name: "Ilse Varga" } }, orderBy: { id: "asc" } });
    expect(positions.map((p) => [p.scope, p.title, p.endText])).toEqual([
      ["company", "Chief Scientist", "2024-02"],
      ["board", "Board member", "2023-11"],
    ]);
  });
});

describe("date basis", () => {
  const article = paper("h", { publishedAt: "2025-01-08", text: "Last month, Odile Brandt left. She had joined in May." });

  it("a relative phrase is read against the publication date, across the year end", async () => {
    const r = await ingestClaim(
      db,
      claimInput({
        person: { name: "Odile Brandt", aliases: [] },
        source: article,
        excerpt: "Last month, Odile Brandt left.",
        date: undefined,
        datePhrase: "Last month",
      }),
    );
    const claim = await db.claim.findUniqueOrThrow({ where: { id: r.claimId } });
    expect(claim).toMatchObject({ dateText: "2024-12", dateBasis: "relative_to_published", datePhrase: "Last month" });
    expect(await db.event.findUniqueOrThrow({ where: { id: r.eventId } })).toMatchObject({ dateText: "2024-12" });
  });

  it("a date that contradicts its phrase is refused on the date field", async () => {
    const errors = await rejected(
      ingestClaim(
        db,
        claimInput({
          person: { name: "Odile Brandt", aliases: [] },
          source: article,
          excerpt: "She had joined in May.",
          kind: "joined",
          date: "2025-05",
          datePhrase: "in May",
        }),
      ),
    );
    expect(errors.date?.[0]).toMatch(/means 2024-05, not 2025-05/);
  });

  it("on or before publication stores an open-start range; a later date is refused", async () => {
    const source = paper("i", { publishedAt: "2024-08-06" });
    const r = await ingestClaim(
      db,
      claimInput({
        person: { name: "Piet Moreau", aliases: [] },
        source,
        excerpt: "Moreau has left",
        date: undefined,
        dateBasis: "bounded_by_published",
      }),
    );
    expect(await db.claim.findUniqueOrThrow({ where: { id: r.claimId } })).toMatchObject({ dateText: "../2024-08-06", dateLatest: "2024-08-06" });
    const errors = await rejected(
      ingestClaim(
        db,
        claimInput({
          person: { name: "Piet Moreau", aliases: [] },
          source,
          excerpt: "Moreau left later",
          date: "2024-09",
          dateBasis: "bounded_by_published",
        }),
      ),
    );
    expect(errors.date?.[0]).toMatch(/after the source was published/);
  });
});

describe("source text", () => {
  it("an excerpt or context that is not an exact substring of the stored text is refused and nothing is stored", async () => {
    const source = paper("j", { text: "Quill Ferrante left Astra Labs this week. It was the third exit this year." });
    const before = await db.claim.count();
    const errors = await rejected(
      ingestClaim(db, claimInput({ person: { name: "Quill Ferrante", aliases: [] }, source, excerpt: "Quill Ferrante quit Astra Labs" })),
    );
    expect(errors.excerpt?.[0]).toMatch(/not in the source's stored text/);
    const ctx = await rejected(
      ingestClaim(
        db,
        claimInput({
          person: { name: "Quill Ferrante", aliases: [] },
          source,
          excerpt: "Quill Ferrante left Astra Labs this week.",
          context: "the fourth exit",
        }),
      ),
    );
    expect(ctx).toHaveProperty("context");
    expect(await db.claim.count()).toBe(before);
    expect(await db.source.count({ where: { title: "Report j" } })).toBe(0);

    const ok = await ingestClaim(
      db,
      claimInput({
        person: { name: "Quill Ferrante", aliases: [] },
        source,
        excerpt: "Quill Ferrante left Astra Labs this week.",
        context: "It was the third exit this year.",
      }),
    );
    const stored = await db.source.findFirstOrThrow({ where: { title: "Report j" } });
    expect(stored.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.claim.findUniqueOrThrow({ where: { id: ok.claimId } })).toMatchObject({ context: "It was the third exit this year." });
  });
});

describe("independence", () => {
  it("a tracker citing an article, both claiming one new departure, is reported, not corroborated", async () => {
    const person = { name: "Signe Okafor", aliases: [] };
    const article = {
      title: "Okafor leaves",
      publisher: "The Ledger",
      url: "https://ledger.example/okafor",
      language: "en",
      kind: "article" as const,
    };
    await ingestClaim(db, claimInput({ person, source: article, excerpt: "Okafor has left" }));
    const tracker = {
      title: "Tracker profile: Okafor",
      publisher: "Exit Tracker",
      language: "en",
      kind: "post" as const,
      cites: ["https://ledger.example/okafor"],
    };
    const r = await ingestClaim(db, claimInput({ person, source: tracker, excerpt: "Okafor departed (per The Ledger)" }));
    expect(await db.event.findUniqueOrThrow({ where: { id: r.eventId } })).toMatchObject({ status: "reported", claimCount: 2, sourceCount: 1 });

    const other = { title: "Okafor exits", publisher: "Other Daily", language: "en", kind: "article" as const };
    await ingestClaim(db, claimInput({ person, source: other, excerpt: "Okafor exits" }));
    expect(await db.event.findUniqueOrThrow({ where: { id: r.eventId } })).toMatchObject({ status: "corroborated", sourceCount: 2 });
  });

  it("a citation recorded later recomputes the events that rested on both sources", async () => {
    const person = { name: "Bram Quist", aliases: [] };
    const first = { title: "Quist leaves", publisher: "Daily One", url: "https://one.example/quist", language: "en", kind: "article" as const };
    const a = await ingestClaim(db, claimInput({ person, source: first, excerpt: "Quist left" }));
    const second = { title: "Quist departs", publisher: "Weekly Two", language: "en", kind: "article" as const };
    await ingestClaim(db, claimInput({ person, source: second, excerpt: "Quist departs" }));
    expect((await db.event.findUniqueOrThrow({ where: { id: a.eventId } })).status).toBe("corroborated");
    // the same second source, described again with what it cites, on another claim about someone else
    await ingestClaim(
      db,
      claimInput({
        person: { name: "Other Person Z", aliases: [] },
        source: { ...second, cites: ["https://one.example/quist"] },
        excerpt: "Z left too",
      }),
    );
    expect((await db.event.findUniqueOrThrow({ where: { id: a.eventId } })).status).toBe("reported");
  });
});

describe("the shown date", () => {
  it("two claims that overlap without one containing the other show the days they share, and say so", async () => {
    const person = { name: "Lisbet Arn", aliases: [] };
    const a = await ingestClaim(
      db,
      claimInput({
        person,
        source: paper("k", { publishedAt: "2024-08-06" }),
        excerpt: "Arn is on leave",
        kind: "leave_started",
        date: undefined,
        dateBasis: "bounded_by_published",
      }),
    );
    await ingestClaim(db, claimInput({ person, source: paper("l"), excerpt: "Arn took leave this year", kind: "leave_started", date: "2024" }));
    expect(await db.event.findUniqueOrThrow({ where: { id: a.eventId } })).toMatchObject({
      dateText: "2024-01-01/2024-08-06",
      status: "corroborated",
    });
    const date = (await summarizeStoredEvent(db, a.eventId)).support.find((s) => s.field === "date")!;
    expect(date.why).toMatch(/the days the claims' dates share/);
    expect(date.disagreeing).toEqual([]);
  });
});
