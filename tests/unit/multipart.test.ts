import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readBodyLimited, readMultipart } from "@/lib/http/multipart";

/** A request whose body arrives in chunks, with no content-length (or a false one). */
function streamingRequest(chunks: number, chunkSize: number, headers: Record<string, string> = {}) {
  let sent = 0;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      if (sent >= chunks) return controller.close();
      sent++;
      controller.enqueue(new Uint8Array(chunkSize));
    },
  });
  const request = new Request("http://test.local/upload", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readBodyLimited", () => {
  it("refuses a declared content-length over the limit without reading the body", async () => {
    const { request, pulled } = streamingRequest(100, 1024, { "content-length": String(100 * 1024) });
    expect((await refusal(readBodyLimited(request, 10 * 1024))).code).toBe("payload_too_large");
    expect(pulled()).toBeLessThanOrEqual(1); // a stream may pre-pull one chunk on creation
  });

  it("stops reading a chunked body as soon as it passes the limit", async () => {
    const { request, pulled } = streamingRequest(1000, 1024);
    expect((await refusal(readBodyLimited(request, 10 * 1024))).status).toBe(413);
    expect(pulled()).toBeLessThan(15);
  });

  it("returns a body within the limit, whole", async () => {
    const { request } = streamingRequest(10, 1024);
    expect((await readBodyLimited(request, 10 * 1024)).byteLength).toBe(10 * 1024);
  });
});

describe("readMultipart", () => {
  const form = () => {
    const data = new FormData();
    data.append("title", "Dusk");
    data.append("tags", "ink");
    data.append("tags", "paper");
    data.append("file", new File([new Uint8Array([1, 2, 3])], "../../x.png", { type: "image/png" }));
    return data;
  };

  it("collects fields (repeated ones as lists) and files", async () => {
    const parsed = await readMultipart(new Request("http://test.local/", { method: "POST", body: form() }), 1024 * 1024);
    expect(parsed.fields).toEqual({ title: "Dusk", tags: ["ink", "paper"] });
    expect(Array.from(parsed.files.file!.bytes)).toEqual([1, 2, 3]);
  });

  it("keeps fields named __proto__ and constructor as plain fields", async () => {
    const data = new FormData();
    for (const name of ["__proto__", "constructor", "__proto__"]) data.append(name, "x");
    data.append("hasOwnProperty", "y");
    const parsed = await readMultipart(new Request("http://test.local/", { method: "POST", body: data }), 1024 * 1024);
    expect(Object.getPrototypeOf(parsed.fields)).toBeNull();
    expect(Object.entries(parsed.fields)).toEqual([
      ["__proto__", ["x", "x"]],
      ["constructor", "x"],
      ["hasOwnProperty", "y"],
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("answers 415 for another content type, 413 when too large, 400 for a broken body", async () => {
    const json = new Request("http://test.local/", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect((await refusal(readMultipart(json, 1024))).code).toBe("unsupported_media_type");
    expect((await refusal(readMultipart(new Request("http://test.local/", { method: "POST", body: form() }), 100))).code).toBe("payload_too_large");
    const broken = new Request("http://test.local/", { method: "POST", body: "garbage", headers: { "content-type": "multipart/form-data; boundary=xyz" } });
    expect((await refusal(readMultipart(broken, 1024))).code).toBe("bad_request");
  });
});
