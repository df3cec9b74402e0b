import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { primaryButton, textLink } from "@/app/_components/styles";
import { listApplications } from "@/lib/services/opportunity_announcement";
import { displayNamesByHandles, listPortfolio } from "@/lib/services/professional_profile";
import { ApplyForm } from "../_components/apply-form";
import { FairCallBadge } from "../_components/fair-call-badge";
import { OwnerPanel } from "../_components/owner-panel";
import { SaveForm } from "../_components/save-form";
import { DeadlineBadge } from "../_components/status-badge";
import { compensationText, entryFeeText, fileSize, formatDate, formatDates, KIND_LABEL } from "../_lib/format";
import { loadOpportunity } from "./load";
import { WithdrawForm } from "../_components/withdraw-form";
import { EndorsePromptsFor } from "../../workspace/_components/endorse-prompts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadOpportunity((await params).id);
  return { title: found ? found.opportunity.title : "No such opportunity" };
}

const headingClass = "border-b border-line pb-3 text-xs font-semibold tracking-widest text-muted uppercase";

export default async function OpportunityPage({ params }: Props) {
  const { id } = await params;
  const found = await loadOpportunity(id);
  if (!found) notFound();
  const { db, user, opportunity: o, viewer } = found;
  const now = Date.now();
  const [applications, portfolio, names] = await Promise.all([
    viewer.isOwner ? listApplications(db, user, o.id, { limit: 100 }).then((p) => p.items) : Promise.resolve([]),
    user && !viewer.isOwner && !viewer.application && o.status === "open" ? listPortfolio(db, user.id) : Promise.resolve([]),
    // Names for handles this reader has been shown by the service: the owner, and for the owner who was selected.
    displayNamesByHandles(db, [o.owner, ...(o.selected ?? [])]),
  ]);
  const dates = formatDates(o.startsAt, o.endsAt);
  const facts: [string, React.ReactNode][] = [
    ["Kind", KIND_LABEL[o.kind]],
    ["Where", [o.location, o.region].filter(Boolean).join(", ") || "Not stated"],
    ["When", dates ?? "Not stated"],
    ["Deadline", o.deadline ? formatDate(o.deadline) : "None"],
    ["Pay", compensationText(o)],
    ["Entry fee", entryFeeText(o)],
    ["Posted by", <Link key="owner" href={`/profile/${o.owner}`} className={textLink}>{names[o.owner] ?? `@${o.owner}`}</Link>],
  ];

  return (
    <article aria-labelledby="opportunity-title" className="space-y-10" data-testid="opportunity" data-status={o.status}>
      <p className="text-sm">
        <Link href="/connect/opportunities" className={textLink}>
          ← All opportunities
        </Link>
      </p>
      <header className="space-y-4">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-xs font-semibold tracking-widest text-muted uppercase">{KIND_LABEL[o.kind]}</span>
          <DeadlineBadge opportunity={o} now={now} />
          <FairCallBadge call={o.fairCall} id="detail" />
        </div>
        <h2 id="opportunity-title" className="text-3xl font-semibold tracking-tight break-words text-ink">
          {o.title}
        </h2>
        <p className="text-sm text-muted" data-testid="fair-call-reason">
          <span className="font-medium text-ink">{o.fairCall.label}:</span> {o.fairCall.reason}
        </p>
        {o.status === "filled" ? (
          <p data-testid="filled-notice" className="rounded-lg border border-line bg-sunken px-4 py-3 text-sm text-ink">
            This opportunity has been filled{viewer.selected ? " — and you were selected. Congratulations!" : "."}
          </p>
        ) : null}
      </header>

      {o.status === "filled" && (viewer.isOwner || viewer.selected) ? (
        <EndorsePromptsFor only={{ type: "opportunity", id: o.id }} returnTo={`/connect/opportunities/${o.id}`} title="How was it working together?" />
      ) : null}

      <div className="grid gap-10 lg:grid-cols-[1fr_18rem]">
        <div className="space-y-10">
          <section aria-labelledby="about-heading">
            <h3 id="about-heading" className={headingClass}>
              About
            </h3>
            <p className="mt-4 text-base leading-relaxed whitespace-pre-line text-ink">{o.description || "No description."}</p>
            {o.tags.length ? (
              <ul aria-label="Tags" className="mt-5 flex flex-wrap gap-2">
                {o.tags.map((t) => (
                  <li key={t}>
                    <Link href={`/connect/opportunities?tag=${encodeURIComponent(t)}`} className="rounded-full bg-sunken px-3 py-1 text-xs text-muted hover:text-ink">
                      {t}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>

          {o.attachments.length ? (
            <section aria-labelledby="files-heading">
              <h3 id="files-heading" className={headingClass}>
                Attachments
              </h3>
              <ul className="mt-4 space-y-2" data-testid="attachments">
                {o.attachments.map((a) => (
                  <li key={a.id} className="text-sm">
                    <a href={a.url} download={a.filename} className={textLink}>
                      {a.filename}
                    </a>{" "}
                    <span className="text-muted">({fileSize(a.size)})</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {viewer.isOwner ? <OwnerPanel opportunity={o} applications={applications} names={names} /> : null}

          {!viewer.isOwner ? (
            <section aria-labelledby="apply-heading" className="space-y-4">
              <h3 id="apply-heading" className={headingClass}>
                Apply
              </h3>
              {viewer.application ? (
                <div data-testid="my-application" className="rounded-xl border border-line bg-surface p-4 text-sm text-ink">
                  <p className="font-medium">You applied on {formatDate(viewer.application.createdAt)}{viewer.application.artworks.length ? ` with ${viewer.application.artworks.length} ${viewer.application.artworks.length === 1 ? "artwork" : "artworks"}` : ""}.</p>
                  <p className="mt-2 whitespace-pre-line text-muted">{viewer.application.message}</p>
                  {o.status !== "filled" ? (
                    <WithdrawForm opportunityId={o.id} />
                  ) : (
                    <p className="mt-4 border-t border-line pt-4 text-muted">This call has been filled: applications stay as they were.</p>
                  )}
                </div>
              ) : o.status !== "open" ? (
                <p className="text-sm text-muted">This opportunity is {o.status} and no longer takes applications.</p>
              ) : user ? (
                <ApplyForm opportunityId={o.id} portfolio={portfolio} />
              ) : (
                <p className="text-sm text-muted">
                  <Link href={`/connect/signin?callbackUrl=${encodeURIComponent(`/connect/opportunities/${o.id}`)}`} className={primaryButton}>
                    Sign in to apply
                  </Link>
                </p>
              )}
            </section>
          ) : null}
        </div>

        <aside className="space-y-6">
          <dl className="space-y-3 rounded-2xl border border-line bg-surface p-5 text-sm">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs font-semibold tracking-widest text-muted uppercase">{label}</dt>
                <dd className="mt-1 text-ink">{value}</dd>
              </div>
            ))}
            {o.url ? (
              <div>
                <dt className="text-xs font-semibold tracking-widest text-muted uppercase">Link</dt>
                <dd className="mt-1 break-all">
                  <a href={o.url} rel="noopener noreferrer nofollow ugc" target="_blank" className={textLink}>
                    {o.url.replace(/^https?:\/\//, "")}
                  </a>
                </dd>
              </div>
            ) : null}
          </dl>
          {user && !viewer.isOwner ? (
            <SaveForm opportunityId={o.id} saved={viewer.saved} />
          ) : null}
        </aside>
      </div>
    </article>
  );
}
