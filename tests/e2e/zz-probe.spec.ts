import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { signedInClient } from "./support/api";
import { tabTo } from "./support/keyboard";

const where = (page: import("@playwright/test").Page) => page.evaluate(() => { const el = document.activeElement as HTMLElement; return `${el.tagName} ${(el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 50)}`; });

test("probe: invisible focus is caught", async ({ page }) => {
  await page.goto("/connect/signup");
  await page.addStyleTag({ content: "*:focus, *:focus-visible { outline: none !important; box-shadow: none !important }" });
  let failed = "";
  try { await tabTo(page, page.getByLabel("Email")); } catch (e) { failed = String(e).slice(0, 200); }
  console.log("PROBE invisible:", failed);
  expect(failed).toContain("focus is visible");
});

test("probe: combobox, follow, lightbox by keyboard", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const fam = "Zqprobe" + Math.random().toString(36).slice(2, 7).replace(/\d/g, "x");
  const [me, other] = await Promise.all([signedInClient(baseURL!, { displayName: "Probe Me" }), signedInClient(baseURL!, { displayName: `Olga ${fam}`, kind: "diffuser" })]);
  for (const c of [me, other]) await c.api.patch("/api/v1/profiles/me", { data: { skills: [`${fam}skill`], tags: ["zzt"], region: "Porto" } });
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a4bb8" } }).png().toBuffer();
  for (const t of ["One", "Two"]) await other.api.post("/api/v1/artworks", { multipart: { file: { name: "a.png", mimeType: "image/png", buffer: png }, title: t } });
  const context = await browser.newContext({ storageState: await me.api.storageState() });
  const page = await context.newPage();

  await page.goto("/connect/people");
  await tabTo(page, page.getByRole("button", { name: `Follow Olga ${fam}` }), 60);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("suggestions-notice")).toContainText("You follow");
  console.log("PROBE after follow focus on:", await where(page));
  await page.keyboard.press("Tab");
  console.log("PROBE next tab:", await where(page));

  await page.goto(`/profile/${other.account.handle}`);
  await tabTo(page, page.getByRole("region", { name: /Portfolio/ }).getByRole("button").first(), 20);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  console.log("PROBE dialog focus:", await where(page));
  for (let i = 0; i < 8; i++) { await page.keyboard.press("Tab"); console.log("PROBE dialog tab:", await where(page)); }
  await page.keyboard.press("Escape");
  console.log("PROBE after esc:", await where(page));

  await page.goto("/connect/workspace");
  await tabTo(page, page.getByLabel("Name", { exact: true }), 30);
  await page.keyboard.type("Probe session");
  await tabTo(page, page.getByRole("combobox", { name: "Invite people" }), 5);
  await page.keyboard.type(`Olga ${fam}`);
  await expect(page.getByRole("option", { name: new RegExp(other.account.handle) })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("list", { name: "Invited" })).toContainText(other.account.handle);
  console.log("PROBE after pick:", await where(page));
  await tabTo(page, page.getByRole("button", { name: "Start session" }), 5);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/connect\/workspace\/[^/]+$/, { timeout: 20_000 });
  await expect(page.getByTestId("room-status")).toHaveAttribute("data-status", "open", { timeout: 20_000 });
  console.log("PROBE in room focus:", await where(page));
  await tabTo(page, page.getByRole("button", { name: "End session…" }), 60);
  await page.keyboard.press("Enter");
  console.log("PROBE end confirm focus:", await where(page));
  await tabTo(page, page.getByRole("button", { name: "End session now" }), 3);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("session-summary")).toBeVisible({ timeout: 20_000 });
  console.log("PROBE after end focus:", await where(page));
  await expect(page.getByTestId("publish-form")).toBeVisible({ timeout: 20_000 });
  await tabTo(page, page.getByRole("radio").first(), 40);
  console.log("PROBE endorse radio reached");
  await context.close();
});
