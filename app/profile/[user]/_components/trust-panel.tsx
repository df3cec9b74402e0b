import Link from "next/link";
import type { Endorsement, EndorsementSummary } from "@/lib/services/partner_recommendation";
import type { Profile } from "@/lib/services/professional_profile";
import { publicTrust, trustFor } from "../load-trust";
import { ReplyForm, ReportForm } from "./endorsement-forms";
import { Avatar } from "./profile-header";

const sectionLabel = "text-xs font-semibold tracking-widest text-muted uppercase";
const monthYear = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" });
const decimal = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "co-created Harbour mural", "selected them for Summer residency", … (the author's part, then the context). */
function contextLine({ context }: Endorsement) {
  const title = <em className="font-medium text-ink not-italic">{context.title}</em>;
  const what = context.role === "participant" ? <>co-created {title}</> : context.role === "owner" ? <>selected them for {title}</> : <>was selected for {title}</>;
  return (
    <>
      {what} · {monthYear.format(new Date(context.concludedAt))}
    </>
  );
}

function Stars({ rating }: { rating: number }) {
  return (
    <span role="img" aria-label={`Rated ${rating} out of 5`} className="tracking-tight text-accent">
      {"★".repeat(rating)}
      <span className="text-line">{"★".repeat(5 - rating)}</span>
    </span>
  );
}

function Summary({ summary, coCreations, name }: { summary: EndorsementSummary; coCreations: number; name: string }) {
  return (
    <div className="space-y-4" data-testid="trust-summary">
      <dl className="flex flex-wrap gap-x-10 gap-y-4">
        <div>
          <dt className="text-sm text-muted">Average rating</dt>
          <dd className="text-2xl font-semibold text-ink">{summary.averageRating === null ? "—" : `${decimal.format(summary.averageRating)} / 5`}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Endorsements</dt>
          <dd className="text-2xl font-semibold text-ink" data-testid="endorsement-count">{summary.count}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Verified co-creations</dt>
          <dd className="text-2xl font-semibold text-ink">{coCreations}</dd>
        </div>
      </dl>
      {summary.skills.length ? (
        <ul role="list" aria-label={`How collaborators rated ${name}'s skills`} className="flex flex-wrap gap-2">
          {summary.skills.map((s) => (
            <li key={s.skill} className="rounded-full border border-line bg-surface px-3 py-1 text-sm text-ink">
              {s.skill} <span className="font-semibold">{decimal.format(s.average)}</span>
              <span className="text-muted"> · {s.count === 1 ? "1 rating" : `${s.count} ratings`}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

type ItemProps = { item: Endorsement; subjectName: string; isSubject: boolean; signedIn: boolean };

function EndorsementItem({ item, subjectName, isSubject, signedIn }: ItemProps) {
  return (
    <li className="space-y-3 rounded-2xl border border-line bg-surface p-5" data-testid="endorsement" data-author={item.author.handle}>
      <div className="flex items-start gap-3">
        <Avatar profile={item.author} size="sm" />
        <div className="min-w-0 space-y-0.5">
          <p className="text-sm">
            <Link href={`/profile/${item.author.handle}`} className="font-semibold text-ink hover:underline">
              {item.author.displayName}
            </Link>{" "}
            <span className="text-muted">@{item.author.handle}</span>
          </p>
          <p className="text-sm text-muted" data-testid="endorsement-context">
            {contextLine(item)}
          </p>
          <Stars rating={item.rating} />
        </div>
      </div>
      <p className="max-w-prose text-base leading-relaxed break-words whitespace-pre-line text-ink">{item.text}</p>
      {item.skills.length ? (
        <ul role="list" aria-label="Skill scores" className="flex flex-wrap gap-2 text-xs">
          {item.skills.map((s) => (
            <li key={s.skill} className="rounded-full bg-sunken px-2.5 py-0.5 text-ink">
              {s.skill} {s.score}/5
            </li>
          ))}
        </ul>
      ) : null}
      {item.reply ? (
        <div className="ml-4 border-l-2 border-line pl-4" data-testid="endorsement-reply">
          <p className="text-xs font-semibold tracking-wide text-muted uppercase">Reply from {subjectName}</p>
          <p className="mt-1 text-sm leading-relaxed break-words whitespace-pre-line text-ink">{item.reply.text}</p>
        </div>
      ) : isSubject ? (
        <ReplyForm endorsementId={item.id} handle={item.subject} authorName={item.author.displayName} />
      ) : null}
      {signedIn ? <ReportForm endorsementId={item.id} handle={item.subject} /> : null}
    </li>
  );
}

type Props = { profile: Profile; viewer: { id: string } | null; isOwner: boolean };

/**
 * Trust signals earned in real collaborations: the numbers, then the published endorsements with
 * their context and reply, as anyone sees them for public profiles, else as the viewer may.
 */
export async function TrustPanel({ profile, viewer, isOwner }: Props) {
  const page = profile.visibility === "public" ? await publicTrust(profile.handle) : viewer ? await trustFor(viewer, profile.handle) : null;
  if (!page) return null;
  const { items, summary } = page;
  return (
    <section aria-labelledby="trust-heading" className="space-y-8" data-testid="trust-panel">
      <h2 id="trust-heading" className={`border-b border-line pb-3 ${sectionLabel}`}>
        Endorsements{summary.count ? <span className="ml-2 font-normal tracking-normal text-muted normal-case">{summary.count}</span> : null}
      </h2>
      <Summary summary={summary} coCreations={profile.stats.verifiedCoCreations} name={profile.displayName} />
      <p className="max-w-prose text-sm text-muted">
        Only people who finished a session or a call with {isOwner ? "you" : profile.displayName} can endorse {isOwner ? "you" : "them"}. Each
        endorsement appears once both have written about each other, or 14 days after the collaboration ended.
      </p>
      {items.length ? (
        <ol className="space-y-4" data-testid="endorsements">
          {items.map((item) => (
            <EndorsementItem key={item.id} item={item} subjectName={profile.displayName} isSubject={isOwner} signedIn={viewer !== null} />
          ))}
        </ol>
      ) : (
        <p className="text-base text-muted">
          {isOwner
            ? "No endorsements yet. After a session ends or a call is filled, you and the people you worked with are asked how it went."
            : `${profile.displayName} has no published endorsements yet.`}
        </p>
      )}
      {summary.count > items.length ? (
        <p className="text-sm text-muted">
          Showing the {items.length} most recent of {summary.count}.
        </p>
      ) : null}
    </section>
  );
}
