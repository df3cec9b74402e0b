import Link from "next/link";
import type { Opportunity } from "@/lib/services/opportunity_announcement";
import { compensationText, entryFeeText, formatDates, KIND_LABEL } from "../_lib/format";
import { FairCallBadge } from "./fair-call-badge";
import { DeadlineBadge } from "./status-badge";

/** One posting in the list: what, where, when it closes, whether it is a fair call. */
export function OpportunityCard({ opportunity: o, now }: { opportunity: Opportunity; now: number }) {
  const dates = formatDates(o.startsAt, o.endsAt);
  const place = [o.location, o.region].filter(Boolean).join(", ");
  return (
    <article data-testid="opportunity-card" aria-labelledby={`opp-${o.id}-title`} className="rounded-2xl border border-line bg-surface p-6 transition-colors hover:border-field">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span className="font-semibold tracking-widest text-muted uppercase">{KIND_LABEL[o.kind]}</span>
        <DeadlineBadge opportunity={o} now={now} />
        <FairCallBadge call={o.fairCall} id={`card-${o.id}`} />
      </div>
      <h3 id={`opp-${o.id}-title`} className="mt-3 text-lg font-semibold tracking-tight text-ink">
        <Link href={`/connect/opportunities/${o.id}`} className="hover:text-accent hover:underline hover:underline-offset-4">
          {o.title}
        </Link>
      </h3>
      <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-muted">
        {place ? (
          <div>
            <dt className="sr-only">Where</dt>
            <dd>{place}</dd>
          </div>
        ) : null}
        {dates ? (
          <div>
            <dt className="sr-only">When</dt>
            <dd>{dates}</dd>
          </div>
        ) : null}
        <div>
          <dt className="sr-only">Pay</dt>
          <dd>{compensationText(o)}</dd>
        </div>
        <div>
          <dt className="sr-only">Entry fee</dt>
          <dd>{entryFeeText(o)}</dd>
        </div>
        {o.applicantCount !== undefined ? (
          <div>
            <dt className="sr-only">Applications</dt>
            <dd className="font-medium text-ink">{o.applicantCount === 1 ? "1 application" : `${o.applicantCount} applications`}</dd>
          </div>
        ) : null}
      </dl>
      {o.tags.length ? (
        <ul aria-label="Tags" className="mt-3 flex flex-wrap gap-1.5">
          {o.tags.map((t) => (
            <li key={t} className="rounded-full bg-sunken px-2.5 py-0.5 text-xs text-muted">
              {t}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
