import Link from "next/link";
import { secondaryButton, textLink } from "@/app/_components/styles";
import type { Application, Opportunity } from "@/lib/services/opportunity_announcement";
import { formatDate } from "../_lib/format";
import { DeleteForm } from "./delete-form";
import { StatusControls } from "./status-controls";

const headingClass = "border-b border-line pb-3 text-xs font-semibold tracking-widest text-muted uppercase";

type Props = {
  opportunity: Opportunity;
  applications: Application[];
  /** Display names by handle; people missing from it are shown by @handle. */
  names: Record<string, string>;
};

/** What only the owner sees: status controls, the applications, edit and delete. */
export function OwnerPanel({ opportunity: o, applications, names }: Props) {
  const deadlinePassed = o.deadline !== null && Date.parse(o.deadline) < Date.now();
  return (
    <section aria-labelledby="owner-heading" className="space-y-8 rounded-2xl border border-accent/30 bg-accent-soft/40 p-6" data-testid="owner-panel">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id="owner-heading" className="text-lg font-semibold text-ink">
          Your posting
        </h3>
        <Link href={`/connect/opportunities/${o.id}/edit`} className={secondaryButton}>
          Edit
        </Link>
      </div>
      {o.status === "filled" ? (
        <p className="text-sm text-ink">
          Filled on the selection of {o.selected?.map((h) => names[h] ?? `@${h}`).join(", ")}. This is final.
        </p>
      ) : (
        <StatusControls id={o.id} status={o.status} deadlinePassed={deadlinePassed} applicants={applications.map((a) => ({ handle: a.applicant, displayName: a.applicantDisplayName }))} />
      )}

      <section aria-labelledby="applications-heading" className="space-y-4">
        <h4 id="applications-heading" className={headingClass}>
          Applications ({applications.length})
        </h4>
        {applications.length === 0 ? <p className="text-sm text-muted">No applications yet.</p> : null}
        <ul className="space-y-4" data-testid="applications">
          {applications.map((a) => (
            <li key={a.id} className="rounded-xl border border-line bg-surface p-4" data-testid="application">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <Link href={`/profile/${a.applicant}`} className={textLink}>
                  {a.applicantDisplayName}
                </Link>
                <span className="text-muted">@{a.applicant}</span>
                <span className="text-muted">· {formatDate(a.createdAt)}</span>
                {a.selected ? <span className="rounded-full bg-accent px-2 py-0.5 text-xs font-medium text-white">Selected</span> : null}
              </p>
              <p className="mt-2 text-sm whitespace-pre-line text-ink">{a.message}</p>
              {a.artworks.length ? (
                <ul aria-label={`Artworks from ${a.applicantDisplayName}`} className="mt-3 flex flex-wrap gap-3">
                  {a.artworks.map((art) => (
                    <li key={art.id} className="w-28 text-xs text-muted">
                      {/* eslint-disable-next-line @next/next/no-img-element -- stored renditions */}
                      <img src={art.thumbnailUrl ?? art.mediaUrl} alt={art.altText || art.title} className="aspect-[4/3] w-full rounded-md object-cover" loading="lazy" />
                      <span className="mt-1 block truncate">{art.title}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {o.status !== "filled" ? (
        <DeleteForm opportunityId={o.id} />
      ) : null}
    </section>
  );
}
