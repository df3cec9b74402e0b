import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import sharp from "sharp";
import { newAccount, signIn } from "./support/api";
import { snap } from "./support/screenshots";

/** A small abstract "artwork" rendered from SVG, so screenshots look like a portfolio. */
async function makeArtwork(dir: string, name: string, width: number, height: number, colors: [string, string, string], format: "png" | "jpeg") {
  const [sky, sun, ground] = colors;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#f4efe6"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.68}" cy="${height * 0.38}" r="${Math.min(width, height) * 0.16}" fill="${sun}" opacity="0.9"/>
    <path d="M0 ${height * 0.72} Q ${width * 0.3} ${height * 0.58} ${width * 0.55} ${height * 0.7} T ${width} ${height * 0.66} V ${height} H 0 Z" fill="${ground}"/>
  </svg>`;
  const file = path.join(dir, `${name}.${format === "png" ? "png" : "jpg"}`);
  const image = sharp(Buffer.from(svg));
  await (format === "png" ? image.png() : image.jpeg({ quality: 85 })).toFile(file);
  return file;
}

/** The folder snap() writes to, for the one viewport-sized screenshot. */
function screenshotDir(testInfo: TestInfo) {
  return path.join("tests", "e2e", "screenshots", testInfo.titlePath.slice(1).join(" - ").replace(/[^\w-]+/g, "_"));
}

/** Full-page captures draw fixed elements (the hidden skip link) at the scroll offset: capture from the top. */
async function snapFromTop(page: Page, testInfo: TestInfo, step: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, testInfo, step);
}

function failOnPageErrors(page: Page, errors: string[]) {
  page.on("pageerror", (error) => errors.push(error.message));
}

const artworks = [
  { title: "Northern Light", style: "Oil on linen", tags: "landscape, light", alt: "A pale sun over a low green hill.", size: [1600, 1200], colors: ["#9fb7d8", "#f6d28b", "#5f7d5a"], format: "png" },
  { title: "Salt Marsh", style: "Watercolour", tags: "landscape, water", alt: "A soft pink sky over dark marshland.", size: [1000, 1400], colors: ["#e9b8b0", "#fff3d6", "#3f4d5c"], format: "jpeg" },
  { title: "Quiet Harbour", style: "Cyanotype", tags: "sea, blue", alt: "A white disc above a deep blue swell.", size: [1200, 1200], colors: ["#2f4f8f", "#f2f2f2", "#1d2f55"], format: "png" },
] as const;

test("a new artist fills in a profile, uploads three artworks, is found by a misspelt name, followed and unfollowed", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  failOnPageErrors(page, errors);
  const dir = await mkdtemp(path.join(tmpdir(), "kontact-e2e-art-"));
  const account = newAccount({ displayName: "Isadora Quennell" });

  try {
    // Sign up in the browser; the new account lands on its own profile.
    await page.goto("/connect/signup");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password", { exact: true }).fill(account.password);
    await page.getByLabel("Display name").fill(account.displayName);
    await page.getByLabel("Handle").fill(account.handle);
    await page.getByText("Creator", { exact: true }).click();
    await page.getByRole("button", { name: "Create account" }).click();
    // Password hashing on a busy machine can take a while.
    await expect(page).toHaveURL(new RegExp(`/profile/${account.handle}$`), { timeout: 30_000 });
    await expect(page.getByText("Your portfolio will appear here")).toBeVisible();

    await page.getByRole("link", { name: "Edit profile" }).click();
    await expect(page).toHaveURL(new RegExp(`/profile/${account.handle}/edit$`));
    await expect(page.getByRole("heading", { level: 1, name: "Edit your profile" })).toBeVisible();

    // A bad link first: the field says what is wrong and nothing is saved.
    const details = page.getByRole("region", { name: "Details" });
    const headline = "Painter of northern light, working in oil and cyanotype";
    await details.getByLabel("Headline").fill(headline);
    await details.getByLabel("Bio").fill("I paint the coast where I grew up.\nMost of my work starts as cyanotypes made on the beach.");
    await details.getByLabel("Region").fill("Bergen, Norway");
    await details.getByLabel("Skills").fill("oil painting, cyanotype, printmaking");
    await details.getByLabel("Tags").fill("landscape, sea");
    await details.getByLabel("Open to collaboration").check();
    await details.getByLabel("Link 1 label").fill("Studio");
    await details.getByLabel("Link 1 address").fill("javascript:alert(1)");
    await details.getByRole("button", { name: "Save profile" }).click();
    await expect(details.getByText("Use a full web address starting with http:// or https://.")).toBeVisible();
    await expect(details.getByLabel("Link 1 address")).toHaveAttribute("aria-invalid", "true");
    await expect(details.getByText(/Nothing was saved/)).toBeVisible();
    await expect(details.getByLabel("Headline")).toHaveValue(headline);
    const unsaved = await (await page.request.get(`/api/v1/profiles/${account.handle}`)).json();
    expect(unsaved.headline).toBe("");
    expect(unsaved.links).toEqual([]);
    await snapFromTop(page, testInfo, "01-edit-link-error");

    await details.getByLabel("Link 1 address").fill("https://studio.example/isadora");
    await details.getByRole("button", { name: "Save profile" }).click();
    await expect(details.getByText("Profile saved.")).toBeVisible();
    const saved = await (await page.request.get(`/api/v1/profiles/${account.handle}`)).json();
    expect(saved.headline).toBe(headline);
    expect(saved.links).toEqual([{ label: "Studio", url: "https://studio.example/isadora" }]);
    await expect(details.getByLabel("Link 1 address")).toHaveValue("https://studio.example/isadora");

    // Three artworks, with the upload form's progress and the list of my artworks growing.
    const upload = page.getByRole("region", { name: "Add an artwork" });
    const mine = page.getByRole("region", { name: "Your artworks" });
    for (const [i, art] of artworks.entries()) {
      const file = await makeArtwork(dir, `art-${i}`, art.size[0], art.size[1], [...art.colors], art.format);
      await upload.getByLabel("Image", { exact: true }).setInputFiles(file);
      await upload.getByLabel("Title").fill(art.title);
      await upload.getByLabel("Style").fill(art.style);
      await upload.getByLabel("Tags").fill(art.tags);
      await upload.getByLabel("Description for people who cannot see the image").fill(art.alt);
      if (i === 2) await upload.getByLabel("Allow downloads").check();
      await expect(upload.getByLabel("Allow use for AI training")).not.toBeChecked();
      await upload.getByRole("button", { name: "Upload artwork" }).click();
      await expect(upload.getByText(`“${art.title}” was added to your portfolio.`)).toBeVisible({ timeout: 30_000 });
      await expect(mine.getByRole("heading", { name: art.title })).toBeVisible();
    }
    await expect(mine.getByRole("heading", { level: 3 })).toHaveCount(3);
    await snapFromTop(page, testInfo, "02-edit-page-with-artworks");

    // The public page: thumbnails load, the lightbox opens, moves with the arrow keys and closes with Esc.
    await page.getByRole("link", { name: "View your profile" }).click();
    await expect(page.getByRole("heading", { level: 1, name: account.displayName })).toBeVisible();
    await expect(page.getByText(headline)).toBeVisible();
    await expect(page.getByText("Open to collaboration")).toBeVisible();
    await expect(page.getByRole("link", { name: /Studio/ })).toHaveAttribute("rel", "me noopener noreferrer nofollow");
    const portfolio = page.getByRole("region", { name: /Portfolio/ });
    const tiles = portfolio.getByRole("button");
    await expect(tiles).toHaveCount(3);
    for (const img of await portfolio.getByRole("listitem").locator("img").all()) {
      await expect(img).toBeVisible();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    }
    await tiles.first().click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("heading", { name: "Quiet Harbour" })).toBeVisible();
    await expect(dialog.getByText("Download allowed")).toBeVisible();
    await expect(dialog.getByRole("link", { name: /Download/ })).toBeVisible();
    await expect(dialog.getByText("AI training: not allowed")).toBeVisible();
    // The dialog fills the viewport, so this one is a viewport screenshot next to the full-page ones.
    await page.screenshot({ path: path.join(screenshotDir(testInfo), "03-lightbox.png") });
    await page.keyboard.press("ArrowRight");
    await expect(dialog.getByRole("heading", { name: "Salt Marsh" })).toBeVisible();
    await expect(dialog.getByText("No downloads")).toBeVisible();
    await expect(dialog.getByRole("link", { name: /Download/ })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(tiles.nth(1)).toBeFocused();
    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await snapFromTop(page, testInfo, "04-profile-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await snapFromTop(page, testInfo, "05-profile-mobile");
    // The link preview, with the artworks in it, kept next to the screenshots.
    const og = await page.request.get(`/profile/${account.handle}/opengraph-image`);
    expect(og.status()).toBe(200);
    await writeFile(path.join(screenshotDir(testInfo), "07-open-graph-image.png"), await og.body());

    // Someone else finds them by a misspelt name, follows, then unfollows.
    const other = await browser.newContext({ baseURL });
    const visitor = await other.newPage();
    failOnPageErrors(visitor, errors);
    const second = newAccount({ displayName: "Gallery Nord" });
    expect((await visitor.request.post("/api/v1/auth/signup", { data: second })).status()).toBe(201);
    await signIn(visitor.request, second.email, second.password);

    await visitor.goto("/connect/people");
    const searchBox = visitor.getByRole("searchbox").or(visitor.getByRole("textbox", { name: /search/i })).first();
    if (await searchBox.isVisible().catch(() => false)) {
      await searchBox.fill("Isadora Quenell");
      await searchBox.press("Enter");
      await expect(visitor).toHaveURL(/[?&]q=/);
    } else {
      await visitor.goto(`/connect/people?q=${encodeURIComponent("Isadora Quenell")}`);
    }
    await visitor.getByRole("link", { name: /Isadora Quennell/ }).first().click();
    await expect(visitor).toHaveURL(new RegExp(`/profile/${account.handle}$`));
    await expect(visitor.getByText("0 followers", { exact: true })).toBeVisible();

    await visitor.getByRole("button", { name: /^Follow/ }).click();
    await expect(visitor.getByText("1 follower", { exact: true })).toBeVisible();
    await expect(visitor.getByRole("button", { name: /^Unfollow/ })).toBeVisible();
    await snapFromTop(visitor, testInfo, "06-visitor-following");
    await visitor.getByRole("button", { name: /^Unfollow/ }).click();
    await expect(visitor.getByText("0 followers", { exact: true })).toBeVisible();
    await expect(visitor.getByRole("button", { name: /^Follow/ })).toBeVisible();

    // The artist sees the visitor's follow history reflected too (nothing stale from the cache).
    await page.reload();
    await expect(page.getByText("0 followers", { exact: true })).toBeVisible();
    await other.close();
    expect(errors).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("the edit page is for the owner only", async ({ page }) => {
  const owner = newAccount();
  expect((await page.request.post("/api/v1/auth/signup", { data: owner })).status()).toBe(201);
  // Anonymous: asked to sign in, then brought back.
  await page.goto(`/profile/${owner.handle}/edit`);
  await expect(page).toHaveURL(/\/connect\/signin\?callbackUrl=/);
  // Someone else: sent to the public profile.
  const visitor = newAccount();
  expect((await page.request.post("/api/v1/auth/signup", { data: visitor })).status()).toBe(201);
  await signIn(page.request, visitor.email, visitor.password);
  await page.goto(`/profile/${owner.handle}/edit`);
  await expect(page).toHaveURL(new RegExp(`/profile/${owner.handle}$`));
  await expect(page.getByRole("button", { name: /^Follow/ })).toBeVisible();
});

test("a profile page has metadata and an Open Graph image", async ({ page, request }) => {
  const account = newAccount();
  expect((await request.post("/api/v1/auth/signup", { data: account })).status()).toBe(201);
  await page.goto(`/profile/${account.handle}`);
  await expect(page).toHaveTitle(new RegExp(`@${account.handle}`));
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toMatch(new RegExp(`/profile/${account.handle}/opengraph-image`));
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  const image = await request.get(new URL(ogImage!).pathname + new URL(ogImage!).search);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  const { width, height } = await sharp(await image.body()).metadata();
  expect([width, height]).toEqual([1200, 630]);
});

test("a hidden profile has no page and no Open Graph image for anyone else", async ({ page, request }) => {
  const account = newAccount();
  expect((await page.request.post("/api/v1/auth/signup", { data: account })).status()).toBe(201);
  await signIn(page.request, account.email, account.password);
  // Seen once while public, so the cached public view exists before it is hidden.
  expect((await request.get(`/profile/${account.handle}/opengraph-image`)).status()).toBe(200);
  expect((await page.request.patch("/api/v1/profiles/me", { data: { visibility: "hidden" } })).status()).toBe(200);

  expect((await request.get(`/profile/${account.handle}`)).status()).toBe(404);
  expect((await request.get(`/profile/${account.handle}/opengraph-image`)).status()).toBe(404);
  // The owner still sees it, with a note saying who else can.
  await page.goto(`/profile/${account.handle}`);
  await expect(page.getByText("Your profile is hidden: only you can see this page.")).toBeVisible();
});

test("an artist turns on AI-training consent for one artwork, then deletes it after confirming", async ({ page }) => {
  const errors: string[] = [];
  failOnPageErrors(page, errors);
  const account = newAccount();
  expect((await page.request.post("/api/v1/auth/signup", { data: account })).status()).toBe(201);
  await signIn(page.request, account.email, account.password);
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a4bb8" } }).png().toBuffer();
  const created = await page.request.post("/api/v1/artworks", {
    multipart: { file: { name: "blue.png", mimeType: "image/png", buffer: png }, title: "Blue Study" },
  });
  expect(created.status()).toBe(201);

  await page.goto(`/profile/${account.handle}/edit#portfolio`);
  const mine = page.getByRole("region", { name: "Your artworks" });
  await expect(mine.getByText("AI training: not allowed")).toBeVisible();
  await mine.getByText("Edit details and rights").click();
  await mine.getByLabel("Allow use for AI training").check();
  await mine.getByRole("button", { name: /Save changes/ }).click();
  await expect(mine.getByText("Artwork saved.")).toBeVisible();
  await expect(mine.getByText("AI training: allowed by the artist")).toBeVisible();

  await page.goto(`/profile/${account.handle}`);
  await page.getByRole("region", { name: /Portfolio/ }).getByRole("button").first().click();
  await expect(page.getByRole("dialog").getByText("AI training: allowed by the artist")).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.goto(`/profile/${account.handle}/edit#portfolio`);
  await mine.getByText("Delete…").click();
  await mine.getByRole("button", { name: "Delete for good" }).click();
  await expect(mine.getByText("No artworks yet: your uploads appear here.")).toBeVisible();
  await page.goto(`/profile/${account.handle}`);
  await expect(page.getByText("Your portfolio will appear here")).toBeVisible();
  expect(errors).toEqual([]);
});

test("blocking asks first, hides the pair from each other and can be undone", async ({ page, browser, baseURL }) => {
  const errors: string[] = [];
  failOnPageErrors(page, errors);
  const me = newAccount();
  const them = newAccount();
  for (const account of [me, them]) expect((await page.request.post("/api/v1/auth/signup", { data: account })).status()).toBe(201);
  await signIn(page.request, me.email, me.password);

  await page.goto(`/profile/${them.handle}`);
  await page.getByText("Block…").click();
  await expect(page.getByText(`Block @${them.handle}? You will stop seeing each other`)).toBeVisible();
  await page.getByRole("button", { name: `Block @${them.handle}` }).click();
  await expect(page.getByText(`You blocked @${them.handle}.`)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Follow/ })).toHaveCount(0);

  // The blocked person no longer finds the blocker's page.
  const other = await browser.newContext({ baseURL });
  await signIn(other.request, them.email, them.password);
  expect((await other.request.get(`/profile/${me.handle}`)).status()).toBe(404);

  await page.getByRole("button", { name: "Unblock" }).click();
  await expect(page.getByRole("button", { name: /^Follow/ })).toBeVisible();
  expect((await other.request.get(`/profile/${me.handle}`)).status()).toBe(200);
  await other.close();
  expect(errors).toEqual([]);
});
