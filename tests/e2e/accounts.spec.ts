import { expect, test } from "@playwright/test";
import { newAccount } from "./support/api";
import { snap } from "./support/screenshots";

test("a new person signs up, sees /connect, opens their profile, signs out and back in", async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const account = newAccount();

  await page.goto("/connect");
  await expect(page).toHaveURL(/\/connect\/people$/);
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Join" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // Invalid input first: the form names the field at fault and nothing is created.
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Display name").fill(account.displayName);
  await page.getByLabel("Handle").fill(account.handle);
  await page.getByText("Creator", { exact: true }).click();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Passwords are at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await snap(page, testInfo, "01-signup-field-error");

  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  // Sign-up then sign-in hash a password twice (scrypt at OWASP cost): allow for a busy machine.
  await expect(page).toHaveURL(new RegExp(`/profile/${account.handle}$`), { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: account.displayName })).toBeVisible();
  await snap(page, testInfo, "02-own-profile");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Connect" }).click();
  await expect(page).toHaveURL(/\/connect\/people$/);
  const tabs = ["People", "Opportunities", "Workspace"];
  for (const tab of tabs) {
    await page.getByRole("link", { name: tab, exact: true }).click();
    await expect(page.getByRole("link", { name: tab, exact: true })).toHaveAttribute("aria-current", "page");
  }
  await snap(page, testInfo, "03-connect-workspace-tab");

  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: new RegExp(account.displayName) }).click();
  await expect(page).toHaveURL(new RegExp(`/profile/${account.handle}$`));

  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await snap(page, testInfo, "04-signin-wrong-password");

  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: new RegExp(account.displayName) })).toBeVisible();
  await snap(page, testInfo, "05-signed-in");
  expect(errors).toEqual([]);
});

test("an unknown profile is a 404 page", async ({ page }) => {
  const response = await page.goto("/profile/nobody-by-this-name");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("No one here by that name")).toBeVisible();
});
