import { expect, test as setup } from "@playwright/test";
import { ACCOUNTS, PASSWORD, STATE, userCli } from "./accounts";
import { one } from "./e2e-db";

setup.use({ storageState: STATE.anonymous });
// two `npm run user` runs and three sign-ins: generous on a loaded 2-core machine
setup.setTimeout(120_000);

setup("the first sign-up on a fresh database becomes admin; an editor and a contributor are made with npm run user", async ({ page, browser }) => {
  await page.goto("/sign-up");
  await expect(page.getByRole("note")).toContainText("the first account becomes its admin");
  await page.getByLabel("Name").fill(ACCOUNTS.admin.name);
  await page.getByLabel("Email").fill(ACCOUNTS.admin.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText(`${ACCOUNTS.admin.name} (admin)`);
  expect(await one<{ role: string }>(`SELECT role FROM "user" WHERE email = ?`, ACCOUNTS.admin.email)).toEqual({ role: "admin" });
  await page.context().storageState({ path: STATE.admin });

  for (const role of ["editor", "contributor"] as const) {
    userCli(["create", "--email", ACCOUNTS[role].email, "--role", role, "--name", ACCOUNTS[role].name], PASSWORD);
    const context = await browser.newContext({ storageState: STATE.anonymous });
    const res = await context.request.post("/api/auth/sign-in/email", { data: { email: ACCOUNTS[role].email, password: PASSWORD } });
    expect(res.status()).toBe(200);
    await context.storageState({ path: STATE[role] });
    await context.close();
  }
  // a later sign-up is a contributor, and the page says so
  await page.goto("/sign-up");
  await expect(page.getByText("New accounts are contributors")).toBeVisible();
});
