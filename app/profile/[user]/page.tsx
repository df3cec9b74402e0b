import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadProfile } from "./load-profile";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ user: string }> };

const kindLabel = { creator: "Creator", diffuser: "Diffuser" } as const;
const monthYear = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadProfile((await params).user);
  if (!found) return { title: "No one here by that name" };
  const { displayName, handle, kind } = found.profile;
  return {
    title: `${displayName} (@${handle})`,
    description: `${displayName} is a ${kindLabel[kind].toLowerCase()} on Kontact.`,
  };
}

export default async function ProfilePage({ params }: Props) {
  const found = await loadProfile((await params).user);
  if (!found) notFound();
  const { profile, isOwner } = found;
  const createdAt = new Date(profile.createdAt);
  const initial = profile.displayName.trim().charAt(0).toUpperCase() || profile.handle.charAt(0).toUpperCase();

  return (
    <article aria-labelledby="profile-name" className="space-y-14">
      <header className="flex flex-col gap-6 sm:flex-row sm:items-center">
        <div
          aria-hidden="true"
          className="flex size-24 shrink-0 items-center justify-center rounded-full border border-line bg-sunken text-3xl font-semibold text-muted"
        >
          {initial}
        </div>
        <div className="min-w-0 space-y-2">
          <h1 id="profile-name" className="text-4xl font-semibold tracking-tight break-words text-ink">
            {profile.displayName}
          </h1>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-2 text-base text-muted">
            <span>@{profile.handle}</span>
            <span className="rounded-full border border-accent/30 bg-accent-soft px-2.5 py-0.5 text-xs font-medium tracking-wide text-accent uppercase">
              {kindLabel[profile.kind]}
            </span>
          </p>
          <p className="text-sm text-muted">
            Member since <time dateTime={createdAt.toISOString()}>{monthYear.format(createdAt)}</time>
          </p>
          {isOwner ? <p className="text-sm text-muted">This is your public profile, as others see it.</p> : null}
        </div>
      </header>

      <section aria-labelledby="portfolio-heading">
        <h2 id="portfolio-heading" className="border-b border-line pb-3 text-xs font-semibold tracking-widest text-muted uppercase">
          Portfolio
        </h2>
        <div className="mt-8 rounded-2xl border border-line bg-surface p-3">
          <div className="rounded-xl border border-dashed border-line px-8 py-16 text-center">
            {isOwner ? (
              <>
                <p className="text-lg font-medium text-ink">Your portfolio will appear here</p>
                <p className="mx-auto mt-2 max-w-prose text-base text-muted">
                  The artworks you add will be shown here for everyone who visits your profile.
                </p>
              </>
            ) : (
              <>
                <p className="text-lg font-medium text-ink">No artworks yet</p>
                <p className="mx-auto mt-2 max-w-prose text-base text-muted">
                  {profile.displayName} has not shared any artworks on Kontact yet.
                </p>
              </>
            )}
          </div>
        </div>
      </section>
    </article>
  );
}
