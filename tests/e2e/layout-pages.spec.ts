import { expect, test, type Page } from "@playwright/test";
import { one } from "./e2e-db";

// Read-only: every main page fits a phone, names itself in <title>, and the table fits a laptop.

async function ids() {
  const event = await one<{ id: number; name: string; company: string }>(
    `SELECT e.id, p.name, c.name AS company FROM "Event" e JOIN "Person" p ON p.id = e."personId" JOIN "Company" c ON c.id = e."companyId"
     WHERE p.slug = 'jan-leike' AND e.kind = 'departed' AND c.slug = 'openai'`,
  );
  const source = await one<{ id: number; title: string }>(`SELECT id, title FROM "Source" WHERE language = 'ja' ORDER BY id LIMIT 1`);
  return { event: event!, source: source! };
}

/** How far the page reaches past the viewport's right edge, and the widest culprits. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1 && !el.closest("[data-scrolls]"))
        culprits.push(`${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80));
    }
    return { scroll: document.documentElement.scrollWidth - width, culprits: culprits.slice(0, 5) };
  });
}

test.describe("at 390 × 844", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("no main page is wider than the phone", async ({ page }) => {
    const { event, source } = await ids();
    const pages = [
      "/",
      "/?view=table",
      "/companies/openai",
      "/companies/openai/org",
      "/companies/openai/org?at=2024-01-01",
      "/people/jan-leike",
      `/events/${event.id}`,
      `/sources/${source.id}`,
      "/changes",
      "/events/new",
    ];
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const o = await overflow(page);
      expect(o.scroll, `${path} overflows by ${o.scroll}px: ${o.culprits.join(" | ")}`).toBeLessThanOrEqual(0);
    }
  });

  test("the navigation fits, with “Add an event” whole on one line", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    const add = nav.getByRole("link", { name: "Add an event" });
    await expect(add).toBeVisible();
    const b = (await add.boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(390);
    // one line: no taller than the Timeline link beside it
    expect(b.height).toBeLessThanOrEqual((await nav.getByRole("link", { name: "Timeline" }).boundingBox())!.height + 1);
  });
});

test.describe("at 1366 × 900", () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test("each page's title names what it shows", async ({ page }) => {
    const { event, source } = await ids();
    for (const [path, title] of [
      ["/people/jan-leike", "Jan Leike · Departures"],
      ["/companies/openai", "OpenAI · Departures"],
      [`/events/${event.id}`, new RegExp(`^Jan Leike left OpenAI \\(.+\\) · Departures$`)],
      [`/sources/${source.id}`, new RegExp(`^${source.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`)],
      ["/companies/openai/org?at=2024-01-01", "OpenAI org chart on 2024-01-01 · Departures"],
    ] as const) {
      await page.goto(path);
      await expect(page, path).toHaveTitle(title);
    }
  });

  test("the table shows every column without scrolling sideways", async ({ page }) => {
    await page.goto("/?view=table&limit=100");
    const table = page.getByTestId("events-table");
    await expect(table.locator("thead th")).toHaveCount(9);
    const scroller = table.locator("xpath=..");
    const [client, scroll] = await scroller.evaluate((el) => [el.clientWidth, el.scrollWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    for (const th of await table.locator("thead th").all()) {
      const b = (await th.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(1366);
    }
  });

  test("“1 source” links say what they are the source of, and Japanese source titles are marked", async ({ page }) => {
    await page.goto("/people/jan-leike");
    const { event, source } = await ids();
    const link = page.locator(`a[href="/events/${event.id}"]`).filter({ hasText: /^\d+ sources?/ });
    await expect(link.first()).toHaveAccessibleName(/^\d+ sources? for Jan Leike’s departure from OpenAI$/);
    await page.goto(`/sources/${source.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "ja");
  });

  test("the sticky month heading is opaque, so rows do not show through it", async ({ page }) => {
    await page.goto("/");
    const headings = await page.evaluate(() =>
      [...document.querySelectorAll("main h2, main h3")]
        .filter((el) => getComputedStyle(el).position === "sticky")
        .map((el) => ({ bg: getComputedStyle(el).backgroundColor, z: getComputedStyle(el).zIndex })),
    );
    expect(headings.length).toBeGreaterThan(0);
    for (const h of headings) {
      expect(h.bg).not.toBe("rgba(0, 0, 0, 0)");
      expect(h.bg).not.toMatch(/rgba\(.*, 0?\.\d+\)$/);
      expect(Number(h.z)).toBeGreaterThan(0);
    }
  });
});
