import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/app/_components/empty-state";
import { NextStepLinks } from "@/app/_components/next-step-links";
import { secondaryButton } from "@/app/_components/styles";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { isAppError, type FieldErrors } from "@/lib/errors";
import { searchProfiles, type ProfileCard as Card } from "@/lib/services/professional_profile";
import { PeopleSearchForm } from "./_components/people-search-form";
import { ProfileCard } from "./_components/profile-card";
import { isSearching, peopleHref, toParams, type PageSearchParams } from "./_components/search-params";
import { Suggestions } from "./_components/suggestions";
import { intentOf, noticeOf } from "./_lib/suggestions-params";

export const metadata: Metadata = { title: "People" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<PageSearchParams> };

function countText(shown: number, more: boolean, searching: boolean): string {
  if (shown === 0) return searching ? "No one matches this search." : "No one has joined yet.";
  const people = shown === 1 ? "1 person" : `${shown} people`;
  return more ? `Showing ${people}; more below.` : `Showing ${people}.`;
}

export default async function PeoplePage({ searchParams }: Props) {
  const search = await searchParams;
  const params = toParams(search);
  const intent = intentOf(search);
  const [db, user] = await Promise.all([getDb(), getCurrentUser()]);
  const searching = isSearching(params);
  let items: Card[] = [];
  let nextCursor: string | null = null;
  let errors: FieldErrors = {};
  try {
    ({ items, nextCursor } = await searchProfiles(db, user ? { id: user.id } : null, Object.fromEntries(params), { leaveOutActor: !searching }));
  } catch (error) {
    if (!isAppError(error) || error.code !== "validation_failed") throw error;
    errors = error.fields ?? { _: [error.message] };
  }
  const failed = Object.keys(errors).length > 0;
  const paged = params.has("cursor");

  const suggestions = user ? (
    <Suggestions user={user} intent={intent} notice={noticeOf(search)} keep={params} />
  ) : (
    <section data-testid="people-suggestions">
      <EmptyState title="Suggestions for you" actions={<NextStepLinks user={null} returnTo="/connect/people" />}>
        <p>
          Members get suggestions of who to follow, contact or make work with — from shared skills, tags and activity, each
          with its reasons.
        </p>
        <p>Join Kontact and set up your profile so the right people can find you.</p>
      </EmptyState>
    </section>
  );

  const results = (
    <section aria-labelledby="people-results-heading" className="space-y-5">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h3 id="people-results-heading" className="text-xl font-semibold tracking-tight text-ink">
          {searching ? "Results" : "Recently joined"}
        </h3>
        {/* Announced after each search; polite, so it waits for the reader. */}
        <p role="status" aria-live="polite" aria-atomic="true" className="text-sm text-muted" data-testid="people-count">
          {failed ? "" : countText(items.length, Boolean(nextCursor), searching)}
        </p>
      </div>
      {!searching && !failed ? <p className="-mt-3 text-sm text-muted">The newest profiles first. Search above to find someone in particular.</p> : null}

      {failed ? (
        <div className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger">
          This search could not be run: {Object.values(errors).flat().join(" ")}{" "}
          <Link href="/connect/people" className="font-medium underline underline-offset-4">
            Start again
          </Link>
        </div>
      ) : items.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-line bg-surface px-6 py-10 sm:px-10" data-testid="people-empty">
          <h4 className="text-lg font-semibold tracking-tight text-ink">{searching ? "No one matches — try fewer filters" : "No profiles to show yet"}</h4>
          <p className="mt-2 max-w-prose text-base text-muted">
            {searching ? "Check the spelling of a skill or tag, widen the region, or search by name instead." : "Profiles appear here as people join Kontact."}
          </p>
          {searching ? (
            <Link href="/connect/people" className={`${secondaryButton} mt-5`}>
              Clear search
            </Link>
          ) : null}
        </div>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" data-testid="people-results">
          {items.map((card) => (
            <li key={card.handle}>
              <ProfileCard card={card} />
            </li>
          ))}
        </ul>
      )}

      {paged || nextCursor ? (
        <nav aria-label="More people" className="flex flex-wrap gap-4">
          {paged ? (
            <Link href={peopleHref(params)} className={secondaryButton}>
              First page
            </Link>
          ) : null}
          {nextCursor ? (
            <Link href={peopleHref(params, { cursor: nextCursor })} className={secondaryButton}>
              Load more
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );

  return (
    <div className="space-y-10">
      <div className="max-w-prose">
        <h2 className="text-2xl font-semibold tracking-tight text-ink">People</h2>
        <p className="mt-2 text-base text-muted">Find artists, galleries, curators, venues and residencies by name, skill, tag or place.</p>
      </div>

      <PeopleSearchForm params={params} errors={errors} searching={searching} intent={intent} />

      {/* Browsing: suggestions lead. Searching: the results come first. */}
      {searching ? results : suggestions}
      {searching ? suggestions : results}
    </div>
  );
}
