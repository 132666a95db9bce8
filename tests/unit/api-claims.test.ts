/**
 * POST /api/claims, calling the route's real handler against this file's own database: status codes,
 * idempotence, nothing stored on invalid input, body limits, and twenty concurrent requests.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../helpers/accounts";
import { rowCounts } from "../helpers/row-counts";
import { useTestDb } from "../helpers/test-db";

const { db, url } = useTestDb();
let POST: (request: Request) => Promise<Response>;
let editorKey = "";
let contributorKey = "";

beforeAll(async () => {
  // The route uses the app's db module; point it at this file's database before it is loaded.
  process.env.DATABASE_URL = url;
  delete (globalThis as { departuresDb?: unknown }).departuresDb;
  ({ POST } = await import("@/app/api/claims/route"));
  editorKey = (await createAccount(db, { email: "editor@api.test", role: "editor" })).apiKey;
  contributorKey = (await createAccount(db, { email: "contributor@api.test", role: "contributor" })).apiKey;
});

const payload = (overrides: Record<string, unknown> = {}) => ({
  source: { title: "Vessel leaves", url: "https://news.example/vessel", publisher: "Example News", language: "en", kind: "article" },
  excerpt: "Rosalind Vessel has left Thornbury Analytics.",
  person: { name: "Rosalind Vessel", aliases: [] },
  company: { name: "Thornbury Analytics", aliases: [] },
  kind: "departed",
  date: "2022-10",

  ...overrides,
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://localhost/api/claims", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${editorKey}`, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

const counts = () => rowCounts(db);

describe("POST /api/claims", () => {
  it("201 with the event and its claim; the same source and excerpt again is 200 with the existing claim and stores nothing", async () => {
    const first = await post(payload());
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({
      outcome: "created",
      event: { kind: "departed", date: "2022-10", status: "reported", person: { name: "Rosalind Vessel" }, company: { name: "Thornbury Analytics" } },
      claim: { excerpt: "Rosalind Vessel has left Thornbury Analytics.", source: { url: "https://news.example/vessel" } },
    });

    const before = await counts();
    const again = await post(payload());
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: "duplicate", claimId: created.claimId, claim: { id: created.claimId } });
    expect(await counts()).toEqual(before);
  });

  it("a conflicting date from another source is stored and marks the event disputed", async () => {
    const first = await (
      await post(payload({ person: { name: "Evander Pike", aliases: [] }, excerpt: "Pike left in January", date: "2021-01" }))
    ).json();
    const res = await post(
      payload({
        person: { name: "Evander Pike", aliases: [] },
        source: { title: "Pike, later", url: "https://other.example/pike", language: "en", kind: "article" },
        excerpt: "Pike left in April",
        date: "2021-04",
      }),
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ outcome: "merged", event: { id: first.event.id, status: "disputed" } });
    expect(body.event.claims.map((c: { asserts: { date: string } }) => c.asserts.date)).toEqual(["2021-01", "2021-04"]);
  });

  it("400 with every field error, and nothing stored, for hostile or odd input", async () => {
    const before = await counts();
    const res = await post(
      payload({
        person: { name: "Brand New Person", aliases: [] },
        source: { title: "x", url: "javascript:alert(1)", language: "en", kind: "article" },
        excerpt: "",
        date: "2024-02-30",
        editor: "",
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatch(/Nothing was stored/);
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["date", "excerpt", "source.url"]);
    expect(body.fieldErrors.date[0]).toMatch(/does not exist/);
    expect(await counts()).toEqual(before);
  });

  it("rejects a future date and a 100 KB excerpt with field errors", async () => {
    const future = await post(payload({ date: `${new Date().getUTCFullYear() + 1}-01` }));
    expect(future.status).toBe(400);
    expect((await future.json()).fieldErrors.date[0]).toMatch(/future/);
    const long = await post(payload({ excerpt: "長".repeat((100 * 1024) / 3) }));
    expect(long.status).toBe(400);
    expect((await long.json()).fieldErrors.excerpt[0]).toMatch(/at most 5000 characters/);
  });

  it("stores HTML and script as plain text", async () => {
    const html = '<script>alert("pwned")</script><img src=x onerror=alert(1)>';
    const res = await post(payload({ person: { name: "Cordelia Maunder", aliases: [] }, excerpt: html, role: "<b>Chief</b>" }));
    expect(res.status).toBe(201);
    const claim = await db.claim.findFirstOrThrow({ where: { excerpt: html } });
    expect(claim.role).toBe("<b>Chief</b>");
  });

  it("a chosen event about someone else is a field error and leaves no partial person, company or source", async () => {
    const other = await db.event.findFirstOrThrow();
    const before = await counts();
    const res = await post(
      payload({
        person: { name: "Fresh Person Xq", aliases: [] },
        company: { name: "Fresh Company Xq", aliases: [] },
        source: { title: "Fresh source Xq", language: "en", kind: "post" },
        excerpt: "Attached to the wrong event",
        eventId: other.id,
      }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors).toEqual({ eventId: ["That event is about a different person or company"] });
    expect(await counts()).toEqual(before);
  });

  it("413 for a body declared or found larger than the limit; 400 for broken JSON; 415 for another content type", async () => {
    const declared = await post("{}", { "content-length": String(10 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error).toMatch(/larger than 256 KB/);

    // No Content-Length: a streamed body is counted as it arrives.
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await POST(
      new Request("http://localhost/api/claims", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${editorKey}` },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(10);

    const broken = await post("{ not json");
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toMatch(/not valid JSON/);

    const text = await post(JSON.stringify(payload()), { "content-type": "text/plain" });
    expect(text.status).toBe(415);
  });

  it("twenty concurrent identical requests store one claim: one 201 and nineteen 200", async () => {
    const body = payload({
      person: { name: "Theodora Quince", aliases: [] },
      excerpt: "Quince resigned today.",
      source: { title: "Quince", url: "https://news.example/quince", language: "en", kind: "article" },
    });
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(body)));
    expect(responses.map((r) => r.status).sort((a, b) => a - b)).toEqual([...Array(19).fill(200), 201]);
    const ids = new Set((await Promise.all(responses.map((r) => r.json()))).map((b) => b.claimId));
    expect(ids.size).toBe(1);
    expect(await db.claim.count({ where: { excerpt: "Quince resigned today." } })).toBe(1);
    expect(await db.person.count({ where: { name: "Theodora Quince" } })).toBe(1);
  });

  it("twenty concurrent different claims about one event are all kept", async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(
          payload({
            person: { name: "Barnaby Ostrowski", aliases: [] },
            source: {
              title: `Ostrowski report ${i}`,
              url: `https://news${i}.example/ostrowski`,
              publisher: `Outlet ${i}`,
              language: "en",
              kind: "article",
            },
            excerpt: `Ostrowski has left (outlet ${i})`,
          }),
        ),
      ),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const events = await db.event.findMany({ where: { person: { name: "Barnaby Ostrowski" } }, include: { claims: true } });
    expect(events).toHaveLength(1);
    expect(events[0].claims).toHaveLength(20);
    expect(events[0]).toMatchObject({ status: "corroborated", claimCount: 20, sourceCount: 20 });
  });

  it("without credentials 401 and nothing stored; a bad key 401; a contributor's claim is 202 and waits, absent from events", async () => {
    const before = await counts();
    const anonymous = await post(payload({ excerpt: "anonymous try" }), { authorization: "" });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: expect.stringMatching(/Sign in/) });
    const forged = await post(payload({ excerpt: "forged key" }), { authorization: "Bearer dep_not_a_real_key" });
    expect(forged.status).toBe(401);
    expect(await counts()).toEqual(before);

    const submitted = await post(payload({ person: { name: "Contributed Person", aliases: [] }, excerpt: "a contributor's claim" }), {
      authorization: `Bearer ${contributorKey}`,
    });
    expect(submitted.status).toBe(202);
    const { submissionId } = await submitted.json();
    expect(await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).toMatchObject({ status: "pending" });
    expect(await counts()).toEqual(before);
    expect(await db.person.count({ where: { name: "Contributed Person" } })).toBe(0);
  });

  it("a new person whose alias belongs to someone recorded is refused with a field error, not merged", async () => {
    await post(payload({ person: { name: "Imogen Starling", aliases: [] }, excerpt: "Starling left" }));
    const before = await counts();
    const res = await post(payload({ person: { name: "Brand New Name X", aliases: ["Imogen Starling"] }, excerpt: "someone else left" }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors["person.aliases"][0]).toMatch(/already a name of Imogen Starling/);
    expect(await counts()).toEqual(before);
    expect(await db.personAlias.count({ where: { name: "Brand New Name X" } })).toBe(0);
  });
});
