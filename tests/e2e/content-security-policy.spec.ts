import { expect, test, type Page } from "@playwright/test";
import { inlineScriptHashes } from "@/lib/http/inline-scripts";
import { signedInClient } from "./support/api";

/**
 * Every page's Content-Security-Policy lets only the page's own scripts run: by this response's
 * nonce, or (the cached anonymous profile) by the hashes of exactly its inline scripts. Pages
 * still hydrate without a single violation, and an injected inline handler does not run.
 */

function scriptSources(policy: string | undefined): string[] {
  const part = (policy ?? "").split(";").map((p) => p.trim()).find((p) => p.startsWith("script-src "));
  return part ? part.split(/\s+/).slice(1) : [];
}

/** Inline scripts (no src) and the nonce attribute each carries. */
function inlineScripts(html: string): { nonce: string | null }[] {
  return [...html.matchAll(/<script\b([^>]*)>/gi)]
    .filter(([, attributes]) => !/\ssrc\s*=/i.test(attributes ?? ""))
    .map(([, attributes]) => ({ nonce: attributes?.match(/nonce="([^"]+)"/)?.[1] ?? null }));
}

/**
 * Opens the page and collects, until the caller reads them, every policy violation it reports and,
 * to explain a page that does not hydrate, its script errors and failed requests.
 */
async function openWatching(page: Page, path: string): Promise<{ violations: string[]; problems: string[] }> {
  const violations: string[] = [];
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ""}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  return { violations, problems };
}

/** Hydrated: React has attached itself to the page's main landmark. */
async function hydrated(page: Page): Promise<boolean> {
  return page.evaluate(() => Object.keys(document.querySelector("main") ?? {}).some((key) => key.startsWith("__reactFiber")));
}

/** The classic stored-XSS shape: markup with an inline event handler. */
async function injectedHandlerRan(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const w = window as unknown as { injected?: boolean };
    document.body.insertAdjacentHTML("beforeend", '<img alt="" src="/no-such-image.png" onerror="window.injected = true">');
    await new Promise((resolve) => setTimeout(resolve, 300));
    return w.injected === true;
  });
}

test("pages allow scripts by nonce or hash only, hydrate without violations and block injected handlers", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const { api, account } = await signedInClient(baseURL!, { displayName: "Policy Person" });
  const signedIn = await browser.newContext({ storageState: await api.storageState() });
  const anonymous = await browser.newContext();
  const pages = [
    { who: "anonymous", context: anonymous, path: `/profile/${account.handle}`, cached: true },
    { who: "anonymous", context: anonymous, path: "/connect/people", cached: false },
    { who: "anonymous", context: anonymous, path: "/connect/signin", cached: false },
    { who: "signed in", context: signedIn, path: `/profile/${account.handle}`, cached: false },
    { who: "signed in", context: signedIn, path: `/profile/${account.handle}/edit`, cached: false },
    { who: "signed in", context: signedIn, path: "/connect/workspace", cached: false },
    { who: "signed in", context: signedIn, path: "/connect/opportunities", cached: false },
  ];
  const nonces = new Set<string>();
  for (const { who, context, path, cached } of pages) {
    const label = `${path} (${who})`;
    const response = await context.request.get(path);
    expect(response.status(), label).toBe(200);
    const sources = scriptSources(response.headers()["content-security-policy"]);
    expect(sources.join(" "), label).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    const html = await response.text();
    const scripts = inlineScripts(html);
    expect(scripts.length, label).toBeGreaterThan(0);
    if (cached) {
      expect(sources.some((s) => s.startsWith("'nonce-")), label).toBe(false);
      for (const hash of inlineScriptHashes(html)) expect(sources, label).toContain(hash);
    } else {
      const nonce = sources.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
      expect(nonce, label).toBeTruthy();
      nonces.add(nonce!);
      for (const script of scripts) expect(script.nonce, label).toBe(nonce);
    }

    const page = await context.newPage();
    const { violations, problems } = await openWatching(page, path);
    // Scripts have arrived at network idle; on a busy machine React may still be hydrating.
    await expect
      .poll(() => hydrated(page), { message: `${label} hydrates (${problems.join("; ") || "no script errors or failed requests"})`, timeout: 15_000 })
      .toBe(true);
    expect(violations, label).toEqual([]);
    expect(await injectedHandlerRan(page), label).toBe(false);
    await page.close();
  }
  expect(nonces.size, "a fresh nonce per response").toBe(pages.filter((p) => !p.cached).length);
  await Promise.all([signedIn.close(), anonymous.close(), api.dispose()]);
});

test("the cached anonymous profile follows changes: a new headline is served with its own script hashes", async ({ request, baseURL }) => {
  const { api, account } = await signedInClient(baseURL!, { displayName: "Cached Person" });
  const before = await request.get(`/profile/${account.handle}`);
  expect(await before.text()).not.toContain("Printmaker of tides");
  expect((await api.patch("/api/v1/profiles/me", { data: { headline: "Printmaker of tides" } })).status()).toBe(200);
  const after = await request.get(`/profile/${account.handle}`);
  const html = await after.text();
  expect(html).toContain("Printmaker of tides");
  const sources = scriptSources(after.headers()["content-security-policy"]);
  for (const hash of inlineScriptHashes(html)) expect(sources).toContain(hash);
  await api.dispose();
});
