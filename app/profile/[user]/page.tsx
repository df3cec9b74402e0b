import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { primaryButton, secondaryButton } from "@/app/_components/styles";
import { env } from "@/lib/env";
import { PortfolioGrid } from "./_components/portfolio-grid";
import { ProfileAbout } from "./_components/profile-about";
import { ProfileHeader } from "./_components/profile-header";
import { RelationshipActions } from "./_components/relationship-actions";
import { loadProfile } from "./load-profile";

// The header reads the session; the profile data itself comes from a tagged cache (load-profile.ts).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ user: string }> };

const kindWord = { creator: "artist", diffuser: "gallery, curator or venue" } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadProfile((await params).user);
  if (!found) return { title: "No one here by that name" };
  const { displayName, handle, kind, headline, visibility } = found.profile;
  const title = `${displayName} (@${handle})`;
  const description = headline || `${displayName} is an ${kindWord[kind]} on Kontact.`;
  return {
    metadataBase: new URL(env().APP_URL),
    title,
    description,
    alternates: { canonical: `/profile/${handle}` },
    robots: visibility === "public" ? undefined : { index: false, follow: false },
    // og:image and its size come from opengraph-image.tsx next to this page.
    openGraph: { type: "profile", title, description, username: handle, siteName: "Kontact", url: `/profile/${handle}` },
    twitter: { card: "summary_large_image", title, description },
  };
}

const sectionLabel = "text-xs font-semibold tracking-widest text-muted uppercase";

export default async function ProfilePage({ params }: Props) {
  const found = await loadProfile((await params).user);
  if (!found) notFound();
  const { profile, isOwner, viewer, relationship } = found;
  const count = profile.artworks.length;

  const actions = isOwner ? (
    <div className="flex flex-wrap gap-3">
      <Link href={`/profile/${profile.handle}/edit`} className={secondaryButton}>
        Edit profile
      </Link>
    </div>
  ) : relationship ? (
    <RelationshipActions handle={profile.handle} displayName={profile.displayName} relationship={relationship} />
  ) : viewer ? null : (
    <Link href={`/connect/signin?callbackUrl=${encodeURIComponent(`/profile/${profile.handle}`)}`} className={secondaryButton}>
      Sign in to follow
    </Link>
  );

  const notice =
    isOwner && profile.visibility !== "public" ? (
      <p className="text-sm text-muted">
        {profile.visibility === "hidden"
          ? "Your profile is hidden: only you can see this page."
          : "Your profile is visible to signed-in members only."}
      </p>
    ) : null;

  if (relationship?.blockedByYou) {
    return (
      <article aria-labelledby="profile-name">
        <ProfileHeader
          profile={{ ...profile, headline: "", region: "", openToCollaboration: false }}
          actions={actions}
          notice={<p className="text-sm text-muted">Their work and details stay hidden from you while the block stands.</p>}
        />
      </article>
    );
  }

  return (
    <article aria-labelledby="profile-name" className="space-y-14 sm:space-y-16">
      <ProfileHeader profile={profile} actions={actions} notice={notice} />

      <section aria-labelledby="portfolio-heading" className="space-y-8">
        <div className="flex items-baseline justify-between gap-4 border-b border-line pb-3">
          <h2 id="portfolio-heading" className={sectionLabel}>
            Portfolio{count ? <span className="ml-2 font-normal tracking-normal text-muted normal-case">{count}</span> : null}
          </h2>
          {isOwner && count ? (
            <Link href={`/profile/${profile.handle}/edit#artworks`} className="text-sm font-medium text-accent hover:text-accent-strong">
              Add artwork
            </Link>
          ) : null}
        </div>
        {count ? (
          <PortfolioGrid artworks={profile.artworks} artistName={profile.displayName} />
        ) : (
          <div className="rounded-2xl border border-line bg-surface p-3">
            <div className="rounded-xl border border-dashed border-line px-8 py-16 text-center">
              <p className="text-lg font-medium text-ink">{isOwner ? "Your portfolio will appear here" : "No artworks yet"}</p>
              <p className="mx-auto mt-2 max-w-prose text-base text-muted">
                {isOwner
                  ? "Add your work: it is the first thing people see when they visit your profile."
                  : `${profile.displayName} has not shared any artworks on Kontact yet.`}
              </p>
              {isOwner ? (
                <Link href={`/profile/${profile.handle}/edit#artworks`} className={`${primaryButton} mt-6`}>
                  Add your first artwork
                </Link>
              ) : null}
            </div>
          </div>
        )}
      </section>

      <ProfileAbout profile={profile} />
    </article>
  );
}
