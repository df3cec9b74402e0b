import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { newAccount, type NewAccount } from "./support/api";
import { snap } from "./support/screenshots";

/**
 * The whole product as two new people meet it: sign up, a profile with artworks, finding each
 * other (search and suggestions), following, a room with canvas and chat, the final artwork on
 * both profiles, endorsements both ways, an open call and an application.
 */

// Letters only, unique per run: a family name, a skill and a tag nobody else has.
const letters = () => randomBytes(4).toString("hex").replace(/\d/g, (d) => "ghijklmnop"[Number(d)]!);

type Person = { account: NewAccount; page: Page; errors: string[]; close(): Promise<void> };

async function newPerson(browser: Browser, account: NewAccount): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { account, page, errors, close: () => context.close() };
}

async function signUp({ page, account }: Person) {
  await page.goto("/connect/signup");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByLabel("Display name").fill(account.displayName);
  await page.getByLabel("Handle").fill(account.handle);
  await page.getByText(account.kind === "creator" ? "Creator" : "Diffuser", { exact: true }).click();
  await page.getByRole("button", { name: "Create account" }).click();
  // Sign-up then sign-in hash the password twice (scrypt): allow for a busy machine.
  await expect(page).toHaveURL(new RegExp(`/profile/${account.handle}$`), { timeout: 30_000 });
}

type ProfileInput = { headline: string; bio: string; region: string; skills: string; tags: string };

async function fillProfile(page: Page, input: ProfileInput) {
  await page.getByRole("link", { name: "Edit profile" }).click();
  const details = page.getByRole("region", { name: "Details" });
  await details.getByLabel("Headline").fill(input.headline);
  await details.getByLabel("Bio").fill(input.bio);
  await details.getByLabel("Region").fill(input.region);
  await details.getByLabel("Skills").fill(input.skills);
  await details.getByLabel("Tags").fill(input.tags);
  await details.getByRole("button", { name: "Save profile" }).click();
  await expect(details.getByText("Profile saved.")).toBeVisible();
}

async function uploadArtwork(page: Page, title: string, color: string) {
  const buffer = await sharp({ create: { width: 480, height: 360, channels: 3, background: color } }).png().toBuffer();
  const upload = page.getByRole("region", { name: "Add an artwork" });
  await upload.getByLabel("Image", { exact: true }).setInputFiles({ name: `${title}.png`, mimeType: "image/png", buffer });
  await upload.getByLabel("Title").fill(title);
  await upload.getByLabel("Description for people who cannot see the image").fill(`A flat field of colour called ${title}.`);
  await upload.getByRole("button", { name: "Upload artwork" }).click();
  await expect(upload.getByText(`“${title}” was added to your portfolio.`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Your artworks" }).getByRole("heading", { name: title })).toBeVisible();
}

/** Drags the mouse across the canvas between two points given as fractions of its size. */
async function drawStroke(page: Page, from: [number, number], to: [number, number]) {
  const canvas = page.getByTestId("canvas");
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(from));
  await page.mouse.down();
  await page.mouse.move(...at(to), { steps: 10 });
  await page.mouse.up();
}

async function sendChat(page: Page, text: string) {
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill(text);
  await box.press("Enter");
  await expect(box).toHaveValue("");
}

const suggestion = (page: Page, handle: string) => page.locator(`[data-testid="suggestion-card"][data-handle="${handle}"]`);
const status = (page: Page) => page.getByTestId("room-status");

test("two new people: sign up, profiles and artworks, find and follow each other, a session with a final artwork, endorsements, an open call and an application", async ({ browser }, testInfo) => {
  test.setTimeout(300_000); // two sign-ups (scrypt), uploads, a room, the final artwork's render
  const family = `Quill${letters()}`;
  const skill = `mezzotint ${letters()}`;
  const tag = `tide-${letters()}`;
  const marker = letters();
  const ana = await newPerson(browser, newAccount({ displayName: `Ana ${family}`, kind: "creator" }));
  const ben = await newPerson(browser, newAccount({ displayName: `Ben ${family}`, kind: "diffuser" }));
  const [a, b] = [ana.page, ben.page];
  const session = `Harbour sketches ${marker}`;
  const artworkTitle = `Tidelines ${marker}`;
  const callTitle = `Printmakers open call ${marker}`;

  try {
    await test.step("both sign up in the browser", async () => {
      await Promise.all([signUp(ana), signUp(ben)]);
      await expect(a.getByText("Your portfolio will appear here")).toBeVisible();
      await snap(a, testInfo, "01-ana-signed-up");
    });

    await test.step("both fill in their profiles and upload artworks", async () => {
      await fillProfile(a, { headline: "Printmaker of the estuary", bio: "I make mezzotints of the river mouth.", region: "Porto, PT", skills: `${skill}, etching`, tags: `${tag}, landscape` });
      await uploadArtwork(a, `Estuary ${marker}`, "#6b8fa3");
      await uploadArtwork(a, `Low tide ${marker}`, "#c8703a");
      await fillProfile(b, { headline: "Print studio and gallery", bio: "We show prints and run an open studio.", region: "Porto, PT", skills: `${skill}, curation`, tags: tag });
      await uploadArtwork(b, `Studio wall ${marker}`, "#3a4bb8");
      await snap(a, testInfo, "02-ana-edit-page-with-artworks");
      await a.getByRole("link", { name: "View your profile" }).click();
      await expect(a.getByText("Printmaker of the estuary")).toBeVisible();
      await expect(a.getByRole("region", { name: /Portfolio/ }).getByRole("button")).toHaveCount(2);
      await snap(a, testInfo, "03-ana-profile");
    });

    await test.step("they find each other through suggestions and people search", async () => {
      for (const [page, other] of [[a, ben], [b, ana]] as const) {
        await page.goto("/connect/people");
        await expect(suggestion(page, other.account.handle).getByTestId("suggestion-reasons")).toContainText(`You both work in ${skill}`);
      }
      await snap(b, testInfo, "04-ben-sees-ana-suggested");
      const box = a.getByRole("searchbox", { name: "Search people" });
      await box.fill(`Ben ${family}`);
      await box.press("Enter");
      await expect(a).toHaveURL(/[?&]q=Ben/);
      const card = a.getByTestId("person-card").filter({ hasText: `@${ben.account.handle}` });
      await expect(card).toContainText("Print studio and gallery");
      await snap(a, testInfo, "05-ana-finds-ben-by-search");
      await card.getByRole("link", { name: `Ben ${family}` }).click();
      await expect(a).toHaveURL(new RegExp(`/profile/${ben.account.handle}$`));
    });

    await test.step("they follow each other", async () => {
      await a.getByRole("button", { name: /^Follow/ }).click();
      await expect(a.getByText("1 follower", { exact: true })).toBeVisible();
      await expect(a.getByRole("button", { name: /^Unfollow/ })).toBeVisible();
      await b.getByRole("button", { name: `Follow Ana ${family}` }).click();
      await expect(b.getByTestId("suggestions-notice")).toHaveText(`You follow @${ana.account.handle} now.`);
      await expect(suggestion(b, ana.account.handle)).toHaveCount(0);
      await b.goto(`/profile/${ana.account.handle}`);
      await expect(b.getByText("1 follower", { exact: true })).toBeVisible();
      await snap(b, testInfo, "06-ben-follows-ana");
    });

    let roomPath = "";
    await test.step("Ana starts a session inviting Ben; both open the room", async () => {
      await a.goto("/connect/workspace");
      await a.getByLabel("Name", { exact: true }).fill(session);
      const combo = a.getByRole("combobox", { name: "Invite people" });
      await combo.pressSequentially(`Ben ${family}`, { delay: 20 });
      const option = a.getByRole("option", { name: new RegExp(ben.account.handle) });
      await expect(option).toBeVisible({ timeout: 15_000 });
      await expect(option).toHaveAttribute("aria-selected", "true");
      await combo.press("Enter");
      await expect(a.getByRole("list", { name: "Invited" })).toContainText(`@${ben.account.handle}`);
      await a.getByRole("button", { name: "Start session" }).click();
      await expect(a).toHaveURL(/\/connect\/workspace\/[^/]+$/, { timeout: 20_000 });
      roomPath = new URL(a.url()).pathname;
      await expect(status(a)).toHaveAttribute("data-status", "open", { timeout: 20_000 });
      await b.goto("/connect/workspace");
      await b.getByTestId("live-sessions").getByRole("link", { name: new RegExp(session) }).click();
      await expect(b).toHaveURL(new RegExp(`${roomPath}$`));
      await expect(status(b)).toHaveAttribute("data-status", "open", { timeout: 20_000 });
      await expect(a.getByTestId("participants")).toContainText(`@${ben.account.handle}`);
    });

    await test.step("they draw on the canvas and chat", async () => {
      await drawStroke(a, [0.15, 0.3], [0.45, 0.55]);
      await expect(b.getByTestId("canvas")).toHaveAttribute("data-stroke-count", "1");
      await drawStroke(b, [0.55, 0.6], [0.85, 0.35]);
      await expect(a.getByTestId("canvas")).toHaveAttribute("data-stroke-count", "2");
      await sendChat(a, "Start from the harbour wall?");
      await expect(b.getByTestId("chat-messages")).toContainText("Start from the harbour wall?");
      await sendChat(b, "Yes, I take the boats.");
      await expect(a.getByTestId("chat-messages")).toContainText("Yes, I take the boats.");
      await snap(a, testInfo, "07-room-with-strokes-and-chat");
    });

    await test.step("Ana ends the session and publishes the final artwork to both profiles", async () => {
      await a.getByRole("button", { name: "End session…" }).click();
      await a.getByRole("button", { name: "End session now" }).click();
      await expect(a.getByTestId("session-summary")).toBeVisible({ timeout: 20_000 });
      await expect(status(b)).toHaveAttribute("data-status", "ended", { timeout: 15_000 });
      await expect(a.getByTestId("transcript")).toContainText("Yes, I take the boats.", { timeout: 20_000 });
      await a.getByLabel("Title", { exact: true }).fill(artworkTitle);
      await a.getByRole("button", { name: "Publish final artwork" }).click();
      await expect(a.getByTestId("final-artwork")).toContainText(artworkTitle, { timeout: 30_000 });
      await snap(a, testInfo, "08-final-artwork-published");
      // Each sees it on both profiles, next to the uploads (Ana had two, Ben one).
      for (const [page, handle, works] of [[a, ana.account.handle, 3], [b, ana.account.handle, 3], [a, ben.account.handle, 2], [b, ben.account.handle, 2]] as const) {
        await page.goto(`/profile/${handle}`);
        await expect(page.getByRole("main")).toContainText(artworkTitle);
        await expect(page.getByRole("region", { name: /Portfolio/ }).getByRole("button")).toHaveCount(works);
      }
      await snap(b, testInfo, "09-final-artwork-on-ben-profile");
    });

    await test.step("they endorse each other after the session; both endorsements publish", async () => {
      await b.goto(roomPath);
      const benPrompt = b.getByTestId("endorse-prompt").filter({ hasText: `How was it working with Ana ${family}?` });
      await benPrompt.getByLabel("5 · Outstanding").check();
      await benPrompt.getByLabel(`What was it like working with Ana ${family}?`).fill("Ana planned every line and still left room to play.");
      await benPrompt.getByRole("button", { name: "Send endorsement" }).click();
      await expect(benPrompt.getByTestId("endorse-status")).toHaveAttribute("data-status", "pending");
      await snap(b, testInfo, "10-ben-endorsement-pending");
      // Double-blind: not on Ana's profile until she has endorsed Ben too.
      await a.goto(`/profile/${ana.account.handle}`);
      await expect(a.getByTestId("trust-panel")).toContainText("No endorsements yet");

      await a.goto("/connect/workspace");
      const anaPrompt = a.getByTestId("endorse-prompt").filter({ hasText: `How was it working with Ben ${family}?` });
      await anaPrompt.getByLabel("4 · Very good").check();
      await anaPrompt.getByLabel(`What was it like working with Ben ${family}?`).fill("Ben kept the boats moving and the ink flowing.");
      await anaPrompt.getByRole("button", { name: "Send endorsement" }).click();
      await expect(anaPrompt.getByTestId("endorse-status")).toHaveAttribute("data-status", "published");
      for (const [page, subject, author, text] of [
        [a, ana, ben, "still left room to play"],
        [b, ben, ana, "kept the boats moving"],
      ] as const) {
        await page.goto(`/profile/${subject.account.handle}`);
        const item = page.locator(`[data-testid="endorsement"][data-author="${author.account.handle}"]`);
        await expect(item).toContainText(text);
        await expect(item.getByTestId("endorsement-context")).toContainText(`co-created ${session}`);
      }
      await snap(a, testInfo, "11-endorsement-on-ana-profile");
    });

    await test.step("Ben posts an open call, Ana applies, Ben sees the application", async () => {
      await b.goto("/connect/opportunities");
      await b.getByRole("link", { name: "Post an opportunity" }).first().click();
      await expect(b).toHaveURL(/\/connect\/opportunities\/new$/);
      await b.getByLabel("Title").fill(callTitle);
      await b.getByLabel("Kind").selectOption("open_call");
      await b.getByLabel("Description").fill("A spring show of relief and intaglio prints.");
      await b.getByLabel("Tags").fill(`${tag}, prints`);
      await b.getByLabel("Region").fill("Porto, PT");
      await b.getByRole("button", { name: "Post opportunity" }).click();
      await expect(b.getByRole("heading", { name: callTitle })).toBeVisible({ timeout: 20_000 });
      await snap(b, testInfo, "12-ben-posted-open-call");

      await a.goto(`/connect/opportunities?q=${encodeURIComponent(callTitle)}`);
      await a.getByTestId("opportunity-card").getByRole("link", { name: callTitle }).click();
      await a.getByLabel("Message to the organiser").fill("Two estuary mezzotints, ready to hang.");
      await a.getByRole("checkbox", { name: `Estuary ${marker}` }).check();
      await a.getByRole("button", { name: "Send application" }).click();
      await expect(a.getByTestId("my-application")).toContainText(/with 1 artwork\./, { timeout: 20_000 });
      await snap(a, testInfo, "13-ana-applied");

      await b.reload();
      const application = b.getByTestId("application");
      await expect(application).toHaveCount(1);
      await expect(application).toContainText(`Ana ${family}`);
      await expect(application).toContainText("Two estuary mezzotints, ready to hang.");
      await expect(application.getByRole("img")).toHaveCount(1);
      await snap(b, testInfo, "14-ben-sees-the-application");
    });

    expect([...ana.errors, ...ben.errors]).toEqual([]);
  } finally {
    await ana.close();
    await ben.close();
  }
});
