/**
 * The security headers on every kind of response the production server gives (pages, a not-found page,
 * route handlers, the feed, the SVG export), the nonce on every script Next renders, and the pages still
 * working with JavaScript under that policy: no CSP violation, and client navigation, filters and the
 * org chart's pan/zoom running.
 */
import { expect, test, type APIResponse } from "@playwright/test";

const PAGES = [
  "/",
  "/?view=table",
  "/?company=openai&kind=departed",
  "/events/new",
  "/changes",
  "/people/mira-murati",
  "/companies/openai",
  "/companies/openai/org",
  "/companies/openai/org?from=2023-01-01&to=2024-06-01",
  "/events/1",
  "/sources/1",
];
const OTHER = [
  "/api/events",
  "/api/events?format=csv",
  "/api/people?q=mira",
  "/api/companies?q=open",
  "/api/suggest?type=person&q=mi",
  "/api/companies/openai/org",
  "/api/companies/openai/org/diff?from=2023-01-01&to=2024-06-01",
  "/feed.xml",
  "/companies/openai/org/svg",
  "/api/events?limit=0",
  "/people/nobody",
  "/no-such-page",
];

function expectSecurityHeaders(res: APIResponse, url: string) {
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(
    csp.split(";").find((d) => d.trim().startsWith("script-src")),
    url,
  ).not.toContain("unsafe-inline");
  expect(csp, url).toContain("frame-ancestors 'none'");
  expect(csp, url).toContain("object-src 'none'");
  expect(csp, url).toContain("base-uri 'self'");
  expect(h["x-content-type-options"], url).toBe("nosniff");
  expect(h["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"], url).toBe("DENY");
  expect(h["permissions-policy"], url).toContain("camera=()");
  expect(h["x-powered-by"], url).toBeUndefined();
  // served over plain http here: no HSTS (a browser would pin http-only hosts otherwise)
  expect(h["strict-transport-security"], url).toBeUndefined();
}

for (const url of [...PAGES, ...OTHER]) {
  test(`security headers on ${url}`, async ({ request }) => {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBeLessThan(500);
    expectSecurityHeaders(res, url);
  });
}

test("HSTS only when the request came over https (x-forwarded-proto)", async ({ request }) => {
  const res = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(res.headers()["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
  expect(res.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

for (const url of PAGES) {
  test(`every script on ${url} carries this response's nonce, and the nonce is fresh per request`, async ({ request }) => {
    const first = await request.get(url);
    const second = await request.get(url);
    const nonceOf = (res: APIResponse) => /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
    const nonce = nonceOf(first)!;
    expect(nonce).toBeTruthy();
    expect(nonceOf(second)).not.toBe(nonce);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, url).toBeGreaterThan(0);
    for (const tag of scripts) {
      // JSON data blocks are not executed, so CSP does not apply to them
      if (/type="application\/(ld\+)?json"/.test(tag)) continue;
      expect(tag, url).toContain(`nonce="${nonce}"`);
    }
  });
}

test.describe("pages work with JavaScript under the policy", () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  });
  const violations = (page: import("@playwright/test").Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  for (const url of PAGES) {
    test(`no CSP violation on ${url}`, async ({ page }) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" && /Content Security Policy|Refused to/.test(m.text())) errors.push(m.text());
      });
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  test("client-side navigation runs (the router's scripts executed): a link click keeps the window", async ({ page }) => {
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Changes" }).click();
    await expect(page).toHaveURL(/\/changes$/);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(await violations(page)).toEqual([]);
  });

  test("the org chart's pan/zoom is hydrated", async ({ page }) => {
    await page.goto("/companies/openai/org");
    await page.waitForLoadState("networkidle");
    const zoomIn = page.getByRole("button", { name: /zoom in/i });
    await expect(zoomIn).toBeVisible();
    await zoomIn.click();
    expect(await violations(page)).toEqual([]);
  });
});
