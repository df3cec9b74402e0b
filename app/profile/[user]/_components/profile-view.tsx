import Link from "next/link";
import { primaryButton, secondaryButton } from "@/app/_components/styles";
import type { LoadedProfile } from "../load-profile";
import { PortfolioGrid } from "./portfolio-grid";
import { ProfileAbout } from "./profile-about";
import { ProfileHeader } from "./profile-header";
import { RelationshipActions } from "./relationship-actions";
import { TrustPanel } from "./trust-panel";

const sectionLabel = "text-xs font-semibold tracking-widest text-muted uppercase";

/** The profile page's content for one visitor: the owner, a member with a relationship, or anyone (all null). */
export function ProfileView({ found }: { found: Pick<LoadedProfile, "profile" | "isOwner" | "viewer" | "relationship"> }) {
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

      <TrustPanel profile={profile} viewer={viewer} isOwner={isOwner} />

      <ProfileAbout profile={profile} />
    </article>
  );
}
