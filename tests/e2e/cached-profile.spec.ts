import { expect, test } from "@playwright/test";
import { signedInClient } from "./support/api";

/**
 * The anonymous profile page is rendered once per change and kept (app/profile/~cached). A change
 * that lands while a render is under way must not leave that render's old page in the cache: the
 * page after the change shows the change, every time.
 */

const ROUNDS = 12;
const IN_FLIGHT = 4;

test("a change made while the cached page is being rendered is never lost behind the old page", async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const { api, account } = await signedInClient(baseURL!, { displayName: "Racing Person" });
  const page = `/profile/${account.handle}`;
  const headline = (round: number) => `Round ${round} of tidal prints`;
  const draft = (round: number) => `Draft ${round} of tidal prints`;
  for (let round = 1; round <= ROUNDS; round += 1) {
    // Expire the page, start renders of it, and change the profile while they run.
    expect((await api.patch("/api/v1/profiles/me", { data: { headline: draft(round) } })).status()).toBe(200);
    const renders = Array.from({ length: IN_FLIGHT }, () => request.get(page));
    await new Promise((resolve) => setTimeout(resolve, (round % 4) * 15));
    expect((await api.patch("/api/v1/profiles/me", { data: { headline: headline(round) } })).status()).toBe(200);
    for (const response of await Promise.all(renders)) expect(response.status()).toBe(200);

    const response = await request.get(page);
    // Shared with every visitor without a session, so a cache in front must key it on the cookie.
    expect(response.headers()["vary"] ?? "", `round ${round}`).toMatch(/\bcookie\b/i);
    const after = await response.text();
    // The headline as the page shows it (also its description), not the whole page on failure.
    expect(after.match(/<meta name="description" content="([^"]*)"/)?.[1], `round ${round}`).toBe(headline(round));
    expect(after.includes(draft(round)), `round ${round}: the draft is gone`).toBe(false);
  }
  // Hidden while a render is under way: no page for anyone else afterwards.
  const renders = Array.from({ length: IN_FLIGHT }, () => request.get(page));
  expect((await api.patch("/api/v1/profiles/me", { data: { visibility: "hidden" } })).status()).toBe(200);
  await Promise.all(renders);
  expect((await request.get(page)).status()).toBe(404);
  await api.dispose();
});
