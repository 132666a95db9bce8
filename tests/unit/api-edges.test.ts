/**
 * Every route handler answers bad input the same way: 400/401/404 with `{ error, fieldErrors? }`,
 * Cache-Control set, never a 500; calling the real handlers against this file's own database.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDb } from "../helpers/test-db";

const { url } = useTestDb();
type Handler = (request: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const handlers: Record<string, Handler> = {};

beforeAll(async () => {
  process.env.DATABASE_URL = url;
  delete (globalThis as { departuresDb?: unknown }).departuresDb;
  const load = async (name: string, mod: Promise<{ GET?: unknown }>) => (handlers[name] = (await mod).GET as Handler);
  await Promise.all([
    load("suggest", import("@/app/api/suggest/route")),
    load("candidates", import("@/app/api/claims/candidates/route")),
    load("changes", import("@/app/api/changes/route")),
    load("org", import("@/app/api/companies/[slug]/org/route")),
    load("diff", import("@/app/api/companies/[slug]/org/diff/route")),
    load("submissions", import("@/app/api/submissions/route")),
    load("people", import("@/app/api/people/route")),
    load("openapi", import("@/app/api/openapi.json/route")),
  ]);
});

async function call(name: string, path: string, params: Record<string, string> = {}) {
  const res = await handlers[name](new NextRequest(`http://localhost${path}`), { params: Promise.resolve(params) });
  return { status: res.status, cache: res.headers.get("cache-control"), body: await res.json() };
}

describe("one error shape for every route", () => {
  it.each([
    ["suggest", "/api/suggest?type=robot", {}, "type"],
    ["candidates", "/api/claims/candidates?person=A&company=B&kind=vanished", {}, "kind"],
    ["changes", "/api/changes?limit=0", {}, "limit"],
    ["changes", "/api/changes?since=yesterday", {}, "since"],
    ["org", "/api/companies/openai/org?at=2024-13-45", { slug: "openai" }, "at"],
    ["diff", "/api/companies/openai/org/diff?from=2024-01-01", { slug: "openai" }, "to"],
    ["people", "/api/people?limit=5", {}, "q"],
  ])("%s %s → 400 naming the field", async (name, path, params, field) => {
    const r = await call(name, path, params);
    expect(r.status).toBe(400);
    expect(r.cache).toBe("no-store");
    expect(typeof r.body.error).toBe("string");
    expect(Object.keys(r.body.fieldErrors)).toContain(field);
  });

  it("text that cannot be stored is a 400 on the field, not a 500", async () => {
    const r = await call("suggest", "/api/suggest?type=person&q=%00");
    expect(r.status).toBe(400);
    expect(r.body.fieldErrors.q[0]).toMatch(/q /);
  });

  it("an unknown company is a 404 with the same shape", async () => {
    const r = await call("org", "/api/companies/no-such-company/org", { slug: "no-such-company" });
    expect(r).toMatchObject({ status: 404, cache: "no-store", body: { error: 'No such company "no-such-company"' } });
  });

  it("no account is a 401 with the same shape", async () => {
    const r = await call("submissions", "/api/submissions");
    expect(r.status).toBe(401);
    expect(r.cache).toBe("no-store");
    expect(r.body).toEqual({ error: expect.stringMatching(/Sign in/) });
  });

  it("valid parameters still answer 200 with Cache-Control", async () => {
    expect(await call("suggest", "/api/suggest?type=company&q=")).toMatchObject({ status: 200, cache: "no-store", body: { suggestions: [] } });
    expect(await call("changes", "/api/changes?limit=5")).toMatchObject({ status: 200, cache: "no-store" });
    const doc = await call("openapi", "/api/openapi.json");
    expect(doc).toMatchObject({ status: 200, cache: "public, max-age=300", body: { openapi: "3.1.0" } });
  });
});
