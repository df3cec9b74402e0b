import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { signedInClient } from "./support/api";
import { snap } from "./support/screenshots";

const DAY = 24 * 60 * 60 * 1000;
const date = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** A small but real PDF (one blank page), as an organiser's brief would be. */
const BRIEF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** A browser context signed in as a fresh account, plus its API client for setup. */
async function signedInPage(browser: Browser, baseURL: string, kind: "creator" | "diffuser", displayName: string) {
  const client = await signedInClient(baseURL, { kind, displayName });
  const context = await browser.newContext({ storageState: await client.api.storageState() });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { ...client, context, page, errors };
}

type Person = Awaited<ReturnType<typeof signedInPage>>;

/** The owner posts a call through the API and the artist applies to it; returns its id. */
async function postedAndAppliedTo(owner: Person, artist: Person, posting: Record<string, unknown>, message: string): Promise<string> {
  const created = await owner.api.post("/api/v1/opportunities", { data: posting });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await artist.api.post(`/api/v1/opportunities/${id}/applications`, { data: { message } })).status()).toBe(201);
  return id;
}

async function closeAll(...people: Person[]) {
  for (const who of people) {
    await who.context.close();
    await who.api.dispose();
  }
}

async function uploadArtwork(api: Awaited<ReturnType<typeof signedInClient>>["api"], title: string, color: string) {
  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: color } }).png().toBuffer();
  const form = new FormData();
  form.append("file", new File([new Uint8Array(png)], `${title}.png`, { type: "image/png" }));
  form.append("title", title);
  const response = await api.post("/api/v1/artworks", { multipart: form });
  expect(response.status()).toBe(201);
}

async function focusFairCall(page: Page) {
  const badge = page.getByTestId("opportunity-card").first().getByTestId("fair-call");
  await badge.focus();
  await expect(page.getByRole("tooltip").first()).toBeVisible();
}

test("a diffuser posts a residency with a PDF brief; an artist finds it from a shared URL, applies with two artworks; the diffuser fills it", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const dir = await mkdtemp(path.join(tmpdir(), "kontact-e2e-opps-"));
  const briefFile = path.join(dir, "Residency brief.pdf");
  await writeFile(briefFile, BRIEF);
  const marker = Math.random().toString(36).slice(2, 8);
  const title = `Clay and Coast residency ${marker}`;
  const diffuser = await signedInPage(browser, baseURL!, "diffuser", "Atelier Maré");
  const artist = await signedInPage(browser, baseURL!, "creator", "Inês Calado");

  try {
    // The diffuser posts; a date in the wrong order is caught on the form, under its field.
    const d = diffuser.page;
    await d.goto("/connect/opportunities");
    await d.getByRole("link", { name: "Post an opportunity" }).first().click();
    await expect(d).toHaveURL(/\/connect\/opportunities\/new$/);
    await d.getByLabel("Title").fill(title);
    await d.getByLabel("Kind").selectOption("residency");
    await d.getByLabel("Description").fill("Four weeks at the kilns by the sea.\nStudio, housing and a stipend; final open studio.");
    await d.getByLabel("Tags").fill(`ceramics, coast, ${marker}`);
    await d.getByLabel("Region").fill("Caldas da Rainha, PT");
    await d.getByLabel("Starts").fill(date(60));
    await d.getByLabel("Ends").fill(date(50));
    await d.getByLabel("Application deadline").fill(date(21));
    await d.getByLabel("Paid (a fee, stipend or salary)").check();
    await d.getByLabel("Amount paid").fill("1500");
    await d.getByLabel("Attach a brief (optional)").setInputFiles(briefFile);
    await d.getByRole("button", { name: "Post opportunity" }).click();
    await expect(d.getByText("The end cannot be before the start.")).toBeVisible();
    await expect(d.getByLabel("Ends")).toHaveAttribute("aria-invalid", "true");
    await expect(d.getByLabel("Title")).toHaveValue(title);
    await snap(d, testInfo, "01-post-form-field-error");

    await d.getByLabel("Ends").fill(date(88));
    await d.getByLabel("Attach a brief (optional)").setInputFiles(briefFile);
    await d.getByRole("button", { name: "Post opportunity" }).click();
    await expect(d.getByRole("heading", { name: title })).toBeVisible({ timeout: 20_000 });
    await expect(d.getByTestId("attachments").getByRole("link", { name: "Residency brief.pdf" })).toBeVisible();
    await expect(d.getByTestId("fair-call-reason")).toContainText("Fair call");
    await snap(d, testInfo, "02-posted-with-brief");
    const postingUrl = d.url();

    // The artist has two artworks, and opens a search someone shared with them.
    await uploadArtwork(artist.api, "Low tide", "#6b8fa3");
    await uploadArtwork(artist.api, "Kiln glow", "#c8703a");
    const a = artist.page;
    const shared = `/connect/opportunities?kind=residency&tag=ceramics&tag=${marker}&region=caldas&paid=true&noEntryFee=true&sort=deadline`;
    await a.goto(shared);
    const card = a.getByTestId("opportunity-card");
    await expect(card).toHaveCount(1);
    await expect(card.getByRole("link", { name: title })).toBeVisible();
    await expect(card.getByTestId("deadline")).toHaveText(/Closes in 2[01] days/);
    await expect(a.getByLabel("Paid only")).toBeChecked();
    await focusFairCall(a);
    await expect(a.getByRole("tooltip").first()).toContainText("Free to apply and pays €1,500");
    await snap(a, testInfo, "03-artist-finds-it-from-shared-url");

    // The brief downloads as an attachment.
    await card.getByRole("link", { name: title }).click();
    const downloadPromise = a.waitForEvent("download");
    await a.getByRole("link", { name: "Residency brief.pdf" }).click();
    expect((await downloadPromise).suggestedFilename()).toBe("Residency brief.pdf");
    await expect(a.getByRole("link", { name: "Atelier Maré" })).toHaveAttribute("href", `/profile/${diffuser.account.handle}`);

    await a.getByRole("button", { name: "Save for later" }).click();
    await expect(a.getByRole("button", { name: /Saved/ })).toBeVisible();
    await a.getByLabel("Message to the organiser").fill("I fire wood kilns on the coast and would love to work with your clay.");
    await a.getByRole("checkbox", { name: "Low tide" }).check();
    await a.getByRole("checkbox", { name: "Kiln glow" }).check();
    await a.getByRole("button", { name: "Send application" }).click();
    await expect(a.getByTestId("my-application")).toContainText("with 2 artworks", { timeout: 20_000 });
    await snap(a, testInfo, "04-artist-applied");

    // The diffuser sees the application and fills the call, selecting the artist.
    await d.goto(postingUrl);
    const application = d.getByTestId("application");
    await expect(application).toHaveCount(1);
    await expect(application).toContainText("Inês Calado");
    await expect(application.getByRole("img")).toHaveCount(2);
    await d.getByRole("checkbox", { name: /Inês Calado/ }).check();
    await d.getByRole("button", { name: "Mark filled" }).click();
    await expect(d.getByTestId("owner-panel")).toContainText("Filled on the selection of Inês Calado. This is final.", { timeout: 20_000 });
    await expect(d.getByTestId("deadline")).toHaveText("Filled");
    await snap(d, testInfo, "05-diffuser-filled-the-call");

    // The artist's view shows it filled, and that they were selected.
    await a.reload();
    await expect(a.getByTestId("filled-notice")).toContainText("you were selected");
    await expect(a.getByTestId("deadline")).toHaveText("Filled");
    await snap(a, testInfo, "06-artist-sees-it-filled");

    // The shared search (open postings by default) no longer lists it; status=filled does.
    await a.goto(shared);
    await expect(a.getByTestId("opportunity-card")).toHaveCount(0);
    await a.goto(`${shared}&status=filled`);
    await expect(a.getByTestId("opportunity-card")).toHaveCount(1);

    expect(diffuser.errors).toEqual([]);
    expect(artist.errors).toEqual([]);
  } finally {
    for (const side of [diffuser, artist]) {
      await side.context.close();
      await side.api.dispose();
    }
    await rm(dir, { recursive: true, force: true });
  }
});

test("the list works without JavaScript: filters in the URL, empty state, calendar link for members, a new calendar address", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const member = await signedInPage(browser, baseURL!, "creator", "Rui Static");
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await member.api.storageState() });
  const page = await noJs.newPage();
  try {
    await page.goto("/connect/opportunities");
    await page.getByLabel("Search").fill("zzqx-nothing-matches");
    await page.getByLabel("Job").check();
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=zzqx-nothing-matches/);
    await expect(page).toHaveURL(/kind=job/);
    await expect(page.getByRole("heading", { name: "Nothing matches this search" })).toBeVisible();
    await expect(page.getByLabel("Job")).toBeChecked();
    await page.getByText("Deadlines in your calendar").click();
    await expect(page.getByLabel("Your private calendar address")).toHaveValue(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await snap(page, testInfo, "01-no-js-empty-search-with-calendar");
    await page.goto("/connect/opportunities?from=2031-05-01&to=2031-04-01");
    await expect(page.getByText("The range ends before it starts.").first()).toBeVisible();

    // A new calendar address, without JavaScript, then with it: each stops the one before.
    const address = () => member.page.getByLabel("Your private calendar address");
    await member.page.goto("/connect/opportunities");
    await member.page.getByText("Deadlines in your calendar").click();
    const first = await address().inputValue();
    await page.goto("/connect/opportunities");
    await page.getByText("Deadlines in your calendar").click();
    await page.getByRole("button", { name: "New address" }).click();
    // The page comes back from the post with the panel open and the outcome in it.
    await expect(page.getByRole("status").filter({ hasText: "New address ready: the old one no longer works." })).toBeVisible();
    const second = await page.getByLabel("Your private calendar address").inputValue();
    expect(second).not.toBe(first);
    expect((await member.api.get(new URL(first).pathname)).status()).toBe(404);
    expect((await member.api.get(new URL(second).pathname)).status()).toBe(200);
    await member.page.reload();
    await member.page.getByText("Deadlines in your calendar").click();
    await member.page.getByRole("button", { name: "New address" }).click();
    await expect(member.page.getByRole("status").filter({ hasText: "New address ready" })).toBeVisible();
    await expect(address()).not.toHaveValue(second);
    expect((await member.api.get(new URL(second).pathname)).status()).toBe(404);
    expect(member.errors).toEqual([]);
  } finally {
    await noJs.close();
    await member.context.close();
    await member.api.dispose();
  }
});

test("the owner edits a posting: errors stay on the form, a script named .pdf is refused, the change is saved", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const owner = await signedInPage(browser, baseURL!, "diffuser", "Galeria Norte");
  const dir = await mkdtemp(path.join(tmpdir(), "kontact-e2e-edit-"));
  try {
    const created = await owner.api.post("/api/v1/opportunities", {
      data: { title: "Winter open call", kind: "open_call", region: "Porto, PT", startsAt: `${date(40)}`, endsAt: `${date(70)}`, deadline: `${date(20)}`, compensation: { paid: false } },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    const p = owner.page;
    await p.goto(`/connect/opportunities/${id}`);
    await p.getByTestId("owner-panel").getByRole("link", { name: "Edit" }).click();
    await expect(p).toHaveURL(new RegExp(`/connect/opportunities/${id}/edit$`));
    await p.getByLabel("Title").fill("Winter open call for printmakers");
    await p.getByLabel("Ends").fill(date(30));
    await p.getByRole("button", { name: "Save changes" }).click();
    await expect(p.getByText("The end cannot be before the start.")).toBeVisible();
    await expect(p.getByLabel("Title")).toHaveValue("Winter open call for printmakers");
    await snap(p, testInfo, "01-edit-field-error");

    const script = path.join(dir, "brief.pdf");
    await writeFile(script, "#!/bin/sh\necho not a pdf\n");
    await p.getByLabel("Add a file").setInputFiles(script);
    await p.getByRole("button", { name: "Upload" }).click();
    await expect(p.getByText("Attach a PDF, PNG or JPEG file.").first()).toBeVisible();
    await snap(p, testInfo, "02-script-named-pdf-refused");

    await p.getByLabel("Ends").fill(date(75));
    await p.getByRole("button", { name: "Save changes" }).click();
    await expect(p.getByRole("heading", { name: "Winter open call for printmakers" })).toBeVisible({ timeout: 20_000 });
    expect((await (await owner.api.get(`/api/v1/opportunities/${id}`)).json()).attachments).toEqual([]);
    expect(owner.errors).toEqual([]);
  } finally {
    await owner.context.close();
    await owner.api.dispose();
    await rm(dir, { recursive: true, force: true });
  }
});

test("an artist withdraws an application after confirming, and can apply again", async ({ browser, baseURL }, testInfo) => {
  const owner = await signedInPage(browser, baseURL!, "diffuser", "Casa Prensa");
  const artist = await signedInPage(browser, baseURL!, "creator", "Rui Tavares");
  try {
    const id = await postedAndAppliedTo(owner, artist, { title: "Print studio residency", kind: "residency", region: "Lisbon, PT", deadline: date(30), compensation: { paid: true, amount: 900, currency: "EUR" } }, "Etching and relief.");
    const p = artist.page;
    await p.goto(`/connect/opportunities/${id}`);
    const mine = p.getByTestId("my-application");
    await expect(mine).toContainText("Etching and relief.");
    await mine.getByRole("button", { name: "Withdraw" }).click();
    // The confirmation is required: nothing happens until it is ticked.
    await expect(mine).toBeVisible();
    await mine.getByLabel("Withdraw my application").check();
    await snap(p, testInfo, "01-withdraw-confirmed");
    await mine.getByRole("button", { name: "Withdraw" }).click();
    await expect(p.getByTestId("my-application")).toHaveCount(0, { timeout: 20_000 });
    await expect(p.getByLabel("Message to the organiser")).toBeVisible();
    await snap(p, testInfo, "02-can-apply-again");
    const listed = await (await owner.api.get(`/api/v1/opportunities/${id}/applications`)).json();
    expect(listed.items).toEqual([]);
    expect([...owner.errors, ...artist.errors]).toEqual([]);
  } finally {
    await closeAll(owner, artist);
  }
});

test("a call filled while its page is open: withdrawing says why and changes nothing, no error page", async ({ browser, baseURL }) => {
  const owner = await signedInPage(browser, baseURL!, "diffuser", "Galeria Norte");
  const artist = await signedInPage(browser, baseURL!, "creator", "Inês Prado");
  try {
    const id = await postedAndAppliedTo(owner, artist, { title: "Mural wall, summer", kind: "open_call", region: "Porto, PT", deadline: date(20), compensation: { paid: true, amount: 1200, currency: "EUR" } }, "Large walls in lime paint.");
    const p = artist.page;
    await p.goto(`/connect/opportunities/${id}`);
    const mine = p.getByTestId("my-application");
    await mine.getByLabel("Withdraw my application").check();
    // Meanwhile the organiser selects this artist: the call is filled.
    const filled = await owner.api.patch(`/api/v1/opportunities/${id}`, { data: { status: "filled", filledBy: [artist.account.handle] } });
    expect(filled.status()).toBe(200);
    await mine.getByRole("button", { name: "Withdraw" }).click();
    await expect(mine).toContainText("This call has been filled: applications stay as they were.");
    await expect(mine).toContainText("Large walls in lime paint.");
    await expect(mine.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
    const listed = await (await owner.api.get(`/api/v1/opportunities/${id}/applications`)).json();
    expect(listed.items.map((a: { applicant: string }) => a.applicant)).toEqual([artist.account.handle]);
    expect([...owner.errors, ...artist.errors]).toEqual([]);
  } finally {
    await closeAll(owner, artist);
  }
});
