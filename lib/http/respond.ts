import { NextResponse } from "next/server";
import { AppError, isAppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { MAX_JSON_BYTES } from "./limits";
import { assertWriteAllowed, writerOf } from "./write-limit";

export function errorResponse(code: ErrorCode, message: string, extra: { fields?: FieldErrors; retryAfter?: number } = {}) {
  return toErrorResponse(new AppError(code, message, extra));
}

/** The one mapping from errors to HTTP answers; anything unknown is logged and hidden. */
export function toErrorResponse(error: unknown): NextResponse {
  if (isAppError(error)) {
    const body = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
    const headers: Record<string, string> = {};
    if (error.retryAfter !== undefined) headers["retry-after"] = String(Math.max(1, Math.ceil(error.retryAfter)));
    return NextResponse.json(body, { status: error.status, headers });
  }
  console.error("unhandled error in route", error);
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side." } }, { status: 500 });
}

export { MAX_JSON_BYTES };

/** Reads a JSON body: 415 for another content type, 413 when too large, 400 when unparseable. */
export async function readJson(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes.`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write sent by a browser from another site: its Origin names another host than the one it
 * was sent to. (Browsers send Origin on every cross-origin write; scripts and servers without
 * one are outside this check and are held to the session cookie and the service tokens.)
 */
export function isCrossOriginWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (sandboxed frames, some redirects) or garbage
  }
}

/**
 * Wraps a route handler: cross-site writes are refused, every write counts against the caller's
 * IP and signed-in user (429 with retry-after beyond WRITE_IP_LIMIT or WRITE_USER_LIMIT, before
 * the handler runs), and every thrown AppError becomes its documented answer.
 */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      if (!SAFE_METHODS.has(request.method)) {
        if (isCrossOriginWrite(request)) throw new AppError("forbidden", "Writes from another site are refused.");
        await assertWriteAllowed(await writerOf(request.headers));
      }
      return await handler(request, context);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
