import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signedInClient } from "./support/api";
import { snap } from "./support/screenshots";

// A made-up surname per run, so parallel workers and earlier runs never match by accident.
const surname = () => `Wren${randomBytes(3).toString("hex").replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;

test("people tab: a misspelt name finds the person, and the card leads to their profile", async ({ baseURL, browser }, testInfo) => {
  test.setTimeout(120_000); // two sign-ups (scrypt), three searches and a no-JS pass
  const family = surname();
  const artist = await signedInClient(baseURL!, { displayName: `Ottilie ${family}` });
  const patched = await artist.api.patch("/api/v1/profiles/me", {
    data: { headline: "Risograph printer and zine maker", skills: ["Risograph", "bookbinding"], tags: ["zine-culture"], region: "Bergen, NO" },
  });
  expect(patched.status()).toBe(200);
  const searcher = await signedInClient(baseURL!, { kind: "diffuser" });

  const context = await browser.newContext({ baseURL, storageState: await searcher.api.storageState() });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));

  await page.goto("/connect/people");
  await expect(page.getByRole("heading", { name: "Recently joined" })).toBeVisible();
  await expect(page.getByTestId("people-suggestions")).toBeVisible();
  // "Recently joined" is about others: the newest member does not find themselves in it.
  const recent = page.getByRole("region", { name: "Recently joined" });
  await expect(recent.getByTestId("person-card").first()).toBeVisible();
  await expect(recent.getByTestId("person-card").filter({ hasText: `@${searcher.account.handle}` })).toHaveCount(0);

  // "Ottilie" typed with one letter missing, the family name with two letters swapped.
  const misspelt = `Otilie ${family.slice(0, 4)}${family[5]}${family[4]}${family.slice(6)}`;
  const box = page.getByRole("searchbox", { name: "Search people" });
  await box.fill(misspelt);
  await box.press("Enter");
  await expect(page).toHaveURL(/[?&]q=Otilie/);
  await expect(page.getByRole("heading", { name: "Results" })).toBeVisible();
  const card = page.getByTestId("person-card").filter({ hasText: `@${artist.account.handle}` });
  await expect(card).toBeVisible();
  await expect(card).toContainText("Risograph printer and zine maker");
  await expect(card).toContainText("Bergen, NO");
  await expect(card).toContainText("Creator");
  await expect(page.getByTestId("people-count")).toHaveText(/^Showing \d+ (person|people)/);
  await snap(page, testInfo, "01-misspelt-name-results");

  await card.getByRole("link", { name: `Ottilie ${family}` }).click();
  await expect(page).toHaveURL(new RegExp(`/profile/${artist.account.handle}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Ottilie ${family}` })).toBeVisible();

  // Filters only, written into the URL by the form; then a search nobody matches.
  await page.goto("/connect/people");
  await page.getByLabel("Skill", { exact: true }).fill("risograph");
  await page.getByLabel("Region", { exact: true }).fill("bergen");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/skill=risograph/);
  await expect(page.getByTestId("person-card").filter({ hasText: `@${artist.account.handle}` })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search people" }).fill("qqxz vvkw");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("No one matches — try fewer filters")).toBeVisible();
  await snap(page, testInfo, "02-no-match");
  expect(errors).toEqual([]);
  await context.close();

  // The form is a plain GET form: it works with JavaScript off too.
  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/connect/people");
  await plain.getByRole("searchbox", { name: "Search people" }).fill(misspelt);
  await plain.getByRole("button", { name: "Search", exact: true }).click();
  await expect(plain.getByTestId("person-card").filter({ hasText: `@${artist.account.handle}` })).toBeVisible();
  await noScript.close();
});

test("GET /api/v1/profiles: ProfileCard list with a cursor, members-only for members, 422 for bad input", async ({ baseURL, playwright }) => {
  const family = surname();
  const one = await signedInClient(baseURL!, { displayName: `Ada ${family}` });
  const two = await signedInClient(baseURL!, { displayName: `Bea ${family}` });
  expect((await two.api.patch("/api/v1/profiles/me", { data: { skills: ["weaving"], visibility: "members" } })).status()).toBe(200);
  const anonymous = await playwright.request.newContext({ baseURL });

  const first = await anonymous.get(`/api/v1/profiles?q=${family}&limit=1`);
  expect(first.status()).toBe(200);
  const body = await first.json();
  expect(Object.keys(body).sort()).toEqual(["items", "nextCursor"]);
  expect(body.items).toEqual([
    { handle: one.account.handle, displayName: `Ada ${family}`, kind: "creator", headline: "", skills: [], tags: [], region: "", avatarUrl: null },
  ]);
  expect(body.nextCursor).toBeNull(); // Bea is members-only: anonymous callers never see her

  const forMembers = await one.api.get(`/api/v1/profiles?q=${family}&limit=1`);
  const page1 = await forMembers.json();
  expect(page1.items).toHaveLength(1);
  expect(page1.nextCursor).toEqual(expect.any(String));
  const page2 = await (await one.api.get(`/api/v1/profiles?q=${family}&limit=1&cursor=${encodeURIComponent(page1.nextCursor)}`)).json();
  expect([page1.items[0].handle, page2.items[0].handle].sort()).toEqual([one.account.handle, two.account.handle].sort());
  expect(page2.nextCursor).toBeNull();

  const bad = await anonymous.get("/api/v1/profiles?limit=0&kind=robot");
  expect(bad.status()).toBe(422);
  const error = (await bad.json()).error;
  expect(error.code).toBe("validation_failed");
  expect(Object.keys(error.fields).sort()).toEqual(["kind", "limit"]);
  const badCursor = await anonymous.get("/api/v1/profiles?q=ada&cursor=bm90LWEtY3Vyc29y");
  expect(badCursor.status()).toBe(422);
  expect(Object.keys((await badCursor.json()).error.fields)).toEqual(["cursor"]);
  await anonymous.dispose();
});
