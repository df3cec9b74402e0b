import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { EXTENSION_BY_TYPE, isImageType, sniffImageType, sniffType } from "@/lib/media/sniff";

const solid = () => sharp({ create: { width: 4, height: 3, channels: 3, background: "#a33" } });
const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (s: string) => new TextEncoder().encode(s);

describe("sniffType", () => {
  it("recognises real PNG, JPEG, WebP and GIF files made by an encoder", async () => {
    expect(sniffType(await solid().png().toBuffer())).toBe("image/png");
    expect(sniffType(await solid().jpeg().toBuffer())).toBe("image/jpeg");
    expect(sniffType(await solid().webp().toBuffer())).toBe("image/webp");
    expect(sniffType(await solid().gif().toBuffer())).toBe("image/gif");
  });

  it("recognises both GIF versions and a PDF header", () => {
    expect(sniffType(text("GIF87a\x01\x00"))).toBe("image/gif");
    expect(sniffType(text("GIF89a\x01\x00"))).toBe("image/gif");
    expect(sniffType(text("%PDF-1.7\n%âãÏÓ\n"))).toBe("application/pdf");
  });

  it("refuses scripts, markup and other formats, whatever they would be named", () => {
    expect(sniffType(text("#!/bin/sh\nrm -rf /\n"))).toBeNull();
    expect(sniffType(text("<?php system($_GET['c']); ?>"))).toBeNull();
    expect(sniffType(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffType(text("<html><body>hi</body></html>"))).toBeNull();
    expect(sniffType(bytes(0x42, 0x4d, 0x36, 0x00))).toBeNull(); // BMP
    expect(sniffType(bytes(0x49, 0x49, 0x2a, 0x00))).toBeNull(); // TIFF
    expect(sniffType(text("RIFF\x24\x00\x00\x00WAVEfmt "))).toBeNull(); // RIFF, but audio
  });

  it("requires the whole signature at the very start", () => {
    expect(sniffType(new Uint8Array(0))).toBeNull();
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBeNull(); // one byte short
    expect(sniffType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffType(text("RIFF\x00\x00\x00\x00WEB"))).toBeNull();
    expect(sniffType(text("GIF90a"))).toBeNull();
    expect(sniffType(text(" %PDF-1.4"))).toBeNull();
    expect(sniffType(Uint8Array.from([0x00, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
  });

  it("only calls images images", async () => {
    expect(sniffImageType(await solid().png().toBuffer())).toBe("image/png");
    expect(sniffImageType(text("%PDF-1.7"))).toBeNull();
    expect(isImageType("application/pdf")).toBe(false);
    expect(isImageType(null)).toBe(false);
    expect(EXTENSION_BY_TYPE["image/jpeg"]).toBe("jpg");
  });
});
