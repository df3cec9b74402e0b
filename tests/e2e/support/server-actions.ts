import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { createFromReadableStream, encodeReply } from "next/dist/compiled/react-server-dom-webpack/client.edge.js";

/**
 * Calling server actions over HTTP the way an attacker would: no page, no browser, only the
 * action id from the build and a body encoded by React's own Flight client (the browser sends
 * `0: [prevState, "$K1"]` plus the form's fields as `_1_<name>`; encodeReply builds exactly that).
 */

const ROOT = path.resolve(import.meta.dirname, "../../..");
const APP = path.join(ROOT, "app");

/** "app/profile/[user]/edit/actions.ts#saveArtwork": a server action by file and export. */
export type ActionName = `${string}#${string}`;

type Manifest = { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> };

/** Action ids from the last `next build`, and the pages (as "app/…/page") whose workers can run each. */
export function builtActions(): Map<ActionName, { id: string; pages: string[] }> {
  const file = path.join(ROOT, ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  return new Map(
    Object.entries(manifest.node).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}` as ActionName, { id, pages: Object.keys(entry.workers) }]),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every export of every file under app/ that starts with "use server", read from the source. */
export function declaredActions(): ActionName[] {
  return sourceFiles(APP).flatMap((file) => {
    const source = readFileSync(file, "utf8");
    if (!/^\s*["']use server["'];?/.test(source)) return [];
    const relative = path.relative(ROOT, file).split(path.sep).join("/");
    return [...source.matchAll(/^export\s+(?:async\s+)?(?:function|const)\s+(\w+)/gm)].map((m) => `${relative}#${m[1]}` as ActionName);
  });
}

/** "app/connect/(tabs)/opportunities/[id]/page" → "/connect/opportunities/[id]": the URL pattern a worker serves. */
export function pagePattern(worker: string): string {
  const segments = worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/");
  return "/" + segments.filter((s) => s && !/^\(.*\)$/.test(s)).join("/");
}

/** What an action did, as the caller sees it. */
export type Outcome =
  | { redirect: string } // Next's x-action-redirect header, without its ";push"/";replace" suffix
  | { returned: unknown } // the action's return value (a FormState, or undefined for void actions)
  | { threw: number }; // the action threw: Next answers with this status and an error digest, no details

type FlightRoot = { a: Promise<unknown> };

/**
 * When an action revalidates, the answer also carries the page's re-rendered tree, which names
 * client components. Only the action's return value is read here, so every client module resolves
 * to a stub with no chunks that is never loaded.
 */
const NO_CLIENT_MODULES = new Proxy({} as Record<string, never>, { get: () => ({ "*": { id: "unused", chunks: [], name: "*" } }) });

/** Form fields as the action's FormData; File values go in as files. */
export function formData(fields: Record<string, string | string[] | File>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  }
  return data;
}

/**
 * POSTs the action `id` to `page` with `args` (for `(prevState, formData)` actions that is
 * `[null, form]`). `origin` is sent as the Origin header: the site's own, since Next refuses
 * actions from any other (an attacker's page would send its own).
 */
export async function callAction(client: APIRequestContext, origin: string, page: string, id: string, args: unknown[]): Promise<Outcome> {
  const body = await encodeReply(args);
  const headers = { "Next-Action": id, Origin: origin, Accept: "text/x-component" };
  const response = await client.post(page, {
    headers: typeof body === "string" ? { ...headers, "Content-Type": "text/plain;charset=UTF-8" } : headers,
    ...(typeof body === "string" ? { data: body } : { multipart: body }),
    maxRedirects: 0,
  });
  const redirect = response.headers()["x-action-redirect"];
  if (redirect) return { redirect: redirect.replace(/;(push|replace)$/, "") };
  const bytes = await response.body();
  if (!(response.headers()["content-type"] ?? "").startsWith("text/x-component")) {
    throw new Error(`${page}: not a server action answer (${response.status()}): ${bytes.toString("utf8").slice(0, 300)}`);
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
  const root = await createFromReadableStream<FlightRoot>(stream, { serverConsumerManifest: { moduleMap: NO_CLIENT_MODULES, serverModuleMap: null, moduleLoading: null } });
  try {
    return { returned: await root.a };
  } catch {
    return { threw: response.status() };
  }
}
