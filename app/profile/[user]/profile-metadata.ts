import type { Metadata } from "next";
import { env } from "@/lib/env";
import type { Profile } from "@/lib/services/professional_profile";

const kindWord = { creator: "artist", diffuser: "gallery, curator or venue" } as const;

/** Title, description, canonical address and link previews of a profile page; `null` for none. */
export function profileMetadata(profile: Profile | null | undefined): Metadata {
  if (!profile) return { title: "No one here by that name" };
  const { displayName, handle, kind, headline, visibility } = profile;
  const title = `${displayName} (@${handle})`;
  const description = headline || `${displayName} is an ${kindWord[kind]} on Kontact.`;
  return {
    metadataBase: new URL(env().APP_URL),
    title,
    description,
    alternates: { canonical: `/profile/${handle}` },
    robots: visibility === "public" ? undefined : { index: false, follow: false },
    openGraph: { type: "profile", title, description, username: handle, siteName: "Kontact", url: `/profile/${handle}` },
    twitter: { card: "summary_large_image", title, description },
  };
}
