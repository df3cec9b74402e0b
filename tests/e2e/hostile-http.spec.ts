import http from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { errorStatus } from "../../lib/errors";
import { asFields, fixedCases, generatedBodies, type Case, type Json, type Send } from "./support/hostile";
import { Pool, RateLimited, rows, type Row, type Target } from "./support/hostile-rows";
import { mutatingRoutes } from "./support/routes";

/**
 * Issue 8: hostile input over every mutating API route, sent by the person the route would allow.
 * Each route gets the fixed list from support/hostile.ts (malformed JSON, wrong shapes, wrong
 * content types, oversize bodies, prototype-pollution keys, SQL, HTML and unicode payloads in
 * every string field) and GENERATED_RUNS fast-check mutations of its valid body. Every answer is
 * a 2xx or a documented refusal with `{ error: { code, message } }`, never a 5xx; after each
 * refusal the route's resource reads back unchanged. Routes are found from app/api's route files,
 * so a new one fails here until support/hostile-rows.ts says how to reach it.
 * HOSTILE_SEED replays another sequence of generated bodies.
 */

const SEED = Number(process.env.HOSTILE_SEED ?? 8_2026);
const GENERATED_RUNS = 25;
/** Documented refusals for someone who may call the route (401 would mean the body was never read). */
const REFUSALS = new Set([400, 403, 404, 409, 410, 413, 415, 422]);
const codeOf = Object.fromEntries(Object.entries(errorStatus).map(([code, status]) => [status, code]));

type Answer = { status: number; text: string };

/** Sends a body with a content-length far above its size, on a raw socket (clients refuse to lie). */
async function declaredLength(baseURL: string, target: Target, method: string, send: Extract<Send, { kind: "declared" }>, headers: Record<string, string>): Promise<Answer> {
  const { cookies } = await target.client.storageState();
  const url = new URL(target.path, baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method,
      agent: false,
      headers: { ...headers, "content-type": send.contentType, "content-length": String(send.declared), cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
    });
    request.setTimeout(15_000, () => request.destroy(new Error("no answer within 15 s to a body shorter than its content-length")));
    request.on("error", reject);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") });
        request.destroy();
      });
    });
    request.write(send.data); // and never the rest
  });
}

async function deliver(baseURL: string, target: Target, method: string, send: Send): Promise<Answer> {
  const headers = (await target.headers?.()) ?? {};
  if (send.kind === "declared") return declaredLength(baseURL, target, method, send, headers);
  let options: Parameters<APIRequestContext["fetch"]>[1];
  if (send.kind === "raw") {
    options = { method, headers: { ...headers, "content-type": send.contentType }, data: typeof send.data === "string" ? Buffer.from(send.data, "utf8") : send.data };
  } else {
    const form = new FormData();
    if (send.file) form.append("file", new File([new Uint8Array(send.file)], "upload.png", { type: "image/png" }));
    for (const [key, value] of Object.entries(send.fields)) for (const item of [value].flat()) form.append(key, item);
    options = { method, headers, multipart: form };
  }
  const response = await target.client.fetch(target.path, { ...options, timeout: 30_000 });
  return { status: response.status(), text: await response.text() };
}

/** The checks one answer must pass (soft, so one run lists every bad answer); returns whether it was a success. */
function judge(answer: Answer, label: string, expected: number | undefined): boolean {
  const shown = `${label} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect.soft(answer.status, shown).toBeLessThan(500);
  if (expected !== undefined) expect.soft(answer.status, shown).toBe(expected);
  if (answer.status < 300) {
    expect.soft(answer.text, `${shown}: a polluted key came back`).not.toContain("polluted");
    return true;
  }
  expect.soft(REFUSALS.has(answer.status), `${shown}: not a documented refusal`).toBe(true);
  type Refusal = { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null;
  const body = ((): Refusal => {
    try {
      return JSON.parse(answer.text) as Refusal;
    } catch {
      return null; // not JSON: the checks below say so
    }
  })();
  expect.soft(body?.error?.code, shown).toBe(codeOf[answer.status]);
  expect.soft(typeof body?.error?.message, shown).toBe("string");
  if (answer.status === 422) expect.soft(typeof body?.error?.fields, shown).toBe("object");
  return false;
}

let pool: Pool | undefined;
test.afterAll(async () => {
  await pool?.dispose();
  pool = undefined;
});

/** A row's target, starting over with new people when a rate limit refuses the setup itself. */
async function setUp(row: Row, p: Pool): Promise<Target> {
  try {
    return await row.setup(p);
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error;
    p.retire();
    return row.setup(p);
  }
}

for (const route of mutatingRoutes()) {
  test(`${route}: hostile bodies get a documented answer and a refusal changes nothing`, async ({ baseURL }) => {
    test.setTimeout(120_000);
    const row = rows[route];
    expect(row, `add a row for ${route} to tests/e2e/support/hostile-rows.ts`).toBeDefined();
    pool ??= new Pool(baseURL!);
    const p = pool;
    const image = await p.image;
    const method = route.split(" ")[0]!;
    const casesFor = (t: Target): Case[] => {
      const cases = fixedCases(row!.input, t.body ?? null, image, row!.maxJsonBytes);
      if (row!.input === "none") return cases; // the route reads no body: nothing to mutate
      generatedBodies(t.body ?? {}, SEED, GENERATED_RUNS).forEach((text, i) => {
        const send: Send = row!.input === "json" ? { kind: "raw", contentType: "application/json", data: text } : { kind: "form", fields: asFields(JSON.parse(text) as Json), file: image };
        cases.push({ name: `generated body #${i} (HOSTILE_SEED=${SEED}): ${text.slice(0, 200)}`, send });
      });
      return cases;
    };
    let target = await setUp(row!, p);
    let cases = casesFor(target);
    let before = await target.snapshot();
    for (let i = 0; i < cases.length; i++) {
      let answer = await deliver(p.baseURL, target, method, cases[i]!.send);
      if (answer.status === 429) {
        // The people in the pool used up a per-person limit: new people, a new resource, the same case.
        p.retire();
        target = await setUp(row!, p);
        cases = casesFor(target);
        before = await target.snapshot();
        answer = await deliver(p.baseURL, target, method, cases[i]!.send);
      }
      const c = cases[i]!;
      const changed = judge(answer, `${route} with ${c.name}`, c.status);
      if (changed && row!.fresh) {
        target = await setUp(row!, p);
        cases = casesFor(target);
      }
      const after = await target.snapshot();
      expect.soft(JSON.stringify(after), `${route} with ${c.name}: a polluted key was stored`).not.toContain("polluted");
      if (!changed) expect.soft(after, `${route} with ${c.name} was refused (${answer.status}) but changed what it names`).toEqual(before);
      before = after;
    }
    console.log(`${route}: ${cases.length} bodies`);
    const health = await target.client.get("/api/health");
    expect(health.status(), "the server still answers after the sweep").toBe(200);
  });
}

test("every row of the hostile sweep names a route that exists", () => {
  const routes = new Set(mutatingRoutes());
  expect(Object.keys(rows).filter((r) => !routes.has(r)), "rows in tests/e2e/support/hostile-rows.ts for routes that are gone").toEqual([]);
});
