import { expect, test, type Page } from "@playwright/test";
import { formatHuman, partialDate } from "../../lib/domain/partial-date";
import { all, one } from "./e2e-db";

// Read-only against the seeded OpenAI data: these tests write nothing.

const node = (page: Page, slug: string) => page.getByTestId("org-chart").locator(`g[data-person="${slug}"]`);

test("the OpenAI chart on 2024-01-01 has Mira Murati as CTO; on 2024-10-15 she is gone", async ({ page }) => {
  await page.goto("/companies/openai/org?at=2024-01-01");
  await expect(page.getByRole("heading", { level: 1, name: "OpenAI on 1 Jan 2024" })).toBeVisible();
  const mira = node(page, "mira-murati");
  await expect(mira).toBeVisible();
  await expect(mira).toHaveAttribute("data-title", "CTO");
  await expect(mira).toContainText("since Nov 2023");
  // a reporting line from the article: the president reports to the CTO
  const people = page.getByRole("list", { name: "People on this date" });
  await expect(people.locator('[data-person="greg-brockman"]')).toContainText("reports to Mira Murati");
  // an imprecise start is drawn as uncertain and says so
  await expect(node(page, "sarah-friar")).toHaveAttribute("data-uncertain", "true");
  await expect(node(page, "sarah-friar")).toContainText("may have started");

  // the database the server reads agrees: her CTO tenure ends in the week the sources date her exit to
  const cto = await all<{ startText: string; endText: string }>(
    `SELECT p."startText", p."endText" FROM "Position" p JOIN "Person" pe ON pe.id = p."personId" WHERE pe.slug = 'mira-murati' AND p.title = 'CTO'`,
  );
  expect(cto).toHaveLength(1);
  expect(cto[0].startText).toBe("2023-11");
  expect(partialDate(cto[0].endText).latest <= "2024-09-30" && partialDate(cto[0].endText).earliest >= "2024-09-01").toBe(true);

  await page.goto("/companies/openai/org?at=2024-10-15");
  await expect(page.getByRole("heading", { level: 1, name: "OpenAI on 15 Oct 2024" })).toBeVisible();
  await expect(node(page, "sam-altman")).toBeVisible();
  await expect(node(page, "mira-murati")).toHaveCount(0);
  // Greg Brockman is on leave, and with his manager gone he sits under the company
  await expect(node(page, "greg-brockman")).toContainText("on leave");
  await expect(people.locator('[data-person="greg-brockman"]')).toContainText("Mira Murati, named as manager, is not here on this date");
});

test("the diff lists Murati, McGrew and Zoph as departed and Brockman as on leave, each linked to its evidence", async ({ page }) => {
  await page.goto("/companies/openai/org?from=2024-01-01&to=2024-10-15");
  await expect(page.getByRole("heading", { level: 1, name: "OpenAI: changes from 1 Jan 2024 to 15 Oct 2024" })).toBeVisible();

  const departed = page.getByTestId("org-changes-departed");
  for (const [slug, title] of [
    ["mira-murati", "CTO"],
    ["bob-mcgrew", "Chief Research Officer"],
    ["barret-zoph", "VP of Research"],
  ]) {
    const row = departed.locator(`[data-person="${slug}"]`);
    await expect(row).toContainText(title);
    const left = await one<{ dateText: string }>(
      `SELECT e."dateText" FROM "Event" e JOIN "Person" p ON p.id = e."personId" JOIN "Company" c ON c.id = e."companyId"
       WHERE p.slug = ? AND c.slug = 'openai' AND e.kind = 'departed' AND e.scope = 'company'`,
      slug,
    );
    await expect(row).toContainText(`left (${formatHuman(partialDate(left!.dateText))})`);
    await expect(row.locator('a[href^="/events/"]').first()).toHaveAttribute("href", /^\/events\/\d+$/);
    await expect(row.locator('a[href^="/sources/"]').first()).toHaveAttribute("href", /^\/sources\/\d+$/);
    // the departed are drawn faded where they sat
    await expect(node(page, slug)).toHaveAttribute("data-ghost", "true");
  }
  const leave = page.getByTestId("org-changes-leave_started").locator('[data-person="greg-brockman"]');
  const onLeave = await one<{ dateText: string }>(
    `SELECT e."dateText" FROM "Event" e JOIN "Person" p ON p.id = e."personId" WHERE p.slug = 'greg-brockman' AND e.kind = 'leave_started'`,
  );
  await expect(leave).toContainText(`on leave since ${formatHuman(partialDate(onLeave!.dateText))}`);
  await expect(leave.locator('a[href^="/sources/"]').first()).toHaveAttribute("href", /^\/sources\/\d+$/);
  await expect(node(page, "greg-brockman")).toHaveAttribute("data-change", /changed|leave/);

  // the evidence link opens the event, which is Murati's departure
  await departed.locator('[data-person="mira-murati"] a[href^="/events/"]').first().click();
  await expect(page).toHaveURL(/\/events\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Mira Murati");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("departed");
});

test("the API returns the same chart and diff, typed, and rejects bad dates with field errors", async ({ request }) => {
  const at = async (day: string) => {
    const res = await request.get(`/api/companies/openai/org?at=${day}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as {
      at: string;
      nodes: { person: { slug: string }; title: string; onLeave: boolean; claims: { source: { url: string } }[] }[];
    };
  };
  const jan = await at("2024-01-01");
  expect(jan.at).toBe("2024-01-01");
  const mira = jan.nodes.find((n) => n.person.slug === "mira-murati");
  expect(mira?.title).toBe("CTO");
  expect(mira?.claims[0].source.url).toMatch(/^\/sources\/\d+$/);
  const oct = await at("2024-10-15");
  expect(oct.nodes.some((n) => n.person.slug === "mira-murati")).toBe(false);
  expect(oct.nodes.find((n) => n.person.slug === "greg-brockman")?.onLeave).toBe(true);

  const res = await request.get("/api/companies/openai/org/diff?from=2024-01-01&to=2024-10-15");
  expect(res.status()).toBe(200);
  const { changes } = (await res.json()) as { changes: { kind: string; person: { slug: string }; claims: { event: { url: string } }[] }[] };
  const slugs = (kind: string) => changes.filter((c) => c.kind === kind).map((c) => c.person.slug);
  expect(slugs("departed")).toEqual(expect.arrayContaining(["mira-murati", "bob-mcgrew", "barret-zoph"]));
  expect(slugs("leave_started")).toEqual(["greg-brockman"]);
  expect(changes.every((c) => c.claims.length > 0)).toBe(true);

  const bad = await request.get("/api/companies/openai/org?at=2024-02-30");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fieldErrors.at[0]).toMatch(/does not exist/);
  const reversed = await request.get("/api/companies/openai/org/diff?from=2024-10-15&to=2024-01-01");
  expect(reversed.status()).toBe(400);
  expect(Object.keys((await reversed.json()).fieldErrors)).toEqual(["to"]);
  expect((await request.get("/api/companies/no-such-company/org?at=2024-01-01")).status()).toBe(404);
});

test("a bad date on the page is shown next to its field", async ({ page }) => {
  await page.goto("/companies/openai/org?at=2024-13-01");
  const input = page.getByLabel("Chart on", { exact: true });
  await expect(input).toHaveAttribute("aria-invalid", "true");
  const describedBy = await input.getAttribute("aria-describedby");
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText("no month 13");
  await expect(page.getByTestId("org-chart")).toHaveCount(0);
});

test("the timeline steps between change dates, keeping `at` in the URL", async ({ page }) => {
  await page.goto("/companies/openai/org?at=2024-09-24");
  await page.getByRole("link", { name: /Next change/ }).click();
  // the next change is the end of the week the sources date Murati's (and others') exit to
  await expect(page).toHaveURL(/\?at=2024-09-(2[5-9]|30)$/);
  const at = new URL(page.url()).searchParams.get("at")!;
  await expect(page.getByRole("heading", { level: 1, name: `OpenAI on ${formatHuman(partialDate(at))}` })).toBeVisible();
  await expect(node(page, "mira-murati")).toHaveCount(0);
  await page.getByRole("link", { name: /Previous change/ }).click();
  await expect(page).toHaveURL(/\?at=2024-\d{2}-\d{2}$/);
  await expect(node(page, "mira-murati")).toBeVisible();
  // clicking a person opens their page
  await node(page, "mira-murati").getByRole("link", { name: "Mira Murati", exact: true }).click();
  await expect(page).toHaveURL(/\/people\/mira-murati$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the chart is drawn on the server and the slider form still moves the date", async ({ page }) => {
    await page.goto("/companies/openai/org?at=2024-01-01");
    await expect(node(page, "mira-murati")).toBeVisible();
    await page.getByRole("slider", { name: "Timeline" }).fill("0");
    await page.getByRole("button", { name: "Go" }).click();
    await expect(page).toHaveURL(/\/companies\/openai\/org\?at=\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByRole("heading", { level: 1, name: /^OpenAI on / })).toBeVisible();
  });
});

test("the drawn chart downloads as a standalone SVG", async ({ request }) => {
  const res = await request.get("/companies/openai/org/svg?at=2024-01-01");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("image/svg+xml");
  expect(res.headers()["content-disposition"]).toContain('filename="openai-org-2024-01-01.svg"');
  const svg = await res.text();
  expect(svg).toMatch(/^<\?xml/);
  expect(svg).toContain('data-person="mira-murati" data-title="CTO"');
  expect(svg).toMatch(/href="http:\/\/[^"]+\/people\/mira-murati"/);
});
