/**
 * GET /api/search and the timeline's search through GET /api/events, calling the routes' real handlers
 * against this file's own database: misspelt, reordered and kana-variant names find the person.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db, url } = useTestDb();
let search: (request: NextRequest) => Promise<Response>;
let events: (request: NextRequest) => Promise<Response>;

const get = (handler: typeof search, path: string) => handler(new NextRequest(`http://localhost${path}`));

beforeAll(async () => {
  process.env.DATABASE_URL = url;
  delete (globalThis as { departuresDb?: unknown }).departuresDb;
  ({ GET: search } = await import("@/app/api/search/route"));
  ({ GET: events } = await import("@/app/api/events/route"));
  await ingestClaim(db, claimInput({ person: { name: "Ilya Sutskever", aliases: ["イリヤ・サツケヴァー"] }, excerpt: "Sutskever left OpenAI" }));
  await ingestClaim(db, claimInput({ person: { name: "Andrej Karpathy", aliases: [] }, excerpt: "Karpathy left OpenAI" }));
  await ingestClaim(db, claimInput({ person: { name: "Mira Murati", aliases: [] }, excerpt: "Murati left OpenAI" }));
});

describe("GET /api/search", () => {
  it("ranks the misspelt person first and says which spelling matched and why", async () => {
    const res = await get(search, "/api/search?q=Sutskevar&type=person");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { results } = await res.json();
    expect(results[0]).toEqual({
      type: "person",
      name: "Ilya Sutskever",
      slug: "ilya-sutskever",
      url: "/people/ilya-sutskever",
      matched: "Ilya Sutskever",
      reason: "typo",
      distance: 1,
    });
    const kana = (await (await get(search, `/api/search?q=${encodeURIComponent("サツケバー")}`)).json()).results;
    expect(kana[0]).toMatchObject({ name: "Ilya Sutskever", matched: "イリヤ・サツケヴァー", reason: "kana_variant" });
    const company = (await (await get(search, "/api/search?q=openai&type=company&limit=1")).json()).results;
    expect(company).toEqual([expect.objectContaining({ type: "company", slug: "openai", reason: "exact", url: "/companies/openai" })]);
  });

  it("answers bad parameters with 400 and an error for each field", async () => {
    const res = await get(search, "/api/search?type=robot&limit=0");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe("Invalid query parameters");
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["limit", "q", "type"]);
    expect(body.fieldErrors.type[0]).toMatch(/person, company, all/);
    expect((await get(search, "/api/search?q=a&limit=51")).status).toBe(400);
    expect((await (await get(search, "/api/search?q=%00x")).json()).fieldErrors.q).toBeDefined();
  });
});

describe("GET /api/events?q= forgives the spelling", () => {
  const names = async (q: string) => {
    const res = await get(events, `/api/events?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return [...new Set(((await res.json()).events as { person: { name: string } }[]).map((e) => e.person.name))];
  };
  it("finds the events of the person meant", async () => {
    expect(await names("Sutskevar")).toEqual(["Ilya Sutskever"]);
    expect(await names("Karpaty")).toEqual(["Andrej Karpathy"]);
    expect(await names("Murati Mira")).toEqual(["Mira Murati"]);
    expect(await names("サツケバー")).toEqual(["Ilya Sutskever"]);
    expect(await names("Qwxyz")).toEqual([]);
  });
});
