/**
 * The hostile-input suite's page-level half, against the production server: prototype-named query keys
 * on every GET route and page, malformed percent-encoding in every dynamic route, and form posts that are
 * too large or come from another site. Every case: a clear 4xx (or the page itself), never a 5xx, and
 * nothing stored (rows counted in the server's own database before and after).
 */
import { expect, test } from "@playwright/test";
import { one } from "./e2e-db";

async function counts() {
  const row = await one<Record<string, number>>(
    `SELECT (SELECT COUNT(*) FROM "Person") AS people, (SELECT COUNT(*) FROM "Company") AS companies, (SELECT COUNT(*) FROM "Event") AS events,
            (SELECT COUNT(*) FROM "Claim") AS claims, (SELECT COUNT(*) FROM "Source") AS sources, (SELECT COUNT(*) FROM "Change") AS changes`,
  );
  return row!;
}

const PROTO_KEYS = ["constructor", "toString", "__proto__", "valueOf", "hasOwnProperty", "__defineGetter__"];
const GET_ROUTES = [
  "/",
  "/?view=table",
  "/companies/openai",
  "/companies/openai/org",
  "/people/mira-murati",
  "/events/new",
  "/changes",
  "/api/events",
  "/api/events?format=csv",
  "/api/people?q=mira",
  "/api/companies?q=open",
  "/api/suggest?type=company&q=op",
  "/api/companies/openai/org",
  "/api/companies/openai/org/diff?from=2023-01-01&to=2024-01-01",
  "/feed.xml",
  "/companies/openai/org/svg",
  "/flows?company=openai",
  "/watching",
  "/changes/feed.xml",
  "/api/changes?since=2024-01-01T00:00:00Z",
];

test.describe("prototype-named query keys × every GET route: ignored, never a 5xx", () => {
  for (const route of GET_ROUTES) {
    test(route, async ({ request }) => {
      for (const key of PROTO_KEYS) {
        const url = `${route}${route.includes("?") ? "&" : "?"}${key}=1`;
        const res = await request.get(url, { maxRedirects: 0 });
        expect(res.status(), url).toBe(200);
      }
    });
  }
});

const MALFORMED = ["%", "%E0", "%E0%A4%A", "%25E0", "%25", "%ZZ", "%C0%80", "%ED%A0%80", "%00", "a%2Fb"];
/** Route handlers answer these themselves: 400 from the proxy or a JSON 404. */
const HANDLER_ROUTES = [
  (s: string) => `/companies/${s}/org/svg`,
  (s: string) => `/companies/${s}/org/go?i=0`,
  (s: string) => `/api/companies/${s}/org`,
  (s: string) => `/api/companies/${s}/org/diff?from=2023-01-01&to=2024-01-01`,
];
const PAGE_ROUTES = [
  (s: string) => `/people/${s}`,
  (s: string) => `/companies/${s}`,
  (s: string) => `/companies/${s}/org`,
  (s: string) => `/events/${s}`,
  (s: string) => `/sources/${s}`,
];

test.describe("malformed percent-encoding × every dynamic route: 400 or 404, never a URIError 500", () => {
  for (const value of MALFORMED) {
    test(value, async ({ request }) => {
      for (const route of HANDLER_ROUTES) {
        const url = route(value);
        const res = await request.get(url, { maxRedirects: 0 });
        expect([400, 404], url).toContain(res.status());
      }
      for (const route of PAGE_ROUTES) {
        const url = route(value);
        const res = await request.get(url, { maxRedirects: 0 });
        const body = await res.text();
        // A page that calls notFound() after Next has sent its prerendered fallback shell still answers 200
        // with the not-found page and noindex (Next.js #95380/#98518; the fix is in the pages, see
        // docs/decisions/0042-security-headers-and-hostile-input.md). Never an error page or a 5xx.
        expect(res.status(), url).toBeLessThan(500);
        if (res.status() === 200) {
          expect(body, url).toContain('name="robots" content="noindex"');
          expect(body, url).not.toMatch(/Application error|Something went wrong/);
        } else {
          expect([400, 404], url).toContain(res.status());
        }
      }
    });
  }
});

test("/people/nobody is not a server error", async ({ request }) => {
  const res = await request.get("/people/nobody");
  expect(res.status()).toBeLessThan(500);
});

test.describe("form posts to pages", () => {
  const form = (extra: Record<string, string> = {}) => ({
    "person.name": "Hostile Poster",
    "company.name": "Nowhere Labs",
    kind: "departed",
    "date.precision": "unknown",
    "destination.relation": "unknown",
    "source.mode": "new",
    "source.title": "A hostile post",
    "source.language": "en",
    "source.kind": "article",
    excerpt: "Hostile Poster left Nowhere Labs.",
    editor: "e2e",
    ...extra,
  });

  test("over 1 MB → 413 and nothing stored", async ({ request, baseURL }) => {
    const before = await counts();
    const res = await request.post("/events/new", {
      headers: { origin: baseURL! },
      form: form({ excerpt: "x".repeat(1024 * 1024 + 10) }),
      maxRedirects: 0,
    });
    expect(res.status()).toBe(413);
    expect(await counts()).toEqual(before);
  });

  for (const origin of ["https://evil.example", "null", "http://127.0.0.1.evil.example", "not a url"]) {
    test(`Origin ${origin} → 403 and nothing stored`, async ({ request }) => {
      const before = await counts();
      const res = await request.post("/events/new", { headers: { origin }, form: form(), maxRedirects: 0 });
      expect(res.status()).toBe(403);
      expect(await counts()).toEqual(before);
    });
  }

  test("a JSON write with a foreign Origin → 403 JSON, nothing stored", async ({ request }) => {
    const before = await counts();
    const res = await request.post("/api/claims", { headers: { origin: "https://evil.example" }, data: {} });
    expect(res.status()).toBe(403);
    expect(await res.json()).toHaveProperty("error");
    expect(await counts()).toEqual(before);
  });

  test("a server-action-shaped post from another site → 403, not Next's 500", async ({ request }) => {
    const res = await request.post("/events/new", {
      headers: { origin: "https://evil.example", "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
      maxRedirects: 0,
    });
    expect(res.status()).toBe(403);
  });
});
