/**
 * Snags a new user hit (issue #15): the change log's wording, the no-JavaScript "resembles" message that
 * now offers the people to pick, placeholders that read as hints. Writes only fictional companies.
 */
import { expect, test } from "@playwright/test";
import { claimWhereExcerpt, count, fillClaimForm, one, unique } from "./form-helpers";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a name resembling a recorded person offers that person as a button, and picking it files the claim under them", async ({ page }) => {
    const sfx = unique();
    const excerpt = `Kevin Weil left Pickwell${sfx}.`;
    await page.goto("/events/new");
    await fillClaimForm(page, { person: "Kevin Wei", company: `Pickwell${sfx} Co`, sourceTitle: `Pick ${sfx}`, excerpt });
    await page.getByRole("button", { name: "Add the claim" }).click();
    const picks = page.getByRole("group", { name: /resembles people on record/ });
    await expect(picks).toBeVisible();
    await picks.getByRole("button", { name: "Use Kevin Weil" }).click();
    await expect(page).toHaveURL(/\/events\/\d+\?added=created/);
    const claim = await claimWhereExcerpt(excerpt);
    const person = await one<{ slug: string }>(`SELECT p.slug FROM "Event" e JOIN "Person" p ON p.id = e."personId" WHERE e.id = ?`, claim!.eventId);
    expect(person?.slug).toBe("kevin-weil");
    // no near-duplicate person was created
    expect(await count(`"Person" WHERE name = 'Kevin Wei'`)).toBe(0);
  });
});

test("the change log names the event and the claim a change created", async ({ page }) => {
  const sfx = unique();
  const excerpt = `Orrin${sfx} Tallis${sfx} left Logwell${sfx}.`;
  await page.goto("/events/new");
  await fillClaimForm(page, { person: `Orrin${sfx} Tallis${sfx}`, company: `Logwell${sfx} Co`, sourceTitle: `Log ${sfx}`, excerpt });
  await page.getByRole("button", { name: "Add the claim" }).click();
  await expect(page).toHaveURL(/\?added=created/);
  const claim = (await claimWhereExcerpt(excerpt))!;
  await page.goto("/changes");
  const entry = page
    .getByTestId("change")
    .filter({ hasText: `Orrin${sfx}` })
    .first();
  await expect(entry).toContainText(`created event ${claim.eventId} with claim ${claim.id}`);
  await expect(entry).not.toContainText("#");
  await expect(entry.getByRole("link", { name: `event ${claim.eventId}`, exact: true })).toHaveAttribute("href", `/events/${claim.eventId}`);
});

test("placeholders are examples, styled unlike typed values", async ({ page }) => {
  await page.goto("/events/new");
  const published = page.getByRole("textbox", { name: /^Published/ });
  await expect(published).toHaveAttribute("placeholder", /^e\.g\. /);
  const style = await published.evaluate((el) => getComputedStyle(el, "::placeholder").fontStyle);
  expect(style).toBe("italic");
});
