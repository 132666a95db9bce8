/**
 * Claims meeting recorded events in the browser: the form offers the matching event, a disagreeing
 * claim makes the event disputed with the values side by side, and a retraction recomputes the event
 * and lands in the change log. Each test sets up its own fictional event through POST /api/claims.
 */
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { claimById, claimPayload, eventById, fillClaimForm, postClaim, storedCounts, unique } from "./form-helpers";

test("the form offers the matching event and adds the claim to it instead of creating a second event", async ({ page, request }) => {
  const sfx = unique();
  const first = await postClaim(request, claimPayload(sfx, { date: "2023-04" }));
  expect(first.status).toBe(201);

  await page.goto("/events/new");
  await fillClaimForm(page, {
    person: `Ysolde${sfx} Varnell${sfx}`,
    company: `Brightwater${sfx} Labs`,
    date: { precision: "month", year: "2023", month: "04" },
    sourceUrl: `https://second.example/${sfx}`,
    sourceTitle: `Second report ${sfx}`,
    publisher: `Second ${sfx}`,
    excerpt: `Brightwater confirms Varnell's exit (${sfx}).`,
  });
  const offer = page.getByRole("group", { name: "Is this an event already on record?" });
  await expect(offer).toBeVisible();
  await offer.getByRole("radio", { name: /Add as a claim to/ }).check();
  const before = await storedCounts();
  await page.getByRole("button", { name: "Add the claim" }).click();

  await expect(page).toHaveURL(new RegExp(`/events/${first.body.event.id}\\?added=merged`));
  await expect(page.getByRole("heading", { name: /Evidence \(2 claims\)/ })).toBeVisible();
  expect(await eventById(first.body.event.id)).toMatchObject({ status: "corroborated", claimCount: 2, sourceCount: 2 });
  const after = await storedCounts();
  expect(after.events).toBe(before.events);
  expect(after.claims).toBe(before.claims + 1);
});

test("'Add a claim to this event' opens the form with the event chosen", async ({ page, request }) => {
  const sfx = unique();
  const first = await postClaim(request, claimPayload(sfx, { date: "2023-04" }));
  await page.goto(`/events/${first.body.event.id}`);
  await page.getByRole("link", { name: "Add a claim to this event" }).click();
  await expect(page.getByRole("combobox", { name: /^Person/ })).toHaveValue(`Ysolde${sfx} Varnell${sfx}`);
  await expect(page.getByRole("combobox", { name: /^Company left/ })).toHaveValue(`Brightwater${sfx} Labs`);
  const offer = page.getByRole("group", { name: "Is this an event already on record?" });
  await expect(offer.getByRole("radio", { name: /Add as a claim to/ })).toBeChecked();
  await page
    .getByRole("group", { name: "Source" })
    .getByRole("textbox", { name: /^Title/ })
    .fill(`Follow-up ${sfx}`);
  await page
    .getByRole("group", { name: "Source" })
    .getByRole("combobox", { name: /^Language of the excerpt/ })
    .fill("en");
  await page.getByRole("textbox", { name: /^Excerpt, verbatim/ }).fill(`A follow-up confirms it (${sfx}).`);
  await page.getByRole("button", { name: "Add the claim" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${first.body.event.id}\\?added=merged`));
  expect((await eventById(first.body.event.id))?.claimCount).toBe(2);
});

test("without a choice the server asks before storing; a different date makes the event disputed, shown side by side", async ({ page, request }) => {
  const sfx = unique();
  const first = await postClaim(request, claimPayload(sfx, { date: "2023-04" }));
  await page.goto("/events/new");
  await fillClaimForm(page, {
    person: `Ysolde${sfx} Varnell${sfx}`,
    company: `Brightwater${sfx} Labs`,
    date: { precision: "month", year: "2023", month: "06" },
    sourceTitle: `Later report ${sfx}`,
    publisher: `Later ${sfx}`,
    excerpt: `Varnell left in June (${sfx}).`,
  });
  // Send before choosing: nothing is stored, the choice is asked for.
  const offer = page.getByRole("group", { name: "Is this an event already on record?" });
  await expect(offer).toBeVisible();
  const before = await storedCounts();
  await page.getByRole("button", { name: "Add the claim" }).click();
  await expect(offer).toHaveAccessibleDescription(/add your claim to it, or say it is a different event/);
  expect(await storedCounts()).toEqual(before);

  await offer.getByRole("radio", { name: /Add as a claim to/ }).check();
  await page.getByRole("button", { name: "Add the claim" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${first.body.event.id}\\?added=merged`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("disputed");
  const table = page.getByRole("table", { name: "Sources disagree on when" });
  await expect(table.getByRole("columnheader")).toHaveText([/Apr 2023/, /Jun 2023/]);
  await expect(table.getByRole("cell").nth(0)).toContainText(`has left Brightwater${sfx}`);
  await expect(table.getByRole("cell").nth(1)).toContainText(`Varnell left in June (${sfx})`);
  expect((await eventById(first.body.event.id))?.status).toBe("disputed");
});

test("retracting a claim recomputes the event, keeps the claim, and is logged on the event page and at /changes", async ({ page, request }) => {
  const sfx = unique();
  const first = await postClaim(request, claimPayload(sfx, { date: "2023-04" }));
  const second = await postClaim(
    request,
    claimPayload(sfx, {
      source: { title: `Wrong month ${sfx}`, url: `https://wrong.example/${sfx}`, language: "en", kind: "post" },
      excerpt: `Varnell left in August (${sfx}).`,
      date: "2023-08",
    }),
  );
  expect(second.body.event).toMatchObject({ id: first.body.event.id, status: "disputed" });
  const eventId = first.body.event.id as number;
  const wrongClaim = second.body.claimId as number;

  await page.goto(`/events/${eventId}`);
  await page.getByText(`Retract or deprecate claim ${wrongClaim}`).click();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: `Mark claim ${wrongClaim}` }) });
  // A reason is required: nothing changes without it.
  await form.getByRole("button", { name: `Mark claim ${wrongClaim}` }).click();
  await expect(form.getByRole("textbox", { name: /^Reason/ })).toHaveAccessibleDescription(/A reason is required/);
  expect((await claimById(wrongClaim))?.state).toBe("active");

  await form.getByRole("textbox", { name: /^Reason/ }).fill(`The post misread the date (${sfx})`);
  await form.getByRole("button", { name: `Mark claim ${wrongClaim}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Claim ${wrongClaim} is now retracted` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("reported");
  await expect(page.getByRole("table", { name: /Sources disagree/ })).toHaveCount(0);
  const retracted = page.getByRole("article", { name: new RegExp(`^Claim ${wrongClaim} `) });
  await expect(retracted).toContainText("retracted");
  await expect(retracted).toContainText(`The post misread the date (${sfx})`);

  expect(await claimById(wrongClaim)).toMatchObject({ state: "retracted", stateReason: `The post misread the date (${sfx})` });
  expect(await eventById(eventId)).toMatchObject({ status: "reported", dateText: "2023-04", claimCount: 1 });

  const log = page.getByRole("region", { name: "Change log" }).getByTestId("change");
  // attributed to the signed-in account
  await expect(log.first()).toContainText(`${ACCOUNTS.editor.name} retracted claim`);
  await expect(log.first()).toContainText(/status: disputed\s*→\s*reported/);

  await page.goto("/changes?action=retract_claim");
  const entry = page.getByTestId("change").filter({ hasText: `The post misread the date (${sfx})` });
  await expect(entry).toContainText(ACCOUNTS.editor.name);
  await expect(entry.getByRole("link", { name: new RegExp(`Ysolde${sfx} Varnell${sfx}`) })).toHaveAttribute("href", `/events/${eventId}`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a claim is retracted through the plain form; a missing reason is shown by its field first", async ({ page, request }) => {
    const sfx = unique();
    const first = await postClaim(request, claimPayload(sfx));
    const eventId = first.body.event.id as number;
    const claimId = first.body.claimId as number;
    await page.goto(`/events/${eventId}`);
    await page.getByText(`Retract or deprecate claim ${claimId}`).click();
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: `Mark claim ${claimId}` }) });
    await form.getByRole("combobox", { name: /^Mark as/ }).selectOption("deprecated");
    await form.getByRole("button", { name: `Mark claim ${claimId}` }).click();
    await expect(form.getByRole("textbox", { name: /^Reason/ })).toHaveAccessibleDescription(/A reason is required/);
    await expect(form.getByRole("combobox", { name: /^Mark as/ })).toHaveValue("deprecated");
    expect((await claimById(claimId))?.state).toBe("active");

    await form.getByRole("textbox", { name: /^Reason/ }).fill("Superseded by the company's own statement");
    await form.getByRole("button", { name: `Mark claim ${claimId}` }).click();
    await expect(page.getByRole("status")).toContainText(`Claim ${claimId} is now deprecated`);
    expect(await claimById(claimId)).toMatchObject({ state: "deprecated", stateReason: "Superseded by the company's own statement" });
    expect((await eventById(eventId))?.status).toBe("retracted");
  });
});
