import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProfileView } from "./_components/profile-view";
import { loadProfile } from "./load-profile";
import { profileMetadata } from "./profile-metadata";

// For signed-in visitors (relationship, owner tools); visitors without a session get the cached
// page in ~public (proxy.ts). The profile data itself comes from a tagged cache (load-profile.ts).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ user: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // og:image and its size come from opengraph-image.tsx next to this page.
  return profileMetadata((await loadProfile((await params).user))?.profile);
}

export default async function ProfilePage({ params }: Props) {
  const found = await loadProfile((await params).user);
  if (!found) notFound();
  return <ProfileView found={found} />;
}
