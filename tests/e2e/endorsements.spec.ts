import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import WebSocket from "ws";
import { signedInClient } from "./support/api";
import { snap } from "./support/screenshots";

type Client = Awaited<ReturnType<typeof signedInClient>>;

/** Joins the room as a client app does: a token, then the socket until the welcome and the first sync frames. */
async function join(client: Client, workspaceId: string): Promise<WebSocket> {
  const response = await client.api.post(`/api/v1/workspaces/${workspaceId}/token`, { data: { mode: "edit" } });
  expect(response.status()).toBe(200);
  const socket = new WebSocket((await response.json()).url);
  const seen = new Set<string>();
  await new Promise<void>((resolve, reject) => {
    socket.on("message", (data) => {
      seen.add((JSON.parse(String(data)) as { type: string }).type);
      if (seen.has("welcome") && seen.has("sync")) resolve();
    });
    socket.once("error", reject);
  });
  return socket;
}

/** A session the host starts with the guest invited; both join the room; the host ends it (their sockets close with 4410). */
async function finishedSession(host: Client, guest: Client, name: string): Promise<string> {
  const created = await host.api.post("/api/v1/workspaces", { data: { name, sessionType: "dm", invite: [guest.account.handle] } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const sockets = [await join(host, id), await join(guest, id)];
  const closed = sockets.map((s) => new Promise<number>((resolve) => s.once("close", (code) => resolve(code))));
  const ended = await host.api.post(`/api/v1/workspaces/${id}/end`);
  expect(ended.status()).toBe(200);
  expect((await ended.json()).status).toBe("ended");
  expect(await Promise.all(closed)).toEqual([4410, 4410]);
  return id;
}

/** axe (WCAG 2.1 A/AA) on the page as it stands: no serious or critical violations. */
async function expectAccessible(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(serious, label).toEqual([]);
}

const endorsement = (subject: string, id: string, extra: Record<string, unknown> = {}) => ({
  subject,
  context: { type: "workspace", id },
  rating: 5,
  text: "Generous with ideas, precise with the brush.",
  ...extra,
});

test("endorsements API: eligibility, 20 simultaneous POSTs, double-blind, reply and report", async ({ baseURL, playwright }) => {
  test.setTimeout(120_000);
  const [host, guest, outsider] = await Promise.all([signedInClient(baseURL!), signedInClient(baseURL!), signedInClient(baseURL!)]);
  expect((await guest.api.patch("/api/v1/profiles/me", { data: { skills: ["Colour", "Lettering"] } })).status()).toBe(200);
  const anonymous: APIRequestContext = await playwright.request.newContext({ baseURL });
  const post = (client: Client, data: unknown) => client.api.post("/api/v1/endorsements", { data });

  // Before the end (and before anyone joined) nobody may endorse.
  const created = await host.api.post("/api/v1/workspaces", { data: { name: "Dock sketches", sessionType: "group", invite: [guest.account.handle] } });
  const live = ((await created.json()) as { id: string }).id;
  expect((await post(host, endorsement(guest.account.handle, live))).status()).toBe(403);

  const id = await finishedSession(host, guest, `Harbour mural ${randomBytes(3).toString("hex")}`);
  expect((await anonymous.post("/api/v1/endorsements", { data: endorsement(guest.account.handle, id) })).status()).toBe(401);
  expect((await post(outsider, endorsement(host.account.handle, id))).status()).toBe(403);
  const self = await post(host, endorsement(host.account.handle, id));
  expect(self.status()).toBe(422);
  expect((await self.json()).error.fields).toHaveProperty("subject");
  const invalid = await post(host, endorsement(guest.account.handle, id, { rating: 9, text: "", skills: [{ skill: "Welding", score: 3 }] }));
  expect(invalid.status()).toBe(422);
  expect(Object.keys((await invalid.json()).error.fields).sort()).toEqual(["rating", "text"]);
  const notJson = await host.api.post("/api/v1/endorsements", { data: Buffer.from("{"), headers: { "content-type": "application/json" } });
  expect(notJson.status()).toBe(400);

  // 20 identical requests at once: exactly one 201, the rest 409, no 5xx.
  const body = endorsement(guest.account.handle, id, { skills: [{ skill: "colour", score: 4 }], privateNote: "Only for moderators." });
  const burst = await Promise.all(Array.from({ length: 20 }, () => post(host, body)));
  const statuses = burst.map((r) => r.status()).sort();
  expect(statuses).toEqual([201, ...Array(19).fill(409)]);
  const first = (await burst.find((r) => r.status() === 201)!.json()) as { id: string; status: string };
  expect(first).toEqual({ id: expect.any(String), status: "pending" });

  // Double-blind: unseen by the subject and everyone else, visible to its author.
  const listOf = async (handle: string) => (await (await anonymous.get(`/api/v1/profiles/${handle}/endorsements`)).json()) as { items: { id: string; reply: unknown }[]; nextCursor: string | null; summary: unknown };
  expect(await listOf(guest.account.handle)).toEqual({ items: [], nextCursor: null, summary: { count: 0, averageRating: null, skills: [] } });
  expect((await guest.api.get(`/api/v1/endorsements/${first.id}`)).status()).toBe(404);
  expect(await (await host.api.get(`/api/v1/endorsements/${first.id}`)).json()).toMatchObject({ status: "pending", publishedAt: null });
  expect((await guest.api.post(`/api/v1/endorsements/${first.id}/reply`, { data: { text: "Thanks" } })).status()).toBe(404);

  // The reciprocal publishes both.
  const back = await post(guest, endorsement(host.account.handle, id, { rating: 4 }));
  expect(back.status()).toBe(201);
  expect((await back.json()).status).toBe("published");
  const listed = await listOf(guest.account.handle);
  expect(listed.items.map((e) => e.id)).toEqual([first.id]);
  expect(listed.summary).toEqual({ count: 1, averageRating: 5, skills: [{ skill: "Colour", count: 1, average: 4 }] });
  expect(JSON.stringify(listed)).not.toContain("Only for moderators.");
  expect((await listOf(host.account.handle)).summary).toMatchObject({ count: 1, averageRating: 4 });
  const profile = await (await anonymous.get(`/api/v1/profiles/${guest.account.handle}`)).json();
  expect(profile.stats).toMatchObject({ endorsements: 1, averageRating: 5, verifiedCoCreations: 0 });

  // Never edited: no edit method, and a second POST is a conflict.
  expect((await host.api.patch(`/api/v1/endorsements/${first.id}`, { data: { rating: 1 } })).status()).toBe(405);
  expect((await post(host, endorsement(guest.account.handle, id, { rating: 1 }))).status()).toBe(409);

  // One reply, by the subject only; one report per person.
  const reply = (client: Client, text: string) => client.api.post(`/api/v1/endorsements/${first.id}/reply`, { data: { text } });
  expect((await reply(host, "Me too")).status()).toBe(403);
  expect((await reply(outsider, "Me too")).status()).toBe(403);
  const replied = await reply(guest, "Thank you — the boats were yours.");
  expect(replied.status()).toBe(201);
  expect((await replied.json()).reply).toMatchObject({ text: "Thank you — the boats were yours." });
  expect((await reply(guest, "Again")).status()).toBe(409);
  const report = () => outsider.api.post(`/api/v1/endorsements/${first.id}/report`, { data: { reason: "Looks copied." } });
  expect((await report()).status()).toBe(201);
  expect((await report()).status()).toBe(409);
  await anonymous.dispose();
});

/** A browser for an existing account (its API client holds the session), failing on page errors. */
async function openBrowser(browser: Browser, client: Client) {
  const context = await browser.newContext({ storageState: await client.api.storageState() });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { ...client, page, errors };
}

test("two people finish a session, endorse each other, see both endorsements on both profiles, and one replies", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const marker = randomBytes(3).toString("hex");
  const name = `Harbour mural ${marker}`;
  const [hostClient, guestClient] = await Promise.all([signedInClient(baseURL!, { displayName: "Mira Host" }), signedInClient(baseURL!, { displayName: "Tove Guest" })]);
  expect((await guestClient.api.patch("/api/v1/profiles/me", { data: { skills: ["Mural painting", "Colour"] } })).status()).toBe(200);
  const id = await finishedSession(hostClient, guestClient, name);
  const host = await openBrowser(browser, hostClient);
  const guest = await openBrowser(browser, guestClient);
  const h = host.page;
  const g = guest.page;

  // The host is asked on the workspace list, with the double-blind rule in one sentence.
  await h.goto("/connect/workspace");
  const hostPrompt = h.getByTestId("endorse-prompt").filter({ hasText: "How was it working with Tove Guest?" });
  await expect(hostPrompt).toBeVisible();
  await expect(hostPrompt.getByTestId("double-blind")).toContainText("Tove Guest sees what you write only once they have endorsed you too");
  await expectAccessible(h, "workspace list with a prompt");
  await hostPrompt.getByLabel("5 · Outstanding").check();
  await hostPrompt.getByLabel("Colour").selectOption("5");
  await hostPrompt.getByLabel("What was it like working with Tove Guest?").fill("Tove held the whole wall together. Fearless with colour.");
  await hostPrompt.getByLabel("Private note (optional)").fill("Arrived late on day one.");
  await snap(h, testInfo, "01-host-is-asked-how-it-went");
  await hostPrompt.getByRole("button", { name: "Send endorsement" }).click();
  await expect(hostPrompt.getByTestId("endorse-status")).toHaveAttribute("data-status", "pending");
  await expect(hostPrompt.getByTestId("endorse-status")).toContainText("You endorsed Tove Guest. It stays hidden until they endorse you too");
  await snap(h, testInfo, "02-host-endorsement-pending");

  // Double-blind: the guest does not see it on their own profile yet.
  await g.goto(`/profile/${guest.account.handle}`);
  await expect(g.getByTestId("trust-panel")).toContainText("No endorsements yet");

  // The guest answers on the session summary; an empty form comes back with field errors first.
  await g.goto(`/connect/workspace/${id}`);
  const guestPrompt = g.getByTestId("endorse-prompt").filter({ hasText: "How was it working with Mira Host?" });
  await guestPrompt.getByRole("button", { name: "Send endorsement" }).click();
  await expect(guestPrompt.getByText("Write a few words about working together.")).toBeVisible();
  await expect(guestPrompt.getByLabel("What was it like working with Mira Host?")).toHaveAttribute("aria-invalid", "true");
  await snap(g, testInfo, "03-guest-form-field-errors");
  await expectAccessible(g, "prompt with field errors");
  await guestPrompt.getByLabel("4 · Very good").check();
  await guestPrompt.getByLabel("What was it like working with Mira Host?").fill("Mira planned every stroke and still left room to play.");
  await guestPrompt.getByRole("button", { name: "Send endorsement" }).click();
  await expect(guestPrompt.getByTestId("endorse-status")).toHaveAttribute("data-status", "published");
  await snap(g, testInfo, "04-guest-endorsement-publishes-both");

  // Both endorsements are on both profiles, for each of them and for anonymous visitors.
  const anonymous = await (await browser.newContext()).newPage();
  const expectations = [
    { handle: guest.account.handle, author: host.account.handle, text: "Fearless with colour." },
    { handle: host.account.handle, author: guest.account.handle, text: "still left room to play" },
  ];
  for (const page of [h, g, anonymous]) {
    for (const { handle, author, text } of expectations) {
      await page.goto(`/profile/${handle}`);
      const item = page.locator(`[data-testid="endorsement"][data-author="${author}"]`);
      await expect(item).toContainText(text);
      await expect(item.getByTestId("endorsement-context")).toContainText(`co-created ${name}`);
    }
  }
  await expect(anonymous.getByTestId("endorsement-count")).toHaveText("1");
  await snap(anonymous, testInfo, "05-host-profile-shows-guest-endorsement");

  // The guest replies on their own profile, once; everyone sees the reply.
  await g.goto(`/profile/${guest.account.handle}`);
  await expect(g.getByTestId("trust-summary")).toContainText("5.0 / 5");
  await expect(g.getByTestId("trust-summary")).toContainText("Colour 5.0");
  await g.getByText("Reply publicly").click();
  await expectAccessible(g, "own profile with the reply form");
  await g.getByLabel("Your reply to Mira Host").fill("Thank you, Mira. The boats were all yours.");
  await g.getByRole("button", { name: "Publish reply" }).click();
  await expect(g.getByTestId("endorsement-reply")).toContainText("The boats were all yours.");
  await expect(g.getByText("Reply publicly")).toHaveCount(0);
  await snap(g, testInfo, "06-guest-replied");
  await anonymous.goto(`/profile/${guest.account.handle}`);
  await expect(anonymous.getByTestId("endorsement-reply")).toContainText("The boats were all yours.");
  await expect(anonymous.getByTestId("trust-panel")).not.toContainText("Arrived late on day one.");
  await snap(anonymous, testInfo, "07-anonymous-sees-endorsement-and-reply");
  await expectAccessible(anonymous, "public profile with an endorsement and its reply");
  expect([...host.errors, ...guest.errors]).toEqual([]);
});

test("the owner of a filled call and the person selected are asked on its page, and only they are", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const [ownerClient, chosenClient, otherClient] = await Promise.all([
    signedInClient(baseURL!, { displayName: "Ines Owner", kind: "diffuser" }),
    signedInClient(baseURL!, { displayName: "Rui Chosen" }),
    signedInClient(baseURL!, { displayName: "Ada Applicant" }),
  ]);
  const inDays = (n: number) => new Date(Date.now() + n * 24 * 60 * 60 * 1000).toISOString();
  const created = await ownerClient.api.post("/api/v1/opportunities", {
    data: { title: `Estuary residency ${randomBytes(3).toString("hex")}`, kind: "residency", description: "Six weeks by the estuary.", tags: ["printmaking"], region: "Aveiro, PT", location: null, startsAt: inDays(40), endsAt: inDays(82), deadline: inDays(14), compensation: { paid: false }, entryFee: null, url: null },
  });
  expect(created.status()).toBe(201);
  const { id, title } = (await created.json()) as { id: string; title: string };
  for (const applicant of [chosenClient, otherClient]) expect((await applicant.api.post(`/api/v1/opportunities/${id}/applications`, { data: { message: "Count me in." } })).status()).toBe(201);
  expect((await ownerClient.api.post("/api/v1/endorsements", { data: { subject: chosenClient.account.handle, context: { type: "opportunity", id }, rating: 5, text: "Too early." } })).status()).toBe(403);
  expect((await ownerClient.api.patch(`/api/v1/opportunities/${id}`, { data: { status: "filled", filledBy: [chosenClient.account.handle] } })).status()).toBe(200);

  const owner = await openBrowser(browser, ownerClient);
  await owner.page.goto(`/connect/opportunities/${id}`);
  const prompt = owner.page.getByTestId("endorse-prompt");
  await expect(prompt).toHaveCount(1);
  await expect(prompt).toContainText("How was it working with Rui Chosen?");
  await expect(prompt).toContainText(`you selected them for ${title}`);
  await prompt.getByLabel("4 · Very good").check();
  await prompt.getByLabel("What was it like working with Rui Chosen?").fill("Rui turned the studio into a print shop in a week.");
  await prompt.getByRole("button", { name: "Send endorsement" }).click();
  await expect(prompt.getByTestId("endorse-status")).toHaveAttribute("data-status", "pending");
  await snap(owner.page, testInfo, "01-owner-endorsed-the-selected-artist");

  const chosen = await openBrowser(browser, chosenClient);
  await chosen.page.goto(`/connect/opportunities/${id}`);
  await expect(chosen.page.getByTestId("endorse-prompt")).toContainText("How was it working with Ines Owner?");
  await expect(chosen.page.getByTestId("endorse-prompt")).toContainText(`they selected you for ${title}`);
  await snap(chosen.page, testInfo, "02-selected-artist-is-asked");
  const other = await openBrowser(browser, otherClient);
  await other.page.goto(`/connect/opportunities/${id}`);
  await expect(other.page.getByTestId("filled-notice")).toBeVisible();
  await expect(other.page.getByTestId("endorse-prompt")).toHaveCount(0);
  expect([...owner.errors, ...chosen.errors, ...other.errors]).toEqual([]);
});
