import { once } from "node:events";
import { crc32, createDeflate } from "node:zlib";
import fc from "fast-check";
import sharp from "sharp";

/**
 * Files no upload path may accept, for the upload fuzz test: foreign content under image names,
 * polyglots, truncated and corrupted images, decompression bombs and oversize bodies, each with a
 * hostile file name. Small valid images are made once (`makeSamples`) and then cut or damaged by
 * fast-check, so runs are deterministic for a seed and cheap; bombs and oversize bodies are built
 * once and picked, never rebuilt per run.
 */

export type MalformedFile = { kind: string; bytes: Uint8Array; name: string };
export type Samples = {
  png: Buffer;
  jpeg: Buffer;
  webp: Buffer;
  gif: Buffer;
  pdf: Buffer;
  bombs: { kind: string; bytes: Uint8Array }[];
  oversize: { kind: string; bytes: Uint8Array }[];
};
/** What the path accepts: images (artworks, avatars) or attachments (PDF, PNG, JPEG). */
export type Target = "image" | "attachment";

const MB = 1024 * 1024;
const ascii = (text: string) => Buffer.from(text, "latin1");
const u32 = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([ascii(type), data]);
  return Buffer.concat([u32(data.length), body, u32(crc32(body))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A well-formed 1-bit grey PNG of `width`×`height` whose pixels are all zero: tiny on disk, huge decoded. */
async function zeroPng(width: number, height: number): Promise<Buffer> {
  const rowBytes = Math.ceil(width / 8) + 1; // filter byte + one bit per pixel
  const rowsPerPiece = Math.max(1, Math.floor((4 * MB) / rowBytes));
  const piece = Buffer.alloc(rowBytes * rowsPerPiece);
  const deflate = createDeflate({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => compressed.push(chunk));
  const finished = new Promise((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  for (let done = 0; done < height; done += rowsPerPiece) {
    if (!deflate.write(piece.subarray(0, rowBytes * Math.min(rowsPerPiece, height - done)))) await once(deflate, "drain");
  }
  deflate.end();
  await finished;
  const ihdr = Buffer.concat([u32(width), u32(height), Buffer.from([1, 0, 0, 0, 0])]);
  const idat = Buffer.concat(compressed);
  return Buffer.concat([PNG_SIGNATURE, pngChunk("IHDR", ihdr), pngChunk("IDAT", idat), pngChunk("IEND", Buffer.alloc(0))]);
}

/** Offset of the first JPEG marker `code` (0xFF code), or -1. */
function jpegMarker(bytes: Uint8Array, code: number): number {
  for (let i = 2; i + 1 < bytes.length; i++) if (bytes[i] === 0xff && bytes[i + 1] === code) return i;
  return -1;
}

/** A copy of `bytes` with the bytes at `at` replaced. */
function patched(bytes: Uint8Array, at: number, values: number[]): Buffer {
  const copy = Buffer.from(bytes);
  values.forEach((v, i) => (copy[at + i] = v));
  return copy;
}

/** JPEG claiming 65000×65000 pixels in its frame header. */
const hugeJpeg = (jpeg: Buffer) => patched(jpeg, jpegMarker(jpeg, 0xc0) + 5, [0xfd, 0xe8, 0xfd, 0xe8]);

/** GIF whose logical screen is 65535×65535 around its small real frame. */
const hugeScreenGif = (gif: Buffer) => patched(gif, 6, [0xff, 0xff, 0xff, 0xff]);

/** WebP whose extended header claims a 16384×16384 canvas. */
function hugeWebp(webp: Buffer): Buffer {
  const vp8x = Buffer.concat([ascii("VP8X"), Buffer.from([10, 0, 0, 0, 0, 0, 0, 0]), Buffer.from([0xff, 0x3f, 0, 0xff, 0x3f, 0])]);
  const rest = webp.subarray(12);
  const riffSize = Buffer.alloc(4);
  riffSize.writeUInt32LE(4 + vp8x.length + rest.length);
  return Buffer.concat([ascii("RIFF"), riffSize, ascii("WEBP"), vp8x, rest]);
}

/** Small noisy images (noise so the pixel data is most of the file), then bombs and oversize bodies. */
export async function makeSamples(): Promise<Samples> {
  const noise = () => sharp({ create: { width: 96, height: 64, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 40 } } });
  const [png, jpeg, webp, gif] = await Promise.all([
    noise().png().toBuffer(),
    noise().jpeg({ quality: 90 }).toBuffer(),
    noise().webp({ quality: 80 }).toBuffer(),
    noise().gif().toBuffer(),
  ]);
  const bombs = [
    { kind: "bomb: PNG 20000x20000 of deflated zeros", bytes: await zeroPng(20_000, 20_000) },
    { kind: "bomb: PNG 50000000x1 of deflated zeros", bytes: await zeroPng(50_000_000, 1) },
    { kind: "bomb: JPEG header claiming 65000x65000", bytes: hugeJpeg(jpeg) },
    { kind: "bomb: GIF with a 65535x65535 logical screen", bytes: hugeScreenGif(gif) },
    { kind: "bomb: WebP canvas of 16384x16384", bytes: hugeWebp(webp) },
  ];
  const oversize = [
    { kind: "oversize: PNG signature then zeros, 10 MB + 1", bytes: Buffer.concat([PNG_SIGNATURE, Buffer.alloc(10 * MB + 1 - PNG_SIGNATURE.length)]) },
    { kind: "oversize: a valid JPEG padded to 10 MB + 1", bytes: Buffer.concat([jpeg, Buffer.alloc(10 * MB + 1 - jpeg.length)]) },
    { kind: "oversize: a PDF of 10.4 MB", bytes: Buffer.concat([ascii("%PDF-1.7\n"), Buffer.alloc(Math.round(10.4 * MB)), ascii("\n%%EOF\n")]) },
    { kind: "oversize: 12 MB of text, past the multipart limit", bytes: Buffer.alloc(12 * MB, 0x41) },
  ];
  const pdf = Buffer.concat([ascii("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), Buffer.alloc(3000, 0x20), ascii("\ntrailer\n<<>>\n%%EOF\n")]);
  return { png, jpeg, webp, gif, pdf, bombs, oversize };
}

/** Content in formats nobody accepts, or only pretending to be an image by its first bytes. */
function foreignContent(samples: Samples, target: Target): fc.Arbitrary<{ kind: string; bytes: Uint8Array }> {
  const fixed: [string, Uint8Array][] = [
    ["shell script", ascii("#!/bin/sh\nrm -rf / --no-preserve-root\n")],
    ["HTML", ascii("<!doctype html><html><body><script>fetch('/api/v1/me').then(r=>r.text()).then(alert)</script></body></html>")],
    ["SVG with script", ascii('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>')],
    ["ZIP", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]), Buffer.alloc(40, 7), ascii("evil.jsp")])],
    ["ELF", Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 0)])],
    ["BMP", Buffer.concat([ascii("BM"), Buffer.alloc(60, 1)])],
    ["TIFF", Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00]), Buffer.alloc(60, 0)])],
    ["polyglot: PNG signature then HTML", Buffer.concat([PNG_SIGNATURE, ascii("<html><script>alert(1)</script></html>")])],
    ["polyglot: GIF header opening a JS comment", ascii("GIF89a/*\x00\x00\x00\x00\x00*/=alert(document.domain);//;")],
    ["polyglot: JPEG SOI then script", Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), ascii("<script>alert(1)</script>")])],
    ["polyglot: RIFF/WEBP header around a ZIP", Buffer.concat([ascii("RIFF"), u32(0x40000000), ascii("WEBPVP8 "), Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(30, 9)])],
    ["polyglot: PDF header then HTML, no trailer", ascii("%PDF-1.4\n<html><script>alert(1)</script></html>\n")],
    ["polyglot: PNG signature then ZIP", Buffer.concat([PNG_SIGNATURE, Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(30, 9)])],
  ];
  // Valid files of a type this path does not take.
  if (target === "image") fixed.push(["PDF", ascii("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")]);
  else fixed.push(["WebP", samples.webp], ["GIF", samples.gif]);
  const random = fc
    .uint8Array({ minLength: 1, maxLength: 2048 })
    .filter((b) => !startsLikeAcceptedType(b))
    .map((bytes) => ({ kind: "random bytes", bytes }));
  return fc.oneof(fc.constantFrom(...fixed.map(([kind, bytes]) => ({ kind, bytes }))), random);
}

const startsLikeAcceptedType = (b: Uint8Array) =>
  (b[0] === 0x89 && b[1] === 0x50) || (b[0] === 0xff && b[1] === 0xd8) || (b[0] === 0x47 && b[1] === 0x49) || (b[0] === 0x52 && b[1] === 0x49) || (b[0] === 0x25 && b[1] === 0x50);

/** Where each format's pixel data lies: cutting inside it leaves a valid header and a broken body. */
function bodyRange(format: "png" | "jpeg" | "webp" | "gif" | "pdf", bytes: Buffer): [number, number] {
  switch (format) {
    case "pdf":
      return [8, bytes.lastIndexOf("%%EOF") + 4]; // anywhere before the end marker is complete
    case "png":
      return [33, bytes.length - 13]; // after IHDR, before the last byte of IDAT
    case "jpeg":
      return [jpegMarker(bytes, 0xda) + 2, bytes.length - 3]; // inside the scan, before EOI
    case "webp":
      return [30, bytes.length - 1];
    case "gif":
      return [bytes.indexOf(0x2c, 13 + 3 * 256) + 10, bytes.length - 3]; // inside the image data
  }
}

function truncatedImage(samples: Samples, target: Target): fc.Arbitrary<{ kind: string; bytes: Uint8Array }> {
  const formats = target === "image" ? (["png", "jpeg", "webp", "gif"] as const) : (["png", "jpeg", "pdf"] as const);
  return fc.constantFrom(...formats).chain((format) => {
    const [from, to] = bodyRange(format, samples[format]);
    return fc.integer({ min: from, max: to }).map((cut) => ({ kind: `truncated ${format} at ${cut}`, bytes: samples[format].subarray(0, cut) }));
  });
}

/** Damage that breaks a structure the decoder must check (a CRC, a marker, a code size), never silent pixel noise. */
function corruptImage(samples: Samples, target: Target): fc.Arbitrary<{ kind: string; bytes: Uint8Array }> {
  const { png, jpeg, gif, webp } = samples;
  const idatEnd = png.length - 12;
  const pngFlip = fc
    .tuple(fc.integer({ min: 8, max: idatEnd - 1 }), fc.integer({ min: 1, max: 255 }))
    .map(([at, x]) => ({ kind: `png byte ${at} xor ${x}`, bytes: patched(png, at, [png[at]! ^ x]) }));
  const sof = jpegMarker(jpeg, 0xc0);
  const dqt = jpegMarker(jpeg, 0xdb);
  const dht = jpegMarker(jpeg, 0xc4);
  const sos = jpegMarker(jpeg, 0xda);
  const jpegBreaks: [string, Buffer][] = [
    ["jpeg frame of height 0 and width 0", patched(jpeg, sof + 5, [0, 0, 0, 0])],
    ["jpeg frame with 0 components", patched(jpeg, sof + 9, [0])],
    ["jpeg frame of 12-bit precision with 8-bit tables", patched(jpeg, sof + 4, [3])],
    ["jpeg quantisation table index 9", patched(jpeg, dqt + 4, [0x09])],
    ["jpeg huffman table class 7", patched(jpeg, dht + 4, [0x70])],
    ["jpeg scan naming component 200", patched(jpeg, sos + 5, [200])],
    ["jpeg without its frame header", patched(jpeg, sof, [0xff, 0xfe])],
  ];
  const descriptor = gif.indexOf(0x2c, 13 + 3 * 256);
  const gifBreaks: [string, Buffer][] = [
    ["gif LZW code size 13", patched(gif, descriptor + 10, [13])],
    ["gif LZW code size 12", patched(gif, descriptor + 10, [12])],
    ["gif without an image descriptor", patched(gif, descriptor, [0x3b])],
  ];
  const vp8 = webp.indexOf(ascii("VP8 "));
  const webpBreaks: [string, Buffer][] = [
    ["webp VP8 start code broken", patched(webp, vp8 + 11, [0, 0, 0])],
    ["webp VP8 chunk size past the end", patched(webp, vp8 + 4, [0xff, 0xff, 0xff, 0x0f])],
    ["webp RIFF size of 4", patched(webp, 4, [4, 0, 0, 0])],
  ];
  const fixed = target === "image" ? [...jpegBreaks, ...gifBreaks, ...webpBreaks] : jpegBreaks;
  return fc.oneof(pngFlip, fc.constantFrom(...fixed.map(([kind, bytes]) => ({ kind, bytes }))));
}

/** File names an attacker would try: traversal, absolute paths, NUL, control and bidi characters, huge names. */
export const hostileName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "../../etc/passwd",
    "../../../../../../tmp/pwned.png",
    "/etc/passwd",
    "/app/media/avatars/owned.png",
    "C:\\Windows\\System32\\evil.png",
    "..\\..\\boot.ini",
    "photo.png\u0000.html",
    "\u0000",
    "evil\u202Egnp.exe",
    "\u202Etxt.exe",
    "%2e%2e%2fetc%2fpasswd.png",
    ".htaccess",
    "..",
    ".",
    "CON.png",
    "name\r\nContent-Type: text/html\r\n\r\n<script>.png",
    'quote".png',
    "a".repeat(5000) + ".png",
    "👩🏽‍🎨".repeat(400) + ".jpg",
    "",
  ),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.tuple(fc.constantFrom("../", "..\\", "/", "\u202E", "\u0000"), fc.string({ maxLength: 40 }), fc.constantFrom(".png", ".jpg", ".pdf", ".svg")).map((p) => p.join("")),
);

/** One malformed file for a path that accepts `target`, with a hostile name. */
export function malformedFile(samples: Samples, target: Target): fc.Arbitrary<MalformedFile> {
  const bombs = samples.bombs.filter((b) => target === "image" || !/GIF|WebP/.test(b.kind));
  const content = fc.oneof(
    { weight: 8, arbitrary: foreignContent(samples, target) },
    { weight: 8, arbitrary: truncatedImage(samples, target) },
    { weight: 8, arbitrary: corruptImage(samples, target) },
    { weight: 2, arbitrary: fc.constantFrom(...bombs) },
    { weight: 1, arbitrary: fc.constantFrom(...samples.oversize) }, // costly: 10 MB through the multipart parser
  );
  return fc.tuple(content, hostileName).map(([c, name]) => ({
    ...c,
    name,
    // How fast-check prints a failing file: its kind and size, not megabytes of bytes.
    [fc.toStringMethod]: () => `${c.kind} (${c.bytes.byteLength} bytes) named ${JSON.stringify(name.slice(0, 120))}`,
  }));
}
