import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EmptyState } from "@/app/_components/empty-state";
import { primaryButton, secondaryButton, textLink } from "@/app/_components/styles";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { env } from "@/lib/env";
import { isAppError, type FieldErrors } from "@/lib/errors";
import { getCalendarUrl, listOpportunities, type Opportunity } from "@/lib/services/opportunity_announcement";
import { CalendarPanel } from "./_components/calendar-panel";
import { OpportunityCard } from "./_components/opportunity-card";
import { SearchForm } from "./_components/search-form";
import { activeFilterCount, listHref, serviceQuery, toParams, type PageSearchParams } from "./_lib/query";

export const metadata: Metadata = { title: "Opportunities" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<PageSearchParams> };

export default async function OpportunitiesPage({ searchParams }: Props) {
  const params = toParams(await searchParams);
  const [db, user] = await Promise.all([getDb(), getCurrentUser()]);
  const mine = params.get("owner") === "me";
  if (mine && !user) redirect("/connect/signin?callbackUrl=%2Fconnect%2Fopportunities%3Fowner%3Dme");
  let items: Opportunity[] = [];
  let nextCursor: string | null = null;
  let errors: FieldErrors = {};
  try {
    ({ items, nextCursor } = await listOpportunities(db, user, serviceQuery(params)));
  } catch (error) {
    if (!isAppError(error) || error.code !== "validation_failed") throw error;
    errors = error.fields ?? { _: [error.message] };
  }
  const calendar = user ? await getCalendarUrl(db, user, env().APP_URL) : null;
  const now = Date.now();
  const filtersSet = activeFilterCount(params);
  const paged = params.has("cursor");

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="max-w-prose">
          <h2 className="text-2xl font-semibold tracking-tight text-ink">{mine ? "Your postings" : "Opportunities"}</h2>
          <p className="mt-2 text-base text-muted">
            {mine
              ? "Everything you posted, whatever its status, with how many people applied."
              : "Residencies, exhibitions, open calls and jobs. Each one says up front whether it pays and whether it charges to apply."}
          </p>
        </div>
        {user ? (
          <div className="flex flex-wrap gap-3">
            <Link href={mine ? "/connect/opportunities" : "/connect/opportunities?owner=me"} className={secondaryButton}>
              {mine ? "All opportunities" : "Your postings"}
            </Link>
            <Link href="/connect/opportunities/new" className={primaryButton}>
              Post an opportunity
            </Link>
          </div>
        ) : (
          <p className="text-sm text-muted">
            <Link href="/connect/signin?callbackUrl=%2Fconnect%2Fopportunities" className={textLink}>
              Sign in
            </Link>{" "}
            to post, save and apply.
          </p>
        )}
      </div>

      {calendar ? <CalendarPanel url={calendar.url} /> : null}

      <div className="grid gap-8 lg:grid-cols-[20rem_1fr]">
        <SearchForm params={params} errors={errors} filtersSet={filtersSet} />
        <section aria-labelledby="results-heading" aria-live="polite">
          <h3 id="results-heading" className="sr-only">
            Results
          </h3>
          {Object.keys(errors).length ? (
            <div role="status" className="mb-4 rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger">
              This search could not be run: {Object.values(errors).flat().join(" ")}
            </div>
          ) : null}
          {items.length === 0 && !Object.keys(errors).length ? (
            <EmptyState
              title={mine ? "You have not posted anything yet" : filtersSet ? "Nothing matches this search" : "No open opportunities right now"}
              actions={
                filtersSet && !mine ? (
                  <Link href="/connect/opportunities" className={secondaryButton}>
                    Clear filters
                  </Link>
                ) : user ? (
                  <Link href="/connect/opportunities/new" className={primaryButton}>
                    Post an opportunity
                  </Link>
                ) : null
              }
            >
              <p>
                {filtersSet && !mine
                  ? "Try fewer filters, another spelling, or include closed postings."
                  : "New residencies, exhibitions, open calls and jobs appear here as soon as they are posted."}
              </p>
            </EmptyState>
          ) : (
            <ul className="space-y-4" data-testid="opportunity-results">
              {items.map((o) => (
                <li key={o.id}>
                  <OpportunityCard opportunity={o} now={now} />
                </li>
              ))}
            </ul>
          )}
          <nav aria-label="More results" className="mt-6 flex flex-wrap gap-4">
            {paged ? (
              <Link href={listHref(params)} className={secondaryButton}>
                First page
              </Link>
            ) : null}
            {nextCursor ? (
              <Link href={listHref(params, { cursor: nextCursor })} className={secondaryButton}>
                More results
              </Link>
            ) : null}
          </nav>
        </section>
      </div>
    </div>
  );
}
