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

/** Text whose colour has less than 4.5:1 contrast (3:1 for large text) with the background behind it. */
async function lowContrast(page: Page) {
  return page.evaluate(() => {
    // computed colours may be oklch(): let a canvas turn them into sRGB
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
    const rgba = (c: string) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "rgba(0,0,0,0)";
      ctx.fillStyle = c;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return { r, g, b, a: a / 255 };
    };
    const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c.a > 0.5) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const out: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) continue;
      if (el.closest(".sr-only, svg, option, select, [hidden]")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const s = getComputedStyle(el);
      const [l1, l2] = [lum(rgba(s.color)), lum(background(el))];
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      const large = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.66 && Number(s.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) out.push(`${ratio.toFixed(2)}:1 "${el.textContent!.trim().slice(0, 30)}"`);
    }
    return out;
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

  test("text contrast is at least 4.5:1 on the main pages", async ({ page }) => {
    const { event, source } = await ids();
    for (const path of [
      "/",
      "/?view=table",
      "/companies/openai",
      "/companies/openai/org?at=2024-01-01",
      "/people/jan-leike",
      `/events/${event.id}`,
      `/sources/${source.id}`,
      "/changes",
      "/events/new",
    ]) {
      await page.goto(path);
      expect(await lowContrast(page), path).toEqual([]);
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
