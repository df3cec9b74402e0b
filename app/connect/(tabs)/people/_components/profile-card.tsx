import Link from "next/link";
import type { ProfileCard as Card } from "@/lib/services/professional_profile";

const KIND_LABEL = { creator: "Creator", diffuser: "Diffuser" } as const;
const SHOWN_KEYWORDS = 5;

/** Up to two initials of a name ("Mira Lane" → "ML"), for people without an avatar. */
export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => [...word][0] ?? "");
  return ((letters[0] ?? "") + (letters.length > 1 ? (letters.at(-1) ?? "") : "")).toUpperCase() || "?";
}

/** One person in the results: who they are, what they do, where; the name links to their profile. */
export function ProfileCard({ card }: { card: Card }) {
  const id = `person-${card.handle}`;
  const keywords = [...card.skills.map((s) => ({ kind: "skill", text: s })), ...card.tags.map((t) => ({ kind: "tag", text: `#${t}` }))];
  const shown = keywords.slice(0, SHOWN_KEYWORDS);
  return (
    <article
      data-testid="person-card"
      aria-labelledby={id}
      className="relative flex gap-4 rounded-2xl border border-line bg-surface p-5 transition-colors focus-within:border-accent hover:border-field"
    >
      {card.avatarUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- small avatar already resized by the upload
        <img src={card.avatarUrl} alt="" width={56} height={56} className="size-14 shrink-0 rounded-full object-cover" />
      ) : (
        <span aria-hidden="true" className="flex size-14 shrink-0 items-center justify-center rounded-full bg-accent-soft text-lg font-semibold text-accent">
          {initials(card.displayName)}
        </span>
      )}
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
          <h3 id={id} className="text-lg font-semibold tracking-tight text-ink">
            {/* The link covers the card (after:inset-0) while its text stays the name. */}
            <Link href={`/profile/${card.handle}`} className="after:absolute after:inset-0 after:rounded-2xl hover:text-accent">
              {card.displayName}
            </Link>
          </h3>
          <span className="text-sm text-muted">@{card.handle}</span>
          <span className="rounded-full border border-line px-2 py-0.5 text-xs font-medium text-muted">{KIND_LABEL[card.kind]}</span>
        </div>
        {card.headline ? <p className="mt-1 text-sm text-ink">{card.headline}</p> : null}
        {card.region ? <p className="mt-1 text-sm text-muted">{card.region}</p> : null}
        {shown.length ? (
          <ul aria-label="Skills and tags" className="mt-3 flex flex-wrap gap-1.5">
            {shown.map((k) => (
              <li key={`${k.kind}:${k.text}`} className="rounded-full bg-sunken px-2.5 py-0.5 text-xs text-muted">
                {k.text}
              </li>
            ))}
            {keywords.length > shown.length ? <li className="px-1 py-0.5 text-xs text-muted">+{keywords.length - shown.length} more</li> : null}
          </ul>
        ) : null}
      </div>
    </article>
  );
}
