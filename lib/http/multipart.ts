import { AppError } from "@/lib/errors";

/** Room for the multipart framing and the text fields around a file of the largest accepted size. */
export const MULTIPART_OVERHEAD_BYTES = 512 * 1024;

const tooLarge = (maxBytes: number) => new AppError("payload_too_large", `The request is larger than ${maxBytes} bytes.`);

/**
 * Reads a request body, refusing it with 413 as soon as it is known to exceed `maxBytes`: from a
 * declared content-length before reading anything, and while reading (a body may be chunked, or
 * lie about its length). At most `maxBytes` are ever held in memory.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export type MultipartFile = { bytes: Uint8Array; name: string };
export type Multipart = {
  /** Text fields: a single value, or a list when the field was repeated (as `tags` is). */
  fields: Record<string, string | string[]>;
  files: Record<string, MultipartFile>;
};

/**
 * Parses a multipart/form-data request of at most `maxBytes`: 415 for another content type, 413 when
 * too large, 400 when the body is not valid multipart. The client's file name and content type are
 * passed along for display only; callers detect types from the bytes.
 */
export async function readMultipart(request: Request, maxBytes: number): Promise<Multipart> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the upload as multipart/form-data.");
  }
  const body = await readBodyLimited(request, maxBytes);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("bad_request", "The body is not valid multipart/form-data.");
  }
  // Without a prototype: a field named __proto__ or constructor is just a field.
  const result: Multipart = { fields: Object.create(null) as Multipart["fields"], files: Object.create(null) as Multipart["files"] };
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") {
      const existing = result.fields[key];
      result.fields[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    } else if (!(key in result.files)) {
      result.files[key] = { bytes: new Uint8Array(await value.arrayBuffer()), name: value.name };
    }
  }
  return result;
}
