import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import sharp from "sharp";
import { MEDIA_ROOT } from "@/lib/config";
import type { Artwork } from "@/lib/services/professional_profile";
import { normaliseHandle, publicProfile } from "./load-profile";

export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "A Kontact profile: name, handle, headline and recent work";

const fontFile = (name: string) => readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), "app", "fonts", name));

/** The artwork's thumbnail from MEDIA_ROOT as a small JPEG data URL (satori draws PNG/JPEG only), or null. */
async function thumbnailDataUrl(artwork: Artwork, width: number, height: number): Promise<string | null> {
  const url = artwork.thumbnailUrl ?? artwork.mediaUrl;
  if (!url.startsWith("/api/media/")) return null;
  try {
    const relative = url.slice("/api/media/".length).split("/").map(decodeURIComponent).join(path.sep);
    const file = path.resolve(MEDIA_ROOT, relative);
    if (!file.startsWith(MEDIA_ROOT + path.sep)) return null;
    const jpeg = await sharp(await readFile(file)).resize(width * 2, height * 2, { fit: "cover" }).jpeg({ quality: 78 }).toBuffer();
    return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
  } catch {
    return null;
  }
}

const ink = "#1c1b19";
const muted = "#5c5852";
const accent = "#3a4bb8";

/** The preview a shared /profile link shows. Only public profiles have one (404 otherwise). */
export default async function Image({ params }: { params: Promise<{ user: string }> }) {
  const handle = normaliseHandle((await params).user);
  const profile = handle ? await publicProfile(handle) : null;
  if (!profile) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });

  const big = { w: 330, h: 470 };
  const small = { w: 200, h: 225 };
  const [regular, semibold, regularExt, semiboldExt, ...images] = await Promise.all([
    fontFile("inter-latin-400-normal.woff"),
    fontFile("inter-latin-600-normal.woff"),
    fontFile("inter-latin-ext-400-normal.woff"),
    fontFile("inter-latin-ext-600-normal.woff"),
    ...profile.artworks.slice(0, 3).map((a, i) => (i === 0 ? thumbnailDataUrl(a, big.w, big.h) : thumbnailDataUrl(a, small.w, small.h))),
  ]);
  const pictures = images.filter((src): src is string => typeof src === "string");
  const initials = profile.displayName.trim().charAt(0).toUpperCase() || profile.handle.charAt(0).toUpperCase();
  const kind = profile.kind === "creator" ? "Creator" : "Diffuser";

  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", background: "#faf9f7", padding: 72, fontFamily: "Inter", color: ink }}>
        <div style={{ display: "flex", flexDirection: "column", flex: 1, paddingRight: 48 }}>
          <div style={{ display: "flex", fontSize: 30, fontWeight: 600, letterSpacing: -0.5 }}>
            Kontact<span style={{ color: accent }}>.</span>
          </div>
          <div style={{ display: "flex", flexDirection: "column", marginTop: "auto" }}>
            <div style={{ display: "flex", fontSize: profile.displayName.length > 24 ? 54 : 68, fontWeight: 600, letterSpacing: -2, lineHeight: 1.05 }}>
              {profile.displayName}
            </div>
            <div style={{ display: "flex", alignItems: "center", marginTop: 18, fontSize: 28, color: muted }}>
              <span>@{profile.handle}</span>
              <span style={{ marginLeft: 18, padding: "4px 14px", border: "1.5px solid #e4e0da", borderRadius: 999, fontSize: 18, letterSpacing: 1.5 }}>
                {kind.toUpperCase()}
              </span>
            </div>
            {profile.headline ? (
              <div style={{ display: "flex", marginTop: 28, fontSize: 30, lineHeight: 1.3, color: ink, maxWidth: 620 }}>
                {profile.headline.length > 110 ? `${profile.headline.slice(0, 108)}…` : profile.headline}
              </div>
            ) : null}
            <div style={{ display: "flex", marginTop: 28, fontSize: 22, color: muted }}>
              {[profile.region, profile.openToCollaboration ? "Open to collaboration" : ""].filter(Boolean).join("  ·  ")}
            </div>
          </div>
        </div>
        {pictures.length ? (
          <div style={{ display: "flex", gap: 16 }}>
            <img src={pictures[0]} width={big.w} height={big.h} style={{ objectFit: "cover", borderRadius: 12 }} />
            {pictures.length > 1 ? (
              <div style={{ display: "flex", flexDirection: "column", gap: 20 }}>
                {pictures.slice(1).map((src, i) => (
                  <img key={i} src={src} width={small.w} height={small.h} style={{ objectFit: "cover", borderRadius: 12 }} />
                ))}
              </div>
            ) : null}
          </div>
        ) : (
          <div style={{ display: "flex", alignItems: "center", justifyContent: "center", width: 300, height: 300, marginTop: 90, borderRadius: 999, background: "#eceefa", color: accent, fontSize: 140, fontWeight: 600 }}>
            {initials}
          </div>
        )}
      </div>
    ),
    {
      ...size,
      fonts: [
        { name: "Inter", data: regular, weight: 400, style: "normal" },
        { name: "Inter", data: semibold, weight: 600, style: "normal" },
        { name: "Inter", data: regularExt, weight: 400, style: "normal" },
        { name: "Inter", data: semiboldExt, weight: 600, style: "normal" },
      ],
      headers: { "cache-control": "public, max-age=300, stale-while-revalidate=86400" },
    },
  );
}
