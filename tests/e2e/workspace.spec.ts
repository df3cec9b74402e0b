import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import WebSocket from "ws";
import { signedInClient } from "./support/api";
import { snap } from "./support/screenshots";

type Client = Awaited<ReturnType<typeof signedInClient>>;

// A made-up surname per run, so the invite search finds exactly this person.
const surname = () => `Quill${randomBytes(3).toString("hex").replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;

/** A browser context for an account that already exists (its API client holds the session). */
async function openBrowser(browser: Browser, client: Client) {
  const context = await browser.newContext({ storageState: await client.api.storageState() });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { ...client, context, page, errors };
}

/** The canvas's box on screen, scrolled into view first (mouse events outside the viewport go nowhere). */
async function canvasBox(page: Page) {
  const canvas = page.getByTestId("canvas");
  await canvas.scrollIntoViewIfNeeded();
  return (await canvas.boundingBox())!;
}

/** Drags the mouse across the canvas between two points given as fractions of its size. */
async function drawStroke(page: Page, from: [number, number], to: [number, number]) {
  const box = await canvasBox(page);
  const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(from));
  await page.mouse.down();
  await page.mouse.move(...at([(from[0] + to[0]) / 2, from[1]]), { steps: 8 });
  await page.mouse.move(...at(to), { steps: 8 });
  await page.mouse.up();
}

const strokeCount = (page: Page) => page.getByTestId("canvas");
const status = (page: Page) => page.getByTestId("room-status");

async function sendChat(page: Page, text: string) {
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill(text);
  await box.press("Enter");
  await expect(box).toHaveValue("");
}

/** Holds an editor seat with a plain socket, as another app would. */
async function holdSeat(client: Client, workspaceId: string): Promise<WebSocket> {
  const response = await client.api.post(`/api/v1/workspaces/${workspaceId}/token`, { data: { mode: "edit" } });
  expect(response.status()).toBe(200);
  const socket = new WebSocket((await response.json()).url);
  const welcome = new Promise<{ you: { role: string } }>((resolve, reject) => {
    socket.on("message", (data) => {
      const frame = JSON.parse(String(data)) as { type: string; you: { role: string } };
      if (frame.type === "welcome") resolve(frame);
    });
    socket.once("error", reject);
    socket.once("close", (code) => reject(new Error(`closed with ${code}`)));
  });
  expect((await welcome).you.role).toBe("editor");
  return socket;
}

test("two people draw and chat in a room; a seventh watches as spectator; the host ends and publishes to both profiles", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(240_000); // seven sign-ups (scrypt), three browsers, a build of the final artwork
  const family = surname();
  const marker = randomBytes(3).toString("hex");
  const name = `Harbour mural ${marker}`;
  const title = `Tidelines ${marker}`;
  const [hostClient, guestClient, ...extras] = await Promise.all([
    signedInClient(baseURL!, { displayName: "Mira Host" }),
    signedInClient(baseURL!, { displayName: `Tove ${family}` }),
    ...Array.from({ length: 5 }, (_, i) => signedInClient(baseURL!, { displayName: `Seat Holder ${i + 1}` })),
  ]);
  const host = await openBrowser(browser, hostClient);
  const guest = await openBrowser(browser, guestClient);
  const seventh = await openBrowser(browser, extras[4]!);
  const sockets: WebSocket[] = [];

  try {
    // The host starts a group session and invites the guest through the search-as-you-type field.
    const h = host.page;
    await h.goto("/connect/workspace");
    await expect(h.getByRole("heading", { name: "New session" })).toBeVisible();
    await h.getByLabel("Name", { exact: true }).fill(name);
    await h.getByLabel(/^Group/).check();
    const combo = h.getByRole("combobox", { name: "Invite people" });
    await combo.pressSequentially(family, { delay: 20 });
    const option = h.getByRole("option", { name: new RegExp(guest.account.handle) });
    await expect(option).toBeVisible({ timeout: 15_000 });
    await combo.press("ArrowDown");
    await expect(option).toHaveAttribute("aria-selected", "true");
    await snap(h, testInfo, "01-host-searches-invitee");
    await combo.press("Enter");
    await expect(h.getByRole("list", { name: "Invited" })).toContainText(`@${guest.account.handle}`);
    await h.getByRole("button", { name: "Start session" }).click();
    await expect(h).toHaveURL(/\/connect\/workspace\/[^/]+$/, { timeout: 20_000 });
    const roomUrl = new URL(h.url()).pathname;
    const id = roomUrl.split("/").pop()!;
    for (const extra of extras) {
      const invited = await host.api.post(`/api/v1/workspaces/${id}/invitations`, { data: { handle: extra.account.handle } });
      expect(invited.status()).toBe(201);
    }

    // Both open the room.
    await expect(status(h)).toHaveAttribute("data-status", "open", { timeout: 20_000 });
    const g = guest.page;
    await g.goto("/connect/workspace");
    await expect(g.getByTestId("live-sessions")).toContainText(name);
    // The list says who is in the room now and how many seats are free.
    await expect(g.getByTestId("room-occupancy")).toHaveText("In the room: Mira Host · 5 of 6 seats free");
    await g.getByRole("link", { name: new RegExp(name) }).click();
    await expect(status(g)).toHaveAttribute("data-status", "open", { timeout: 20_000 });
    await expect(h.getByTestId("participants")).toContainText(`${guest.account.displayName} @${guest.account.handle}`);

    // Each draws a stroke and sees the other's, and the other's labelled cursor.
    await drawStroke(h, [0.15, 0.3], [0.45, 0.5]);
    await expect(strokeCount(h)).toHaveAttribute("data-stroke-count", "1");
    await expect(strokeCount(g)).toHaveAttribute("data-stroke-count", "1", { timeout: 10_000 });
    await drawStroke(g, [0.55, 0.6], [0.85, 0.35]);
    await expect(strokeCount(g)).toHaveAttribute("data-stroke-count", "2");
    await expect(strokeCount(h)).toHaveAttribute("data-stroke-count", "2", { timeout: 10_000 });
    const box = await canvasBox(g);
    await g.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.7, { steps: 4 });
    await expect(h.getByTestId("peer-cursor").filter({ hasText: guest.account.displayName })).toBeVisible();
    const hostBox = await canvasBox(h);
    await h.mouse.move(hostBox.x + hostBox.width * 0.3, hostBox.y + hostBox.height * 0.8, { steps: 4 });
    await expect(g.getByTestId("peer-cursor").filter({ hasText: "Mira Host" })).toBeVisible();

    // They chat both ways.
    await sendChat(h, "Shall we start from the harbour wall?");
    await expect(g.getByTestId("chat-messages")).toContainText("Shall we start from the harbour wall?");
    // Messages, cursors and the typing line name people as they call themselves.
    await expect(g.getByTestId("chat-messages").getByText("Mira Host", { exact: true })).toBeVisible();
    await sendChat(g, "Yes, I'll take the boats on the right.");
    await expect(h.getByTestId("chat-messages")).toContainText("Yes, I'll take the boats on the right.");

    // Shared notes: the guest sees the host typing, then the text.
    const notesText = "Wall on the left, boats on the right.";
    await Promise.all([
      h.getByRole("textbox", { name: "Shared notes" }).pressSequentially(notesText, { delay: 40 }),
      expect(g.getByTestId("typing")).toContainText("Mira Host is typing"),
    ]);
    await expect(g.getByRole("textbox", { name: "Shared notes" })).toHaveValue(notesText);
    await snap(h, testInfo, "02-host-sees-guest-stroke-cursor-and-chat");
    await snap(g, testInfo, "03-guest-sees-host-stroke-cursor-and-chat");

    // Four more editors take the remaining seats; the seventh person is offered the spectator view.
    for (const extra of extras.slice(0, 4)) sockets.push(await holdSeat(extra, id));
    await expect(h.getByTestId("seats")).toHaveAttribute("data-free", "0");
    const s = seventh.page;
    await s.goto(roomUrl);
    await expect(status(s)).toHaveAttribute("data-status", "full", { timeout: 20_000 });
    await expect(status(s)).toContainText("The room is full");
    await snap(s, testInfo, "04-seventh-finds-the-room-full");
    await s.getByRole("button", { name: "Watch as spectator" }).click();
    await expect(status(s)).toHaveAttribute("data-status", "open", { timeout: 20_000 });
    await expect(s.getByTestId("spectator-note")).toContainText("You are watching");
    await expect(strokeCount(s)).toHaveAttribute("data-stroke-count", "2");
    await expect(s.getByRole("button", { name: "Pen" })).toBeDisabled();
    await expect(s.getByRole("textbox", { name: "Message" })).toBeDisabled();
    await drawStroke(s, [0.2, 0.8], [0.6, 0.9]);
    await expect(strokeCount(s)).toHaveAttribute("data-stroke-count", "2");
    await expect(strokeCount(h)).toHaveAttribute("data-stroke-count", "2");
    await expect(s.getByRole("button", { name: "Take a seat" })).toHaveCount(0);
    await snap(s, testInfo, "05-seventh-watches-as-spectator");
    // When a seat frees up, the spectator is offered it.
    sockets.shift()!.close();
    await expect(s.getByRole("button", { name: "Take a seat" })).toBeVisible({ timeout: 10_000 });

    // The host ends the session; every open room says so.
    await h.getByRole("button", { name: "End session…" }).click();
    await h.getByRole("button", { name: "End session now" }).click();
    await expect(h.getByTestId("session-summary")).toBeVisible({ timeout: 20_000 });
    for (const page of [g, s]) {
      await expect(status(page)).toHaveAttribute("data-status", "ended", { timeout: 15_000 });
      await expect(status(page)).toContainText("This session has ended");
    }
    await snap(g, testInfo, "06-guest-sees-the-end");
    await g.getByRole("link", { name: "See the session summary" }).click();
    await expect(g.getByTestId("session-summary")).toBeVisible();
    await expect(g.getByTestId("transcript")).toContainText("Yes, I'll take the boats on the right.");
    await expect(g.getByTestId("transcript").getByRole("link", { name: "Mira Host" })).toHaveAttribute("href", `/profile/${host.account.handle}`);

    // The host publishes the final artwork; it shows on the summary and on both profiles.
    await expect(h.getByTestId("transcript")).toContainText("Shall we start from the harbour wall?", { timeout: 20_000 });
    await expect(h.getByTestId("summary-notes")).toHaveText(notesText);
    await h.getByLabel("Title", { exact: true }).fill(title);
    await h.getByRole("button", { name: "Publish final artwork" }).click();
    await expect(h.getByTestId("final-artwork")).toContainText(title, { timeout: 30_000 });
    await snap(h, testInfo, "07-host-published-final-artwork");
    await h.goto("/connect/workspace");
    await expect(h.getByTestId("past-sessions")).toContainText(name);
    await expect(h.getByRole("img", { name: `Final artwork: ${title}` })).toBeVisible();
    await snap(h, testInfo, "08-session-listed-as-past");
    for (const handle of [host.account.handle, guest.account.handle]) {
      await g.goto(`/profile/${handle}`);
      await expect(g.getByRole("main")).toContainText(title);
    }
    await snap(g, testInfo, "09-artwork-on-guest-profile");
    expect([...host.errors, ...guest.errors, ...seventh.errors]).toEqual([]);
  } finally {
    for (const socket of sockets) socket.close();
    for (const person of [host, guest, seventh]) await person.context.close();
    for (const client of [hostClient, guestClient, ...extras]) await client.api.dispose();
  }
});
