import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { signedInClient } from "./support/api";

/**
 * axe on every page in its main states: zero serious or critical violations (WCAG 2.x A/AA rules).
 * A failure lists each violation with the elements it found, so it can be fixed from the report.
 */

async function audit(page: Page, path: string, ready?: (page: Page) => Promise<void>) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(500);
  if (ready) await ready(page);
  await page.waitForLoadState("networkidle");
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
  expect(serious, `axe on ${path}`).toEqual([]);
}

test("public pages: sign-in, sign-up, people, opportunities, a profile, a 404", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const { api, account } = await signedInClient(baseURL!, { displayName: "Ana Axe" });
  const png = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#3a6" } }).png().toBuffer();
  const form = new FormData();
  form.append("file", new File([new Uint8Array(png)], "field.png", { type: "image/png" }));
  form.append("title", "Field study");
  form.append("altText", "A green field study");
  expect((await api.post("/api/v1/artworks", { multipart: form })).status()).toBe(201);
  await api.dispose();
  for (const path of ["/connect/signin", "/connect/signup", "/connect/people", "/connect/people?q=ana", "/connect/opportunities", `/profile/${account.handle}`, "/connect/workspace", "/nowhere-at-all"]) {
    await audit(page, path);
  }
});

test("signed-in pages: profile edit, post an opportunity, an opportunity, the workspace list and a live room", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const { api, account } = await signedInClient(baseURL!, { displayName: "Bo Axe", kind: "diffuser" });
  const context = await browser.newContext({ storageState: await api.storageState() });
  const page = await context.newPage();
  try {
    const posting = await (await api.post("/api/v1/opportunities", { data: { title: "Axe residency", kind: "residency", region: "Porto, PT", compensation: { paid: false } } })).json();
    const workspace = await (await api.post("/api/v1/workspaces", { data: { name: "Axe room", sessionType: "group" } })).json();
    await audit(page, `/profile/${account.handle}`);
    await audit(page, `/profile/${account.handle}/edit`);
    await audit(page, "/connect/opportunities/new");
    await audit(page, `/connect/opportunities/${posting.id}`);
    await audit(page, "/connect/workspace");
    await audit(page, `/connect/workspace/${workspace.id}`, async (p) => {
      await expect(p.getByTestId("room-status")).toHaveAttribute("data-status", "open", { timeout: 20_000 });
    });
  } finally {
    await context.close();
    await api.dispose();
  }
});
