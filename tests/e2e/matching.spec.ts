import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signedInClient } from "./support/api";
import { snap } from "./support/screenshots";

// Letters only, unique per run: the shared skill and tag nobody else has, and a family name.
const token = () => randomBytes(4).toString("hex").replace(/\d/g, (d) => "ghijklmnop"[Number(d)]!);

const card = (page: Page, handle: string) => page.locator(`[data-testid="suggestion-card"][data-handle="${handle}"]`);

test("suggestions: a new member sees people with reasons, dismisses one for good, follows one and invites one to a workspace", async ({ baseURL, browser }, testInfo) => {
  test.setTimeout(180_000); // five sign-ups (scrypt), a profile edit, three actions and a room page
  const skill = `mezzotint ${token()}`;
  const tag = `tide-${token()}`;
  const family = `Quill${token()}`;
  const people = await Promise.all(
    [
      { name: `Alba ${family}`, kind: "creator" as const, skills: [skill, "drawing"], tags: [tag], region: "Porto, PT", headline: "Mezzotints of the estuary" },
      { name: `Bruno ${family}`, kind: "creator" as const, skills: [skill], tags: [tag], region: "Lyon, FR", headline: "Prints and plates" },
      { name: `Cleo ${family}`, kind: "diffuser" as const, skills: [skill, "curation"], tags: [], region: "Porto, PT", headline: "Print studio and gallery" },
      { name: `Dora ${family}`, kind: "creator" as const, skills: [skill, "drypoint"], tags: [], region: "Oslo, NO", headline: "Drypoint and mezzotint" },
    ].map(async (p) => {
      const client = await signedInClient(baseURL!, { displayName: p.name, kind: p.kind });
      const patched = await client.api.patch("/api/v1/profiles/me", { data: { skills: p.skills, tags: p.tags, region: p.region, headline: p.headline, openToCollaboration: true } });
      expect(patched.status()).toBe(200);
      return { ...p, ...client };
    }),
  );
  const [alba, bruno, cleo, dora] = people as [(typeof people)[number], (typeof people)[number], (typeof people)[number], (typeof people)[number]];
  const me = await signedInClient(baseURL!, { displayName: `Mira ${family}` });

  const context = await browser.newContext({ baseURL, storageState: await me.api.storageState() });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));

  // Before the profile says anything, the people tab asks for skills (or shows the most active people).
  await page.goto("/connect/people");
  await expect(page.getByTestId("people-suggestions")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Suggestions: people to follow/ })).toBeVisible();
  await expect(card(page, alba.account.handle)).toHaveCount(0);
  await snap(page, testInfo, "01-before-profile");

  // The new member fills in a profile in the browser.
  await page.goto(`/profile/${me.account.handle}/edit`);
  const details = page.getByRole("region", { name: "Details" });
  await details.getByLabel("Headline").fill("Printmaker working in mezzotint");
  await details.getByLabel("Region").fill("Porto, PT");
  await details.getByLabel("Skills").fill(`${skill}, etching`);
  await details.getByLabel("Tags").fill(tag);
  await details.getByRole("button", { name: "Save profile" }).click();
  await expect(details.getByText("Profile saved.")).toBeVisible();

  // Suggestions now: the three who share the rare skill, each saying why.
  await page.goto("/connect/people");
  for (const p of people) await expect(card(page, p.account.handle)).toBeVisible();
  const albaCard = card(page, alba.account.handle);
  await expect(albaCard.getByTestId("suggestion-reasons")).toContainText(`You both work in ${skill}`);
  await expect(albaCard.getByTestId("suggestion-reasons")).toContainText(`You share the tags #${tag}`);
  await expect(albaCard.getByTestId("suggestion-reasons")).toContainText("Also based in Porto, PT");
  await snap(page, testInfo, "02-suggestions-with-reasons");
  await card(page, bruno.account.handle).getByText("Invite to a workspace", { exact: true }).click();
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);

  // Dismiss Alba: "I don't know them" is for good. She is gone now and after a reload.
  await albaCard.getByText("Dismiss", { exact: true }).click();
  await albaCard.getByLabel("I don't know them").check();
  await snap(page, testInfo, "03-dismiss-with-a-reason");
  await albaCard.getByRole("button", { name: "Don't suggest them" }).click();
  await expect(page.getByTestId("suggestions-notice")).toHaveText(`@${alba.account.handle} will not be suggested again.`);
  await expect(card(page, alba.account.handle)).toHaveCount(0);
  await page.reload();
  await expect(card(page, bruno.account.handle)).toBeVisible();
  await expect(card(page, alba.account.handle)).toHaveCount(0);
  const api = await (await me.api.get("/api/v1/matches?limit=100")).json();
  expect(api.items.map((m: { profile: { handle: string } }) => m.profile.handle)).not.toContain(alba.account.handle);

  // Follow Bruno: he leaves the follow suggestions, and shows as followed among people to contact.
  await card(page, bruno.account.handle).getByRole("button", { name: `Follow ${bruno.name}` }).click();
  await expect(page.getByTestId("suggestions-notice")).toHaveText(`You follow @${bruno.account.handle} now.`);
  await expect(card(page, bruno.account.handle)).toHaveCount(0);
  await snap(page, testInfo, "04-followed");
  await page.getByRole("link", { name: "To contact" }).click();
  await expect(page).toHaveURL(/intent=contact/);
  await expect(card(page, bruno.account.handle).getByText("Following", { exact: true })).toBeVisible();
  await expect(card(page, cleo.account.handle).getByTestId("suggestion-reasons")).toContainText("Shows artists' work");
  const profile = await (await me.api.get(`/api/v1/profiles/${bruno.account.handle}`)).json();
  expect(profile.stats.followers).toBe(1);

  // Invite Cleo to a workspace: a new direct session opens.
  const cleoCard = card(page, cleo.account.handle);
  await cleoCard.getByText("Invite to a workspace", { exact: true }).click();
  await expect(cleoCard.getByLabel("Where")).toHaveValue("new");
  await cleoCard.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page).toHaveURL(/\/connect\/workspace\/[^/?]+$/, { timeout: 20_000 });
  const sessionId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByRole("heading", { name: `Mira ${family} & Cleo ${family}` })).toBeVisible();
  await snap(page, testInfo, "05-invited-to-a-session");
  const theirs = await (await cleo.api.get("/api/v1/workspaces")).json();
  const session = theirs.items.find((w: { id: string }) => w.id === sessionId);
  expect(session).toMatchObject({ sessionType: "dm", host: me.account.handle, status: "live" });
  expect([...session.participants].sort()).toEqual([me.account.handle, cleo.account.handle].sort());
  // Inviting her again opens the same live session instead of starting a second one.
  await page.goto("/connect/people?intent=contact");
  await card(page, cleo.account.handle).getByText("Invite to a workspace", { exact: true }).click();
  await card(page, cleo.account.handle).getByRole("button", { name: "Send the invitation" }).click();
  await expect(page).toHaveURL(new RegExp(`/connect/workspace/${sessionId}$`), { timeout: 20_000 });

  expect(errors).toEqual([]);
  await context.close();

  // Without JavaScript: the disclosure and the form still work; "not now" hides Dora for 30 days.
  const noScript = await browser.newContext({ baseURL, storageState: await me.api.storageState(), javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/connect/people");
  const doraCard = card(plain, dora.account.handle);
  await doraCard.getByText("Dismiss", { exact: true }).click();
  await doraCard.getByLabel("Not now (ask again in 30 days)").check();
  await doraCard.getByRole("button", { name: "Don't suggest them" }).click();
  await expect(plain.getByTestId("suggestions-notice")).toHaveText(`@${dora.account.handle} will not be suggested for 30 days.`);
  await expect(card(plain, dora.account.handle)).toHaveCount(0);
  await snap(plain, testInfo, "06-no-javascript-dismissal");
  await noScript.close();
  for (const p of [...people, me]) await p.api.dispose();
});

test("GET /api/v1/matches and POST /api/v1/matches/dismiss: shapes, 401, 404 and 422", async ({ baseURL, playwright }) => {
  test.setTimeout(90_000);
  const skill = `aquatint ${token()}`;
  const one = await signedInClient(baseURL!);
  const two = await signedInClient(baseURL!, { kind: "diffuser" });
  for (const c of [one, two]) expect((await c.api.patch("/api/v1/profiles/me", { data: { skills: [skill] } })).status()).toBe(200);

  const found = await one.api.get("/api/v1/matches?limit=5&intent=collaborate");
  expect(found.status()).toBe(200);
  expect(found.headers()["cache-control"]).toContain("no-store");
  const body = await found.json();
  expect(Object.keys(body)).toEqual(["items"]);
  const match = body.items.find((m: { profile: { handle: string } }) => m.profile.handle === two.account.handle);
  expect(Object.keys(match).sort()).toEqual(["profile", "reasons", "score"]);
  expect(Object.keys(match.profile).sort()).toEqual(["avatarUrl", "displayName", "handle", "headline", "kind", "region", "skills", "tags"]);
  expect(match.score).toBeGreaterThan(0);
  expect(match.score).toBeLessThanOrEqual(1);
  expect(match.reasons).toContainEqual({ kind: "shared_skills", detail: `You both work in ${skill}` });
  expect(match.reasons).toContainEqual(expect.objectContaining({ kind: "complementary_kind" }));
  expect(body.items.length).toBeLessThanOrEqual(5);

  const bad = await one.api.get("/api/v1/matches?limit=500&intent=marry");
  expect(bad.status()).toBe(422);
  expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["intent", "limit"]);

  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/v1/matches")).status()).toBe(401);
  expect((await anonymous.post("/api/v1/matches/dismiss", { data: { handle: two.account.handle } })).status()).toBe(401);

  expect((await one.api.post("/api/v1/matches/dismiss", { data: { handle: "nobody-here-at-all" } })).status()).toBe(404);
  const badReason = await one.api.post("/api/v1/matches/dismiss", { data: { handle: two.account.handle, reason: "bored" } });
  expect(badReason.status()).toBe(422);
  expect(Object.keys((await badReason.json()).error.fields)).toEqual(["reason"]);
  expect((await one.api.post("/api/v1/matches/dismiss", { data: { handle: one.account.handle } })).status()).toBe(422);
  const ok = await one.api.post("/api/v1/matches/dismiss", { data: { handle: two.account.handle, reason: "not_now" } });
  expect(ok.status()).toBe(204);
  const after = await (await one.api.get("/api/v1/matches?limit=100&intent=collaborate")).json();
  expect(after.items.map((m: { profile: { handle: string } }) => m.profile.handle)).not.toContain(two.account.handle);
  await anonymous.dispose();
  for (const c of [one, two]) await c.api.dispose();
});
