/**
 * Adding an event through /events/new as a user would: with the mouse, with the keyboard only, and
 * without JavaScript; invalid and hostile input; suggestions across scripts. Every test checks the page
 * and the database the server writes to. Only fictional people and companies are written.
 */
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { claimWhereExcerpt, count, eventById, eventsOfPerson, claimsOfEvent, fillClaimForm, storedCounts, unique } from "./form-helpers";

test("an event added through the form appears on the timeline with its source and excerpt; submitting it again adds nothing", async ({ page }) => {
  const sfx = unique();
  const person = `Ysolde${sfx} Varnell${sfx}`;
  const excerpt = `Ysolde Varnell (${sfx}) left Brightwater Labs in September to start something new.`;
  await page.goto("/events/new");
  await fillClaimForm(page, {
    person,
    company: `Brightwater${sfx} Labs`,
    role: "Head of Research",
    date: { precision: "month", year: "2023", month: "09" },
    sourceUrl: `https://news.example/varnell-${sfx}`,
    sourceTitle: `Varnell leaves Brightwater ${sfx}`,
    publisher: "Example Daily",
    excerpt,
  });
  const before = await storedCounts();
  await page.getByRole("button", { name: "Add the claim" }).click();

  await expect(page).toHaveURL(/\/events\/\d+\?added=created/);
  await expect(page.getByRole("status").filter({ hasText: "Recorded a new event" })).toBeVisible();
  const claim = page.getByRole("article", { name: new RegExp(`^Claim \\d+ from Varnell leaves Brightwater ${sfx}`) });
  await expect(claim.locator("blockquote")).toHaveText(excerpt);
  await expect(claim.getByRole("link", { name: `Varnell leaves Brightwater ${sfx}` })).toHaveAttribute("href", /\/sources\/\d+/);
  const eventUrl = page.url();

  const stored = (await claimWhereExcerpt(excerpt))!;
  expect(await eventById(stored.eventId)).toMatchObject({
    kind: "departed",
    dateText: "2023-09",
    status: "reported",
    role: "Head of Research",
    personName: person,
  });
  expect(stored).toMatchObject({ sourceUrl: `https://news.example/varnell-${sfx}`, editor: ACCOUNTS.editor.name });
  expect(await storedCounts()).toEqual({
    ...before,
    people: before.people + 1,
    companies: before.companies + 1,
    events: before.events + 1,
    claims: before.claims + 1,
    sources: before.sources + 1,
    changes: before.changes + 1,
  });

  // On the timeline, linked to its evidence.
  await page.goto("/");
  const row = page.getByTestId("timeline-event").filter({ hasText: person });
  await expect(row).toContainText(`Brightwater${sfx} Labs`);
  await expect(row.getByRole("link", { name: /1 source/ })).toHaveAttribute("href", `/events/${stored.eventId}`);

  // The same submission again stores nothing and says so.
  const afterFirst = await storedCounts();
  await page.goto("/events/new");
  await fillClaimForm(page, {
    person,
    company: `Brightwater${sfx} Labs`,
    role: "Head of Research",
    date: { precision: "month", year: "2023", month: "09" },
    sourceUrl: `https://news.example/varnell-${sfx}`,
    sourceTitle: `Varnell leaves Brightwater ${sfx}`,
    publisher: "Example Daily",
    excerpt,
  });
  await page.getByRole("button", { name: "Add the claim" }).click();
  await expect(page).toHaveURL(/\?added=duplicate/);
  await expect(page.getByRole("status").filter({ hasText: "already recorded" })).toBeVisible();
  expect(page.url().split("?")[0]).toBe(eventUrl.split("?")[0]);
  expect(await storedCounts()).toEqual(afterFirst);
});

test("an invalid submission shows each error by its field, keeps what was typed and stores nothing", async ({ page }) => {
  const sfx = unique();
  await page.goto("/events/new");
  await fillClaimForm(page, {
    person: `Orsolya${sfx} Brandt${sfx}`,
    company: `Kestrel${sfx} Systems`,
    date: { precision: "day", year: "2024", month: "02", day: "30" },
    sourceUrl: "not a web address",
    sourceTitle: `Brandt ${sfx}`,
    excerpt: "   ",
  });
  const before = await storedCounts();
  await page.getByRole("button", { name: "Add the claim" }).click();

  const summary = page.getByRole("alert", { name: /Nothing was saved/ });
  await expect(summary).toContainText("Nothing was saved");
  await expect(summary).toBeFocused();
  expect(page.url()).not.toContain("draft="); // answered in place, not by a redirect
  // Each error sits by its field, which is marked invalid and described by it.
  const url = page.getByRole("textbox", { name: /^Web address/ });
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toHaveAccessibleDescription(/http:\/\/ or https:\/\//);
  const excerpt = page.getByRole("textbox", { name: /^Excerpt, verbatim/ });
  await expect(excerpt).toHaveAttribute("aria-invalid", "true");
  await expect(excerpt).toHaveAccessibleDescription(/Excerpt is required/);
  await expect(page.getByRole("group", { name: "When" })).toHaveAccessibleDescription(/2024-02-30 does not exist/);
  // What was typed is still there.
  await expect(page.getByRole("combobox", { name: /^Person/ })).toHaveValue(`Orsolya${sfx} Brandt${sfx}`);
  await expect(page.getByRole("textbox", { name: "Day", exact: true })).toHaveValue("30");
  await expect(url).toHaveValue("not a web address");
  expect(await storedCounts()).toEqual(before);

  // A link in the summary takes the keyboard to the field.
  await summary.getByRole("link", { name: /Excerpt/ }).click();
  await expect(excerpt).toBeFocused();
});

test("a 100 KB paste and a future date are refused with field errors", async ({ page }) => {
  const sfx = unique();
  await page.goto("/events/new");
  await fillClaimForm(page, {
    person: `Thaddeus${sfx} Prewitt${sfx}`,
    company: `Larkspur${sfx} AI`,
    date: { precision: "year", year: String(new Date().getUTCFullYear() + 1) },
    sourceTitle: `Prewitt ${sfx}`,
    excerpt: "y".repeat(100 * 1024),
  });
  const before = await storedCounts();
  await page.getByRole("button", { name: "Add the claim" }).click();
  await expect(page.getByRole("textbox", { name: /^Excerpt, verbatim/ })).toHaveAccessibleDescription(/at most 5000 characters/);
  await expect(page.getByRole("group", { name: "When" })).toHaveAccessibleDescription(/in the future/);
  expect(await storedCounts()).toEqual(before);
});

test("while the claim is being saved the button says so and a second click sends nothing more", async ({ page }) => {
  const sfx = unique();
  await page.goto("/events/new");
  await fillClaimForm(page, {
    person: `Pending${sfx} Okonkwo${sfx}`,
    company: `Slowpoke${sfx} Ltd`,
    sourceTitle: `Okonkwo ${sfx}`,
    excerpt: `Okonkwo left (${sfx}).`,
  });
  let posts = 0;
  // Hold the server action's request for a moment so the pending state can be seen.
  await page.route("**/events/new", async (route) => {
    if (route.request().method() === "POST") posts++;
    if (route.request().method() === "POST") await new Promise((r) => setTimeout(r, 3000));
    await route.continue();
  });
  const button = page.getByRole("button", { name: "Add the claim" });
  await button.click();
  const saving = page.getByRole("button", { name: "Saving…" });
  await expect(saving).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByRole("status").filter({ hasText: "Saving your claim" })).toBeVisible();
  await saving.click({ force: true }); // aria-disabled keeps it focusable; a click must not send twice
  await expect(page).toHaveURL(/\?added=created/);
  expect(posts).toBe(1);
  expect(await count(`"Claim" WHERE excerpt = ?`, `Okonkwo left (${sfx}).`)).toBe(1);
});

test("a dropped connection keeps everything typed and saves nothing; sending again works", async ({ page }) => {
  const sfx = unique();
  const excerpt = `Offline${sfx} Marsh left (${sfx}).`;
  await page.goto("/events/new");
  await fillClaimForm(page, { person: `Offline${sfx} Marsh${sfx}`, company: `Dropline${sfx} Inc`, sourceTitle: `Marsh ${sfx}`, excerpt });
  const before = await storedCounts();
  await page.route("**/events/new", (route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue()));
  await page.getByRole("button", { name: "Add the claim" }).click();
  await expect(page.getByRole("alert", { name: /could not be sent/ })).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Excerpt, verbatim/ })).toHaveValue(excerpt);
  await expect(page.getByRole("combobox", { name: /^Person/ })).toHaveValue(`Offline${sfx} Marsh${sfx}`);
  expect(await storedCounts()).toEqual(before);

  await page.unroute("**/events/new");
  await page.getByRole("button", { name: "Add the claim" }).click();
  await expect(page).toHaveURL(/\?added=created/);
  expect(await count(`"Claim" WHERE excerpt = ?`, excerpt)).toBe(1);
});

test("HTML and script typed into the form are stored and shown as text, never run", async ({ page }) => {
  const sfx = unique();
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs++;
    await d.dismiss();
  });
  const excerpt = `<script>alert("x")</script><img src=x onerror="alert(1)"> Wren${sfx} left.`;
  await page.goto("/events/new");
  await fillClaimForm(page, {
    person: `Wren${sfx} <b>Halloway${sfx}</b>`,
    company: `Quarry${sfx} Partners`,
    role: "<i>CTO</i>",
    sourceTitle: `<script>alert(2)</script> ${sfx}`,
    excerpt,
  });
  await page.getByRole("button", { name: "Add the claim" }).click();
  await expect(page).toHaveURL(/\?added=created/);
  await expect(page.locator("blockquote").first()).toHaveText(excerpt);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Wren${sfx} <b>Halloway${sfx}</b>`);
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  expect(dialogs).toBe(0);
  expect(await count(`"Claim" WHERE excerpt = ?`, excerpt)).toBe(1);
});

test("typing a name in katakana suggests the person recorded under that alias", async ({ page }) => {
  await page.goto("/events/new");
  const person = page.getByRole("combobox", { name: /^Person/ });
  await person.fill("ケビン・クォーク");
  const option = page.getByRole("option", { name: /Kevin Weil/ });
  await expect(option).toBeVisible();
  await expect(option).toContainText("ケビン・クォーク");
  await person.fill("クォーク");
  await expect(page.getByRole("option", { name: /Kevin Weil/ })).toBeVisible();
  await person.press("ArrowDown");
  await person.press("Enter");
  await expect(person).toHaveValue("Kevin Weil");
  await expect(page.getByRole("listbox")).toBeHidden();
});

test("a new name resembling a recorded person must be confirmed before a new person is created", async ({ page }) => {
  const sfx = unique();
  await page.goto("/events/new");
  // "Kevin" resembles Kevin Weil; the editor has not picked him nor confirmed a new person.
  await fillClaimForm(page, { person: `Kevin ${sfx}x`, company: `Tidewell${sfx} Co`, sourceTitle: `Kevin ${sfx}`, excerpt: `Kevin ${sfx}x left.` });
  const before = await storedCounts();
  await page.getByRole("button", { name: "Add the claim" }).click();
  await expect(page.getByRole("combobox", { name: /^Person/ })).toHaveAccessibleDescription(/resembles .*Kevin Weil/);
  expect(await storedCounts()).toEqual(before);

  await page.getByRole("checkbox", { name: /This is a new person/ }).check();
  await page.getByRole("button", { name: "Add the claim" }).click();
  await expect(page).toHaveURL(/\?added=created/);
  expect(await count(`"Person" WHERE name = ?`, `Kevin ${sfx}x`)).toBe(1);
  // Kevin Weil gained nothing.
  expect(
    await count(
      `"Event" e JOIN "Person" p ON p.id = e."personId" JOIN "Company" c ON c.id = e."companyId" WHERE p.slug = 'kevin-weil' AND c.name = ?`,
      `Tidewell${sfx} Co`,
    ),
  ).toBe(0);
});

test("the form can be filled and sent with the keyboard alone", async ({ page }) => {
  const sfx = unique();
  const person = `Keyboard${sfx} Quell${sfx}`;
  await page.goto("/events/new");
  const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? "");
  const tabTo = async (name: string) => {
    for (let i = 0; i < 40 && (await focusedName()) !== name; i++) await page.keyboard.press("Tab");
    expect(await focusedName()).toBe(name);
  };
  await tabTo("person.name");
  await page.keyboard.type(person);
  await page.keyboard.press("Tab");
  expect(await focusedName()).toBe("company.name");
  await page.keyboard.type(`Keyco${sfx} Works`);
  await tabTo("kind");
  await page.keyboard.type("Departed");
  await tabTo("role");
  await page.keyboard.type("Staff Engineer");
  await tabTo("date.precision");
  await page.keyboard.press("ArrowRight"); // Not given → Day
  await page.keyboard.press("ArrowRight"); // Day → Month
  await page.keyboard.press("Tab");
  expect(await focusedName()).toBe("date.year");
  await page.keyboard.type("2022");
  await page.keyboard.press("Tab");
  expect(await focusedName()).toBe("date.month");
  await page.keyboard.type("March");
  await tabTo("source.url");
  await page.keyboard.type(`https://news.example/keyboard-${sfx}`);
  await page.keyboard.press("Tab");
  await page.keyboard.type(`Quell moves on ${sfx}`);
  await tabTo("source.language");
  await page.keyboard.type("en");
  await tabTo("excerpt");
  await page.keyboard.type(`Quell (${sfx}) has left Keyco.`);
  // on to the submit button, and send (the claim is attributed to the signed-in account)
  for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.textContent === "Add the claim")); i++)
    await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/events\/\d+\?added=created/);
  const [event] = await eventsOfPerson(person);
  expect(event).toMatchObject({ kind: "departed", dateText: "2022-03", role: "Staff Engineer" });
  expect((await claimsOfEvent(event.id))[0]).toMatchObject({ excerpt: `Quell (${sfx}) has left Keyco.`, editor: ACCOUNTS.editor.name });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("errors show by the fields with the values kept, then a corrected submission is stored", async ({ page }) => {
    const sfx = unique();
    const excerpt = `Nojs${sfx} Aldane${sfx} left Corvid${sfx}.`;
    await page.goto("/events/new");
    await fillClaimForm(page, {
      person: `Nojs${sfx} Aldane${sfx}`,
      company: `Corvid${sfx} Robotics`,
      date: { precision: "day", year: "2024", month: "02", day: "30" },
      sourceTitle: `Aldane ${sfx}`,
      excerpt,
    });
    const before = await storedCounts();
    await page.getByRole("button", { name: "Add the claim" }).click();
    await expect(page.getByRole("alert", { name: /Nothing was saved/ })).toContainText("2024-02-30 does not exist");
    await expect(page.getByRole("group", { name: "When" })).toHaveAccessibleDescription(/does not exist/);
    await expect(page.getByRole("textbox", { name: /^Excerpt, verbatim/ })).toHaveValue(excerpt);
    await expect(page.getByRole("combobox", { name: /^Person/ })).toHaveValue(`Nojs${sfx} Aldane${sfx}`);
    expect(await storedCounts()).toEqual(before);

    await page.getByRole("textbox", { name: "Day", exact: true }).fill("28");
    await page.getByRole("button", { name: "Add the claim" }).click();
    await expect(page).toHaveURL(/\/events\/\d+\?added=created/);
    await expect(page.locator("blockquote")).toHaveText(excerpt);
    expect((await eventById((await claimWhereExcerpt(excerpt))!.eventId))?.dateText).toBe("2024-02-28");
  });
});
