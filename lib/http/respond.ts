import { NextResponse } from "next/server";
import { AppError, isAppError, type ErrorCode, type FieldErrors } from "@/lib/errors";

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

export const MAX_JSON_BYTES = 64 * 1024;

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

/** Wraps a route handler so every thrown AppError becomes its documented answer. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
