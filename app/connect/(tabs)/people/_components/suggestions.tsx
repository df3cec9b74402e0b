import Link from "next/link";
import { primaryButton } from "@/app/_components/styles";
import { getDb } from "@/db/client";
import type { SessionUser } from "@/lib/services/accounts";
import { listWorkspaces, MAX_PARTICIPANTS } from "@/lib/services/collaboration_workspace";
import { followedAmong, suggestMatches, type Match } from "@/lib/services/intelligent_matching";
import { INTENT_LABELS, suggestionsHref, type Intent, type Notice } from "../_lib/suggestions-params";
import { IntentSwitcher } from "./intent-switcher";
import { SuggestionCard } from "./suggestion-card";
import { SuggestionsNotice } from "./suggestions-notice";

const SHOWN = 12;

function noticeText(notice: Notice): string {
  if (notice.done === "followed") return `You follow @${notice.who} now.`;
  if (notice.reason === "not_now") return `@${notice.who} will not be suggested for 30 days.`;
  return `@${notice.who} will not be suggested again.`;
}

async function SuggestionList({ user, intent }: { user: SessionUser; intent: Intent }) {
  const db = await getDb();
  let items: Match[];
  try {
    ({ items } = await suggestMatches(db, user, { intent, limit: SHOWN }));
  } catch (error) {
    console.error("people: suggestions failed", error);
    return (
      <div className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger" data-testid="suggestions-error">
        Suggestions could not be loaded just now.{" "}
        <Link href={suggestionsHref(intent)} className="font-medium underline underline-offset-4">
          Try again
        </Link>
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <div className="rounded-2xl border border-dashed border-line bg-surface px-6 py-10 sm:px-10" data-testid="suggestions-empty">
        <h4 className="text-lg font-semibold tracking-tight text-ink">No suggestions yet</h4>
        <p className="mt-2 max-w-prose text-base text-muted">
          Suggestions come from the skills, tags and region on your profile, from who you follow and from recent activity. Add
          a few skills and tags — the more particular, the better the matches.
        </p>
        <Link href={`/profile/${user.handle}/edit`} className={`${primaryButton} mt-5`}>
          Edit your profile
        </Link>
      </div>
    );
  }
  const [following, workspaces] = await Promise.all([
    intent === "follow" ? Promise.resolve(new Set<string>()) : followedAmong(db, user.id, items.map((m) => m.profile.handle)),
    listWorkspaces(db, user),
  ]);
  const groups = workspaces
    .filter((w) => w.host === user.handle && w.status === "live" && w.sessionType === "group" && w.participants.length < MAX_PARTICIPANTS)
    .map((w) => ({ id: w.id, name: w.name }));
  return (
    <ul className="grid gap-4 lg:grid-cols-2" data-testid="suggestions">
      {items.map((m) => (
        <li key={m.profile.handle}>
          <SuggestionCard match={m} intent={intent} following={following.has(m.profile.handle)} workspaces={groups} />
        </li>
      ))}
    </ul>
  );
}

/** Suggestions for the signed-in person: an intent switcher, the last action's outcome, and the cards. */
export function Suggestions({ user, intent, notice, keep }: { user: SessionUser; intent: Intent; notice: Notice | null; keep: URLSearchParams }) {
  const label = INTENT_LABELS[intent];
  return (
    <section aria-labelledby="suggestions-heading" className="space-y-5" data-testid="people-suggestions">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="max-w-prose">
          <h3 id="suggestions-heading" className="text-xl font-semibold tracking-tight text-ink">
            Suggestions: {label.heading.toLowerCase()}
          </h3>
          <p className="mt-1 text-sm text-muted">{label.blurb} Each one says why.</p>
        </div>
        <IntentSwitcher intent={intent} keep={keep.toString()} />
      </div>
      <SuggestionsNotice text={notice ? noticeText(notice) : ""} />
      {/* Rendered with the page, not streamed: a streamed boundary never shows without JavaScript.
          The loading state is the switcher's, while another intent is fetched. */}
      <SuggestionList user={user} intent={intent} />
    </section>
  );
}
