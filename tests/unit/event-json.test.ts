import { describe, expect, it } from "vitest";
import { eventJsonInclude, eventToJson } from "@/lib/data/event-json";
import { EVENT_CSV_HEADER, eventCsvRows } from "@/lib/export/event-csv";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();

const ARTICLE_TEXT = "Acme had a rough summer. This year alone, four people left. Jane Roe quit in protest.";
const article = {
  title: "Acme verliert seine Forschungschefin",
  titleEnglish: "Acme loses its research chief",
  publisher: "Wire One",
  url: "https://wire.example/acme",
  archiveUrl: "https://web.archive.org/web/2024/https://wire.example/acme",
  accessedAt: "2024-08-07",
  publishedAt: "2024-08-06",
  language: "en",
  kind: "article" as const,
  text: ARTICLE_TEXT,
};

describe("the event JSON (export, GET /api/events, feed)", () => {
  it("carries manner and scope, each claim's manner, date basis, phrase and context, and what its source cites", async () => {
    const person = { name: "Jane Roe", aliases: [] };
    const company = { name: "Acme Labs", aliases: [] };
    await ingestClaim(
      db,
      claimInput({
        source: article,
        person,
        company,
        kind: "departed",
        manner: "resigned",
        date: undefined,
        dateBasis: "relative_to_published",
        datePhrase: "this year alone",
        excerpt: "Jane Roe quit in protest.",
        context: "This year alone, four people left.",
        contextTranslation: "This year alone, four people left.",
      }),
    );
    const { eventId } = await ingestClaim(
      db,
      claimInput({
        source: {
          title: "Tracker",
          publisher: "Tracker Blog",
          url: "https://tracker.example/acme",
          publishedAt: "2024-09",
          language: "en",
          kind: "post",
          cites: ["https://wire.example/acme"],
        },
        person,
        company,
        kind: "fired",
        date: undefined,
        dateBasis: "bounded_by_published",
        excerpt: "Jane Roe was fired.",
      }),
    );
    const json = eventToJson(await db.event.findUniqueOrThrow({ where: { id: eventId }, include: eventJsonInclude }));
    expect(json).toMatchObject({ kind: "departed", manner: "resigned", scope: "company", status: "disputed" });
    const [first, second] = json.claims;
    expect(first).toMatchObject({
      context: "This year alone, four people left.",
      contextTranslation: "This year alone, four people left.",
      asserts: { kind: "departed", manner: "resigned", date: "2024", dateBasis: "relative_to_published", datePhrase: "this year alone" },
      source: { titleEnglish: "Acme loses its research chief", archiveUrl: article.archiveUrl, accessedAt: "2024-08-07", cites: [] },
    });
    expect(first.source.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.source).not.toHaveProperty("text");
    expect(second).toMatchObject({
      context: null,
      asserts: { manner: "fired", dateBasis: "bounded_by_published", datePhrase: null, date: "../2024-09" },
      source: { cites: [{ id: first.source.id, title: article.title, url: article.url }] },
    });

    const header = EVENT_CSV_HEADER.trim().split(",");
    const row = eventCsvRows(json).split(/\r?\n/)[1].split(",");
    expect(row[header.indexOf("claim_manner")]).toBe("fired");
    expect(row[header.indexOf("claim_date_basis")]).toBe("bounded_by_published");
    expect(row[header.indexOf("source_cites")]).toBe(article.url);
    expect(row[header.indexOf("manner")]).toBe("resigned");
  });
});
