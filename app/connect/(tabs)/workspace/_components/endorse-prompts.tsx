import Link from "next/link";
import { textLink } from "@/app/_components/styles";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { endorsementPrompts, type EndorsementPrompt } from "@/lib/services/partner_recommendation";
import { EndorseForm } from "./endorse-form";

const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const headingClass = "border-b border-line pb-3 text-xs font-semibold tracking-widest text-muted uppercase";

const CONTEXT_PHRASE = { participant: "made", owner: "you selected them for", selected: "they selected you for" } as const;

function PromptCard({ prompt, returnTo }: { prompt: EndorsementPrompt; returnTo: string }) {
  const { subject, context, mine } = prompt;
  const closes = day.format(new Date(prompt.closesAt));
  const headingId = `prompt-${context.id}-${subject.handle}`;
  return (
    <article aria-labelledby={headingId} className="space-y-4 rounded-2xl border border-line bg-surface p-5" data-testid="endorse-prompt" data-subject={subject.handle}>
      <div className="space-y-1">
        <h4 id={headingId} className="text-lg font-semibold tracking-tight text-ink">
          How was it working with {subject.displayName}?
        </h4>
        <p className="text-sm text-muted">
          <Link href={`/profile/${subject.handle}`} className={textLink}>
            @{subject.handle}
          </Link>{" "}
          · {CONTEXT_PHRASE[context.role]} <span className="text-ink">{context.title}</span>
          {context.role === "participant" ? " together" : ""} · ended {day.format(new Date(context.concludedAt))}
        </p>
      </div>
      {mine ? (
        <p className="text-sm text-ink" data-testid="endorse-status" data-status={mine.status}>
          {mine.status === "published"
            ? "You endorsed each other: both endorsements are published on your profiles."
            : `You endorsed ${subject.displayName}. It stays hidden until they endorse you too, or until ${closes}.`}
        </p>
      ) : (
        <>
          <p className="text-sm text-muted" data-testid="double-blind">
            Double-blind: {subject.displayName} sees what you write only once they have endorsed you too, or on {closes}, and you see theirs the
            same way; after that, neither can be changed.
          </p>
          <EndorseForm prompt={prompt} returnTo={returnTo} />
        </>
      )}
    </article>
  );
}

/** The "how was it working with …?" prompts of the last 14 days, one card per person. */
export function EndorsePrompts({ prompts, returnTo, title = "How did it go?" }: { prompts: EndorsementPrompt[]; returnTo: string; title?: string }) {
  if (prompts.length === 0) return null;
  return (
    <section aria-labelledby="endorse-heading" className="space-y-4" data-testid="endorse-prompts">
      <h3 id="endorse-heading" className={headingClass}>
        {title}
      </h3>
      <div className="space-y-4">
        {prompts.map((p) => (
          <PromptCard key={`${p.context.type}:${p.context.id}:${p.subject.handle}`} prompt={p} returnTo={returnTo} />
        ))}
      </div>
    </section>
  );
}

type LoaderProps = { only: { type: "workspace" | "opportunity"; id?: string }; returnTo: string; title?: string };

/** The signed-in person's prompts for one kind of context, or one context; nothing for anyone else. */
export async function EndorsePromptsFor({ only, returnTo, title }: LoaderProps) {
  const user = await getCurrentUser();
  if (!user) return null;
  const prompts = await endorsementPrompts(await getDb(), user, only);
  return <EndorsePrompts prompts={prompts} returnTo={returnTo} title={title} />;
}
