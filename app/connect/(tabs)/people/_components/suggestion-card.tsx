import type { Match } from "@/lib/services/intelligent_matching";
import { initials } from "./profile-card";
import { SuggestionActions, type WorkspaceChoice } from "./suggestion-actions";

const KIND_LABEL = { creator: "Creator", diffuser: "Diffuser" } as const;

type Props = { match: Match; intent: string; following: boolean; workspaces: WorkspaceChoice[] };

/** One suggestion: who they are, why they are suggested (in sentences), and what to do about it. */
export function SuggestionCard({ match, intent, following, workspaces }: Props) {
  const { profile: card, reasons } = match;
  const id = `suggestion-${card.handle}`;
  return (
    <article data-testid="suggestion-card" data-handle={card.handle} aria-labelledby={id} className="flex gap-4 rounded-2xl border border-line bg-surface p-5">
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
          <h4 id={id} className="text-lg font-semibold tracking-tight text-ink">
            {card.displayName}
          </h4>
          <span className="text-sm text-muted">@{card.handle}</span>
          <span className="rounded-full border border-line px-2 py-0.5 text-xs font-medium text-muted">{KIND_LABEL[card.kind]}</span>
        </div>
        {card.headline ? <p className="mt-1 text-sm text-ink">{card.headline}</p> : null}
        {card.region ? <p className="mt-1 text-sm text-muted">{card.region}</p> : null}
        {reasons.length ? (
          <ul aria-label={`Why we suggest ${card.displayName}`} className="mt-3 space-y-1 text-sm text-ink" data-testid="suggestion-reasons">
            {reasons.map((r) => (
              <li key={r.kind} data-kind={r.kind} className="flex gap-2">
                <span aria-hidden="true" className="text-accent">
                  •
                </span>
                <span>{r.detail}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <SuggestionActions handle={card.handle} displayName={card.displayName} intent={intent} following={following} workspaces={workspaces} />
      </div>
    </article>
  );
}
