/**
 * proxy.ts and its rules, called directly: malformed paths, writes from other sites or over the size
 * limit, the headers on what passes, and the public base URL (lib/env.ts, lib/http/origin.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { EnvError, parseEnv } from "@/lib/env";
import { publicOrigin, requestOrigin } from "@/lib/http/origin";
import { PAGE_POST_MAX_BYTES, contentSecurityPolicy, isWellEncodedPath, refuseWrite } from "@/lib/http/security";
import { useTestDb } from "../helpers/test-db";

const { db, url } = useTestDb();
let proxy: (request: NextRequest) => Promise<Response>;

beforeAll(async () => {
  // the proxy asks the app's database whether a page's record exists: point it at this file's database
  process.env.DATABASE_URL = url;
  delete (globalThis as { departuresDb?: unknown }).departuresDb;
  ({ proxy } = await import("@/proxy"));
  await db.person.create({ data: { name: "Mira Murati", slug: "mira-murati" } });
  await db.person.create({ data: { name: "ミラ", slug: "ミラ" } });
});

// as a server receives them: with a Host header (NextRequest itself reports 127.0.0.1 as localhost)
const req = (url: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}) =>
  new NextRequest(new URL(url, "http://127.0.0.1:3000"), { ...init, ...(init.body ? { duplex: "half" } : {}) } as ConstructorParameters<
    typeof NextRequest
  >[1]);

describe("malformed percent-encoding in a path → 400 from the proxy", () => {
  const BAD = [
    "/people/%",
    "/people/%E0",
    "/companies/%E0%A4%A",
    "/api/companies/%E0/org",
    "/events/%ZZ",
    "/sources/%C0%80",
    "/people/%ED%A0%80",
    "/feed.xml/%",
  ];
  for (const path of BAD) {
    it(path, async () => {
      expect(isWellEncodedPath(path)).toBe(false);
      const res = await proxy(req(`http://127.0.0.1:3000${path}`));
      expect(res.status).toBe(400);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    });
  }
  for (const path of ["/people/mira-murati", "/people/%E3%83%9F%E3%83%A9", "/api/companies/%25E0/org", "/"]) {
    it(`${path} passes`, async () => {
      expect(isWellEncodedPath(path)).toBe(true);
      const res = await proxy(req(path));
      expect(res.status).toBe(200);
      expect(res.headers.get("x-middleware-next")).toBe("1");
    });
  }
  for (const path of ["/people/nobody", "/events/999999", "/events/abc", "/sources/0", "/companies/nope/org"]) {
    it(`${path} (no such record) is rewritten to the not-found page`, async () => {
      const res = await proxy(req(path));
      expect(res.headers.get("x-middleware-rewrite")).toMatch(/\/_departures\/missing$/);
      expect(res.headers.get("content-security-policy")).toMatch(/nonce-/);
    });
  }
});

describe("writes from another site → 403; oversized form posts → 413", () => {
  const ORIGINS = ["https://evil.example", "null", "http://127.0.0.1.evil.example", "http://127.0.0.1:3001", "not a url", "file://"];
  for (const origin of ORIGINS) {
    for (const path of ["/events/new", "/events/1", "/api/claims", "/review"]) {
      it(`POST ${path} with Origin ${origin}`, async () => {
        const res = await proxy(req(path, { method: "POST", headers: { origin, "content-type": "application/x-www-form-urlencoded" }, body: "a=1" }));
        expect(res.status).toBe(403);
      });
    }
  }
  it("the same site, behind a proxy that forwards its host, is let through", () => {
    const r = req("http://internal:3000/events/new", {
      method: "POST",
      headers: { origin: "https://departures.example.org", "x-forwarded-host": "departures.example.org", "x-forwarded-proto": "https" },
    });
    expect(refuseWrite(r, "/events/new")).toBeNull();
  });
  it("no Origin (a script) is left to the route; Better Auth's own endpoints check their own", () => {
    expect(refuseWrite(req("/api/claims", { method: "POST" }), "/api/claims")).toBeNull();
    expect(
      refuseWrite(req("/api/auth/sign-in/email", { method: "POST", headers: { origin: "https://evil.example" } }), "/api/auth/sign-in/email"),
    ).toBeNull();
  });
  it("a declared body over 1 MB to a page → 413; to the API the route answers itself", async () => {
    const big = {
      method: "POST",
      headers: { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", "content-length": String(PAGE_POST_MAX_BYTES + 1) },
    };
    expect((await proxy(req("/events/new", big))).status).toBe(413);
    expect(refuseWrite(req("/api/claims", big), "/api/claims")).toBeNull();
  });
  it("a chunked body over 1 MB to a page → 413", async () => {
    const chunk = new Uint8Array(256 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 5) c.enqueue(chunk);
        else c.close();
      },
    });
    const res = await proxy(req("/events/new", { method: "POST", headers: { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }, body }));
    expect(res.status).toBe(413);
  });
});

describe("headers on what passes", () => {
  it("a nonce'd CSP without unsafe-inline scripts, frame protection, nosniff, referrer and permissions policies; no HSTS over http", async () => {
    const res = await proxy(req("/"));
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("permissions-policy")).toContain("geolocation=()");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    // the nonce reaches the render through the request headers
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });
  it("HSTS when the request came over https", async () => {
    const res = await proxy(req("/", { headers: { "x-forwarded-proto": "https" } }));
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
    expect(contentSecurityPolicy("n", { dev: false, https: true })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { dev: false, https: false })).not.toContain("unsafe-eval");
  });
});

describe("the public base URL", () => {
  it("DEPARTURES_PUBLIC_URL is parsed once, to an origin; a bad one is a clear error naming the variable", () => {
    expect(parseEnv({ DEPARTURES_PUBLIC_URL: "https://departures.example.org/" }).DEPARTURES_PUBLIC_URL).toBe("https://departures.example.org");
    expect(parseEnv({ DEPARTURES_PUBLIC_URL: "" }).DEPARTURES_PUBLIC_URL).toBeUndefined();
    for (const bad of ["departures.example.org", "ftp://x.example", "https://x.example/sub", "https://x.example/?q=1", "https://u:p@x.example"]) {
      expect(() => parseEnv({ DEPARTURES_PUBLIC_URL: bad }), bad).toThrow(EnvError);
      expect(() => parseEnv({ DEPARTURES_PUBLIC_URL: bad }), bad).toThrow(/DEPARTURES_PUBLIC_URL/);
    }
  });
  it("without it, the request's forwarded host and protocol, else its Host header; a crafted header is ignored", () => {
    expect(requestOrigin(new Request("http://127.0.0.1:3000/feed.xml", { headers: { host: "departures.test:8080" } }))).toBe(
      "http://departures.test:8080",
    );
    expect(
      requestOrigin(
        new Request("http://127.0.0.1:3000/feed.xml", { headers: { "x-forwarded-host": "a.example, b.example", "x-forwarded-proto": "https" } }),
      ),
    ).toBe("https://a.example");
    expect(requestOrigin(new Request("http://127.0.0.1:3000/feed.xml", { headers: { "x-forwarded-host": '"><svg onload=alert(1)>' } }))).toBe(
      "http://127.0.0.1:3000",
    );
    expect(publicOrigin(new Request("http://127.0.0.1:3000/x"))).toMatch(/^http/);
  });
});
