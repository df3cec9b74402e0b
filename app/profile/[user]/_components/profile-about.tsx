import type { Profile } from "@/lib/services/professional_profile";

const sectionLabel = "text-xs font-semibold tracking-widest text-muted uppercase";

export function Chips({ items, label }: { items: string[]; label: string }) {
  return (
    <ul role="list" aria-label={label} className="flex flex-wrap gap-2">
      {items.map((item) => (
        <li key={item} className="rounded-full border border-line bg-surface px-3 py-1 text-sm text-ink">
          {item}
        </li>
      ))}
    </ul>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/**
 * Bio, skills, tags and links. The bio is plain text: React escapes it and `whitespace-pre-line`
 * keeps the artist's line breaks. Links were validated as http(s) on the way in; they open in a
 * new tab, vouch for identity (rel="me") and pass no referrer or ranking.
 */
export function ProfileAbout({ profile }: { profile: Profile }) {
  const hasSide = profile.skills.length > 0 || profile.tags.length > 0 || profile.links.length > 0;
  if (!profile.bio && !hasSide) return null;
  return (
    <section aria-labelledby="about-heading" className="space-y-8">
      <h2 id="about-heading" className={`border-b border-line pb-3 ${sectionLabel}`}>
        About
      </h2>
      <div className="grid gap-10 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          {profile.bio ? (
            <p className="max-w-prose text-base leading-relaxed break-words whitespace-pre-line text-ink">{profile.bio}</p>
          ) : (
            <p className="text-base text-muted">No bio yet.</p>
          )}
        </div>
        {hasSide ? (
          <div className="space-y-8">
            {profile.skills.length ? (
              <div className="space-y-3">
                <h3 className={sectionLabel}>Skills</h3>
                <Chips items={profile.skills} label="Skills" />
              </div>
            ) : null}
            {profile.tags.length ? (
              <div className="space-y-3">
                <h3 className={sectionLabel}>Tags</h3>
                <Chips items={profile.tags.map((t) => `#${t}`)} label="Tags" />
              </div>
            ) : null}
            {profile.links.length ? (
              <div className="space-y-3">
                <h3 className={sectionLabel}>Links</h3>
                <ul role="list" className="space-y-2">
                  {profile.links.map((link, i) => (
                    <li key={`${i}-${link.url}`}>
                      <a
                        href={link.url}
                        target="_blank"
                        rel="me noopener noreferrer nofollow"
                        className="group inline-flex max-w-full items-baseline gap-2 text-base text-ink hover:text-accent"
                      >
                        <span className="font-medium underline decoration-line decoration-1 underline-offset-4 group-hover:decoration-accent">
                          {link.label}
                        </span>
                        <span className="truncate text-sm text-muted">{hostOf(link.url)}</span>
                        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 shrink-0 self-center fill-none stroke-current stroke-[1.5] text-muted">
                          <path d="M6 3.5h6.5V10M12.5 3.5 4 12" strokeLinecap="round" strokeLinejoin="round" />
                        </svg>
                        <span className="sr-only">(opens in a new tab)</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
