import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProfileView } from "../../[user]/_components/profile-view";
import { normaliseHandle, publicProfile } from "../../[user]/load-profile";
import { profileMetadata } from "../../[user]/profile-metadata";

/**
 * /profile/[user] as a visitor without a session sees it, from fresh data. Nothing links here:
 * app/profile/~cached renders it once per change and serves the HTML from Next's page cache to
 * every visitor without a session (next.config.ts rewrites them there).
 */

type Props = { params: Promise<{ user: string }> };

async function load(raw: string) {
  const handle = normaliseHandle(raw);
  return handle ? publicProfile(handle) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await load((await params).user);
  const metadata = profileMetadata(profile);
  if (!profile) return metadata;
  // This segment has no opengraph-image file of its own: point at the one of /profile/[user].
  const image = { url: `/profile/${profile.handle}/opengraph-image`, width: 1200, height: 630, type: "image/png" };
  return { ...metadata, openGraph: { ...metadata.openGraph, images: [image] }, twitter: { ...metadata.twitter, images: [image.url] } };
}

export default async function PublicProfilePage({ params }: Props) {
  const profile = await load((await params).user);
  if (!profile) notFound();
  return <ProfileView found={{ profile, isOwner: false, viewer: null, relationship: null }} />;
}
