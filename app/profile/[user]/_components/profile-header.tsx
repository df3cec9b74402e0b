import type { Profile } from "@/lib/services/professional_profile";

const kindLabel = { creator: "Creator", diffuser: "Diffuser" } as const;

/** Up to two initials: "Ana María Ruiz" → "AR". */
export function initialsOf(name: string, handle: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  const initials = letters.map((w) => Array.from(w ?? "")[0] ?? "").join("").toUpperCase();
  return initials || handle.charAt(0).toUpperCase();
}

export function Avatar({ profile, size = "lg" }: { profile: Pick<Profile, "avatarUrl" | "displayName" | "handle">; size?: "lg" | "sm" }) {
  const box = size === "lg" ? "size-24 sm:size-28 text-3xl" : "size-14 text-lg";
  const px = size === "lg" ? 112 : 56;
  if (profile.avatarUrl) {
    return <img src={profile.avatarUrl} alt="" width={px} height={px} className={`${box} shrink-0 rounded-full bg-sunken object-cover`} />;
  }
  return (
    <div aria-hidden="true" className={`${box} flex shrink-0 items-center justify-center rounded-full bg-accent-soft font-semibold tracking-tight text-accent`}>
      {initialsOf(profile.displayName, profile.handle)}
    </div>
  );
}

const formatCount = new Intl.NumberFormat("en").format;
const monthYear = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" });

type Props = { profile: Profile; actions?: React.ReactNode; notice?: React.ReactNode };

/** Who this is, in one calm block: picture, name, handle, what they do, where, and their actions. */
export function ProfileHeader({ profile, actions, notice }: Props) {
  return (
    <header className="flex flex-col gap-6 sm:flex-row sm:items-start sm:gap-8">
      <Avatar profile={profile} />
      <div className="min-w-0 flex-1 space-y-4">
        <div className="space-y-1.5">
          <h1 id="profile-name" className="text-3xl font-semibold tracking-tight break-words text-ink sm:text-4xl">
            {profile.displayName}
          </h1>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-2 text-base text-muted">
            <span>@{profile.handle}</span>
            <span className="rounded-full border border-line bg-surface px-2.5 py-0.5 text-xs font-medium tracking-wide text-muted uppercase">
              {kindLabel[profile.kind]}
            </span>
            {profile.openToCollaboration ? (
              <span className="inline-flex items-center gap-1.5 rounded-full bg-emerald-50 px-2.5 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-700/20">
                <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-600" />
                Open to collaboration
              </span>
            ) : null}
          </p>
        </div>
        {profile.headline ? <p className="max-w-2xl text-lg leading-snug text-ink">{profile.headline}</p> : null}
        <ul role="list" aria-label="About this profile" className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm text-muted">
          {profile.region ? (
            <li className="inline-flex items-center gap-1.5">
              <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 fill-none stroke-current stroke-[1.5]">
                <path d="M8 14s4.5-4.2 4.5-7.5a4.5 4.5 0 1 0-9 0C3.5 9.8 8 14 8 14Z" />
                <circle cx="8" cy="6.5" r="1.5" />
              </svg>
              <span className="sr-only">Region: </span>
              {profile.region}
            </li>
          ) : null}
          <li>
            <strong className="font-semibold text-ink">{formatCount(profile.stats.followers)}</strong>{" "}
            {profile.stats.followers === 1 ? "follower" : "followers"}
          </li>
          <li>
            <strong className="font-semibold text-ink">{formatCount(profile.stats.following)}</strong> following
          </li>
          <li>
            Joined <time dateTime={profile.createdAt}>{monthYear.format(new Date(profile.createdAt))}</time>
          </li>
        </ul>
        {actions ? <div className="pt-1">{actions}</div> : null}
        {notice}
      </div>
    </header>
  );
}
