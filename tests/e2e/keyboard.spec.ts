import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { newAccount, signedInClient } from "./support/api";
import { expectFocusVisible, tabAndType, tabTo } from "./support/keyboard";
import { snap } from "./support/screenshots";

/**
 * Keyboard-only journeys: Tab, Shift+Tab, Enter, Space, arrows and typing; no clicks, no fill().
 * Every Tab stop on the way must show a focus ring (see support/keyboard.ts). The API sets up
 * what a journey needs but is not about (other people, a live session).
 */

type Client = Awaited<ReturnType<typeof signedInClient>>;

const letters = () => randomBytes(4).toString("hex").replace(/\d/g, (d) => "ghijklmnop"[Number(d)]!);

/** A browser page signed in as an existing account, failing on page errors. */
async function openAs(browser: Browser, client: Client) {
  const context = await browser.newContext({ storageState: await client.api.storageState() });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors, close: () => context.close() };
}

function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("sign up with the keyboard alone", async ({ page }, testInfo) => {
  test.setTimeout(90_000); // sign-up then sign-in hash the password twice (scrypt) on a busy machine
  const errors = watchErrors(page);
  const account = newAccount();
  await page.goto("/connect/signup");
  await tabAndType(page, page.getByLabel("Email"), account.email);
  await tabAndType(page, page.getByLabel("Password", { exact: true }), account.password);
  await tabAndType(page, page.getByLabel("Display name"), account.displayName);
  await tabAndType(page, page.getByLabel("Handle"), account.handle);
  const creator = page.getByRole("radio", { name: /^Creator/ });
  await tabTo(page, creator, 3);
  await page.keyboard.press("Space");
  await expect(creator).toBeChecked();
  // Arrow keys move within the radio group, and back.
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: /^Diffuser/ })).toBeChecked();
  await page.keyboard.press("ArrowLeft");
  await expect(creator).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Create account" }), 3);
  await snap(page, testInfo, "01-signup-filled-by-keyboard");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/profile/${account.handle}$`), { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: account.displayName })).toBeVisible();
  expect(errors).toEqual([]);
});

test("change the headline from the profile page with the keyboard alone", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const me = await signedInClient(baseURL!, { displayName: "Kai Keys" });
  const { page, errors, close } = await openAs(browser, me);
  try {
    await page.goto(`/profile/${me.account.handle}`);
    await tabTo(page, page.getByRole("link", { name: "Edit profile" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/profile/${me.account.handle}/edit$`));
    const headline = page.getByLabel("Headline");
    await tabTo(page, headline);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("Weaver of tapestries, keyboard first");
    await tabTo(page, page.getByRole("button", { name: "Save profile" }), 40);
    await page.keyboard.press("Enter");
    await expect(page.getByText("Profile saved.")).toBeVisible();
    await expectFocusVisible(page);
    await snap(page, testInfo, "01-headline-saved");
    const saved = await (await me.api.get(`/api/v1/profiles/${me.account.handle}`)).json();
    expect(saved.headline).toBe("Weaver of tapestries, keyboard first");
    expect(errors).toEqual([]);
  } finally {
    await close();
    await me.api.dispose();
  }
});

test("search people, reach a result and open it with the keyboard alone", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(90_000); // two sign-ups
  const family = `Wren${letters()}`;
  const artist = await signedInClient(baseURL!, { displayName: `Ottilie ${family}` });
  expect((await artist.api.patch("/api/v1/profiles/me", { data: { headline: "Risograph printer", skills: ["risograph"] } })).status()).toBe(200);
  const searcher = await signedInClient(baseURL!, { kind: "diffuser" });
  const { page, errors, close } = await openAs(browser, searcher);
  try {
    await page.goto("/connect/people");
    await tabAndType(page, page.getByRole("searchbox", { name: "Search people" }), `Ottilie ${family}`);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]q=Ottilie/);
    const result = page.getByTestId("person-card").filter({ hasText: `@${artist.account.handle}` }).getByRole("link", { name: `Ottilie ${family}` });
    await tabTo(page, result, 30);
    await snap(page, testInfo, "01-result-focused");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/profile/${artist.account.handle}$`));
    await expect(page.getByRole("heading", { level: 1, name: `Ottilie ${family}` })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await close();
    await Promise.all([artist.api.dispose(), searcher.api.dispose()]);
  }
});

test("follow a suggested person with the keyboard alone; focus lands on the outcome, not the page", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(90_000); // two sign-ups
  const skill = `drypoint ${letters()}`;
  const [me, other] = await Promise.all([signedInClient(baseURL!, { displayName: "Kai Keys" }), signedInClient(baseURL!, { displayName: `Olga ${letters()}`, kind: "diffuser" })]);
  for (const client of [me, other]) expect((await client.api.patch("/api/v1/profiles/me", { data: { skills: [skill], region: "Porto, PT" } })).status()).toBe(200);
  const { page, errors, close } = await openAs(browser, me);
  try {
    await page.goto("/connect/people");
    await tabTo(page, page.getByRole("button", { name: `Follow ${other.account.displayName}` }), 60);
    await page.keyboard.press("Enter");
    const notice = page.getByTestId("suggestions-notice");
    await expect(notice).toHaveText(`You follow @${other.account.handle} now.`);
    // The card (and the button that had focus) is gone: focus moves to the outcome, visibly.
    await expect(notice).toBeFocused();
    await expectFocusVisible(page);
    await snap(page, testInfo, "01-followed-focus-on-outcome");
    const profile = await (await me.api.get(`/api/v1/profiles/${other.account.handle}`)).json();
    expect(profile.stats.followers).toBe(1);
    expect(errors).toEqual([]);
  } finally {
    await close();
    await Promise.all([me.api.dispose(), other.api.dispose()]);
  }
});

test("post an opportunity with the keyboard alone", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const owner = await signedInClient(baseURL!, { displayName: "Galeria Teclado", kind: "diffuser" });
  const { page, errors, close } = await openAs(browser, owner);
  const title = `Keyboard open call ${letters()}`;
  try {
    await page.goto("/connect/opportunities");
    await tabTo(page, page.getByRole("link", { name: "Post an opportunity" }).first());
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/connect\/opportunities\/new$/);
    await tabAndType(page, page.getByLabel("Title"), title);
    const kind = page.getByLabel("Kind");
    await tabTo(page, kind, 3);
    // Typing on a closed select picks the option that starts with the letters.
    await page.keyboard.type("Open");
    await expect(kind).toHaveValue("open_call");
    await tabAndType(page, page.getByLabel("Description"), "Prints of any size, framed or not.", 3);
    await tabAndType(page, page.getByLabel("Region"), "Porto, PT", 5);
    const paid = page.getByLabel("Paid (a fee, stipend or salary)");
    await tabTo(page, paid, 20);
    await page.keyboard.press("Space");
    await expect(paid).toBeChecked();
    await tabAndType(page, page.getByLabel("Amount paid"), "400", 3);
    await tabTo(page, page.getByRole("button", { name: "Post opportunity" }), 10);
    await snap(page, testInfo, "01-posting-filled-by-keyboard");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: title })).toBeVisible({ timeout: 20_000 });
    const listed = await (await owner.api.get(`/api/v1/opportunities?q=${encodeURIComponent(title)}`)).json();
    expect(listed.items[0]).toMatchObject({ title, kind: "open_call", region: "Porto, PT", compensation: { paid: true, amount: 400 } });
    expect(errors).toEqual([]);
  } finally {
    await close();
    await owner.api.dispose();
  }
});

test("join a live session from the workspace list and chat with the keyboard alone", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const host = await signedInClient(baseURL!, { displayName: "Mira Host" });
  const guest = await signedInClient(baseURL!, { displayName: "Tove Guest" });
  const name = `Keyboard room ${letters()}`;
  const created = await host.api.post("/api/v1/workspaces", { data: { name, sessionType: "dm", invite: [guest.account.handle] } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const { page, errors, close } = await openAs(browser, guest);
  try {
    await page.goto("/connect/people");
    await tabTo(page, page.getByRole("link", { name: "Workspace", exact: true }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/connect\/workspace$/);
    await tabTo(page, page.getByTestId("live-sessions").getByRole("link", { name: new RegExp(name) }), 30);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/connect/workspace/${id}$`));
    await expect(page.getByTestId("room-status")).toHaveAttribute("data-status", "open", { timeout: 20_000 });
    const message = page.getByRole("textbox", { name: "Message" });
    await tabTo(page, message, 40);
    await page.keyboard.type("Hello from the keyboard");
    await page.keyboard.press("Enter");
    await expect(message).toHaveValue("");
    await expect(page.getByTestId("chat-messages")).toContainText("Hello from the keyboard");
    // Shift+Tab goes back to the message list, which scrolls and shows its focus too.
    await tabTo(page, page.getByRole("list", { name: "Messages" }), 2, "Shift+Tab");
    await snap(page, testInfo, "01-chat-sent-by-keyboard");
    // The message reached the room: it is in the transcript the room hands over at the end.
    expect((await host.api.post(`/api/v1/workspaces/${id}/end`)).status()).toBe(200);
    await expect(page.getByTestId("room-status")).toHaveAttribute("data-status", "ended", { timeout: 15_000 });
    await expect
      .poll(async () => ((await (await host.api.get(`/api/v1/workspaces/${id}/transcript`)).json()) as { items: { author: string; text: string }[] }).items, { timeout: 20_000 })
      .toContainEqual(expect.objectContaining({ author: guest.account.handle, text: "Hello from the keyboard" }));
    expect(errors).toEqual([]);
  } finally {
    await close();
    await Promise.all([host.api.dispose(), guest.api.dispose()]);
  }
});
