import type { Artwork } from "@/lib/services/professional_profile";

type Tone = "light" | "dark";

function Mark({ allowed, tone }: { allowed: boolean; tone: Tone }) {
  const color = allowed ? (tone === "dark" ? "text-emerald-300" : "text-emerald-700") : tone === "dark" ? "text-white/60" : "text-muted";
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className={`size-4 shrink-0 fill-none stroke-current stroke-2 ${color}`}>
      {allowed ? <path d="M3.5 8.5l3 3 6-7" strokeLinecap="round" strokeLinejoin="round" /> : <path d="M4 4l8 8M12 4l-8 8" strokeLinecap="round" />}
    </svg>
  );
}

/** The artist's choices for one artwork, in words: downloads, and consent to AI training (off unless given). */
export function RightsList({ artwork, tone = "light" }: { artwork: Pick<Artwork, "downloadable" | "aiTrainingConsent">; tone?: Tone }) {
  const text = tone === "dark" ? "text-white/85" : "text-ink";
  return (
    <ul aria-label="Rights" className={`mt-5 space-y-2 text-sm ${text}`}>
      <li className="flex items-center gap-2">
        <Mark allowed={artwork.downloadable} tone={tone} />
        {artwork.downloadable ? "Download allowed" : "No downloads"}
      </li>
      <li className="flex items-center gap-2">
        <Mark allowed={artwork.aiTrainingConsent} tone={tone} />
        {artwork.aiTrainingConsent ? "AI training: allowed by the artist" : "AI training: not allowed"}
      </li>
    </ul>
  );
}
