import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { secondaryButton } from "@/app/_components/styles";
import { env } from "@/lib/env";
import { MAX_LINKS } from "@/lib/validation/profiles";
import { loadProfile } from "../load-profile";
import { ArtworkList } from "./_components/artwork-list";
import { ArtworkUploadForm } from "./_components/artwork-upload";
import { AvatarForm } from "./_components/avatar-form";
import { ProfileForm } from "./_components/profile-form";

export function generateMetadata(): Metadata {
  // metadataBase: the profile's Open Graph image applies to this nested page too.
  return { title: "Edit profile", robots: { index: false, follow: false }, metadataBase: new URL(env().APP_URL) };
}
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ user: string }> };

const sections = [
  { id: "details", label: "Details" },
  { id: "photo", label: "Photo" },
  { id: "artworks", label: "Add artwork" },
  { id: "portfolio", label: "Your artworks" },
] as const;

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-8 space-y-6 border-t border-line pt-10">
      <div>
        <h2 id={`${id}-heading`} className="text-xl font-semibold tracking-tight text-ink">
          {title}
        </h2>
        <p className="mt-1 text-base text-muted">{description}</p>
      </div>
      {children}
    </section>
  );
}

/** The owner's edit page. Visitors who are signed out are asked to sign in; anyone else goes back to the profile. */
export default async function EditProfilePage({ params }: Props) {
  const raw = (await params).user;
  const found = await loadProfile(raw);
  if (!found) notFound();
  const { profile, isOwner, viewer } = found;
  if (!viewer) redirect(`/connect/signin?callbackUrl=${encodeURIComponent(`/profile/${profile.handle}/edit`)}`);
  if (!isOwner) redirect(`/profile/${profile.handle}`);

  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-muted">@{profile.handle}</p>
          <h1 className="mt-1 text-3xl font-semibold tracking-tight text-ink">Edit your profile</h1>
        </div>
        <Link href={`/profile/${profile.handle}`} className={secondaryButton}>
          View your profile
        </Link>
      </header>
      <nav aria-label="Sections of this page">
        <ul className="flex flex-wrap gap-2">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="inline-block rounded-full border border-line bg-surface px-3.5 py-1.5 text-sm text-muted hover:border-field hover:text-ink">
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="details" title="Details" description="What people read about you. Nothing changes until you save.">
        <ProfileForm profile={profile} maxLinks={MAX_LINKS} />
      </Section>
      <Section id="photo" title="Photo" description="Shown next to your name on your profile and in search.">
        <AvatarForm profile={profile} />
      </Section>
      <Section id="artworks" title="Add an artwork" description="Your work is the first thing visitors see.">
        <ArtworkUploadForm />
      </Section>
      <Section id="portfolio" title="Your artworks" description="Change titles, tags, descriptions and rights, or delete a work.">
        <ArtworkList artworks={profile.artworks} />
      </Section>
    </div>
  );
}
