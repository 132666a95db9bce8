import { expect, test, type Page } from "@playwright/test";
import { all } from "./e2e-db";

// Read-only against the seeded OpenAI data: the org chart as a hierarchy, its stepper, and its phone form.

const node = (page: Page, slug: string) => page.getByTestId("org-chart").locator(`g[data-person="${slug}"]`);
const box = async (page: Page, slug: string) => {
  const b = await node(page, slug).locator("rect").first().boundingBox();
  expect(b, `box of ${slug}`).not.toBeNull();
  return b!;
};

/** The people the database records as reporting to Mira Murati at OpenAI on 1 Jan 2024. */
async function muratiReports() {
  return all<{ slug: string; title: string }>(
    `SELECT pe.slug, p.title FROM "Position" p
       JOIN "Person" pe ON pe.id = p."personId" JOIN "Person" m ON m.id = p."reportsToPersonId" JOIN "Company" c ON c.id = p."companyId"
     WHERE c.slug = 'openai' AND m.slug = 'mira-murati' AND p.scope = 'company'
       AND (p."startEarliest" IS NULL OR p."startEarliest" <= '2024-01-01') AND (p."endLatest" IS NULL OR p."endLatest" > '2024-01-01')`,
  );
}

test.describe("at 1366 × 900", () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test("the OpenAI chart on 2024-01-01 draws the CEO at the top and Murati's reports under her, with full titles", async ({ page }) => {
    await page.goto("/companies/openai/org?at=2024-01-01");
    const ceo = node(page, "sam-altman");
    await expect(ceo).toHaveAttribute("data-title", "CEO");
    const top = await box(page, "sam-altman");
    // nobody is drawn above the chief executive
    const slugs = await page
      .getByTestId("org-chart")
      .locator("g[data-person]")
      .evaluateAll((gs) => gs.map((g) => g.getAttribute("data-person")!));
    expect(slugs.length).toBeGreaterThan(10);
    for (const slug of slugs) if (slug !== "sam-altman") expect((await box(page, slug)).y, slug).toBeGreaterThan(top.y + top.height - 1);

    const reports = await muratiReports();
    expect(reports.map((r) => r.slug).sort()).toEqual(["greg-brockman", "john-schulman"]);
    const mira = await box(page, "mira-murati");
    for (const r of reports) {
      await expect(node(page, r.slug)).toHaveAttribute("data-reports-to", "mira-murati");
      const b = await box(page, r.slug);
      expect(b.y).toBeGreaterThan(mira.y + mira.height - 1);
      expect(b.x).toBeGreaterThan(mira.x);
      expect(b.x).toBeLessThan(mira.x + mira.width);
      // the whole title is drawn, however long
      await expect(node(page, r.slug)).toContainText(r.title);
    }
    // a title too long for one line wraps instead of being cut
    const ilya = node(page, "ilya-sutskever");
    await expect(ilya).toContainText("Co-lead, Superalignment (Co-founder and Chief Scientist)");
    await expect(ilya).not.toContainText("…");
    const lines = await ilya.locator("tspan").evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().y));
    expect(new Set(lines.map(Math.round)).size).toBeGreaterThan(3);
    // the page's title names what it shows
    await expect(page).toHaveTitle("OpenAI org chart on 2024-01-01 · Departures");
  });

  test("each step of the slider keeps the keyboard focus and announces what changed", async ({ page }) => {
    await page.goto("/companies/openai/org?at=2024-09-24");
    const slider = page.getByRole("slider", { name: "Timeline" });
    const status = page.getByTestId("org-step-summary");
    await expect(status).toHaveAttribute("aria-live", "polite");
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(/\?at=2024-09-(2[5-9]|30)$/);
    await expect(node(page, "mira-murati")).toHaveCount(0);
    await expect(slider).toBeFocused();
    // the step that removed Murati from the chart says she left
    await expect(status).toContainText(/Mira Murati (may have )?left \(CTO\)/);
    const first = new URL(page.url()).searchParams.get("at")!;

    await page.keyboard.press("ArrowRight");
    await expect(page).not.toHaveURL(new RegExp(`at=${first}$`));
    await expect(slider).toBeFocused();
    await expect(status).toContainText(/^On \d{1,2} \w{3} \d{4}: /);
    await expect(status).not.toContainText("Mira Murati left");

    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(new RegExp(`at=${first}$`));
    await expect(slider).toBeFocused();
    await expect(status).toContainText("Mira Murati");
  });

  test("the previous/next links announce the step too", async ({ page }) => {
    await page.goto("/companies/openai/org?at=2024-09-24");
    await page.getByRole("link", { name: /Next change/ }).click();
    await expect(page.getByTestId("org-step-summary")).toContainText(/Mira Murati (may have )?left/);
  });
});

test.describe("at 390 × 844", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the chart becomes an indented list with the same hierarchy and facts", async ({ page }) => {
    await page.goto("/companies/openai/org?at=2024-01-01");
    await expect(page.getByTestId("org-chart")).toBeHidden();
    const people = page.getByRole("list", { name: "People on this date" });
    // the CEO first, Murati's reports nested in her entry
    await expect(people.getByTestId("org-person").first()).toHaveAttribute("data-person", "sam-altman");
    const underMira = people.getByRole("list", { name: "Reporting to Mira Murati" });
    for (const r of await muratiReports()) {
      const row = underMira.locator(`[data-person="${r.slug}"]`);
      await expect(row).toContainText(r.title);
      await expect(row).toContainText("reports to Mira Murati");
      await expect(row.locator('a[href^="/events/"]').first()).toBeVisible();
      // set in from her entry
      const [m, c] = [await people.locator('[data-person="mira-murati"]').boundingBox(), await row.boundingBox()];
      expect(c!.x).toBeGreaterThan(m!.x);
    }
    await expect(people.locator('[data-person="ilya-sutskever"]')).toContainText("Co-lead, Superalignment (Co-founder and Chief Scientist)");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });

  test("the whole chart is shown, scaled to the page, not clipped", async ({ page }) => {
    await page.goto("/companies/openai/org?at=2024-01-01");
    const frame = page.getByRole("region", { name: /OpenAI on 1 Jan 2024/ });
    const svg = frame.locator("svg").first();
    const [f, s] = [await frame.boundingBox(), await svg.boundingBox()];
    expect(s!.width).toBeLessThanOrEqual(f!.width + 1);
    expect(s!.height).toBeLessThanOrEqual(f!.height + 1);
    // the last person drawn is inside the frame
    const boxes = await svg.locator("g[data-person] > rect:first-child").evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().bottom));
    expect(Math.max(...boxes)).toBeLessThanOrEqual(f!.y + f!.height + 1);
    await expect(page.getByTestId("org-step-summary")).toContainText(/^(No change since|On) /);
  });
});
