import type { Participant } from "@/lib/realtime/protocol";
import { useNameOf } from "./names";

type Props = { participants: Participant[]; invited: string[]; host: string; you: string; maxEditors: number; connected: boolean };

/** Who is here and in which role, how many seats are free, and who was invited but is away. */
export function ParticipantList({ participants: known, invited, host, you, maxEditors, connected }: Props) {
  // The last list heard is stale once the socket is gone.
  const nameOf = useNameOf();
  const participants = connected ? known : [];
  const editors = participants.filter((p) => p.role === "editor").length;
  const here = new Set(participants.map((p) => p.handle));
  const away = invited.filter((h) => !here.has(h));
  const free = Math.max(0, maxEditors - editors);
  return (
    <section aria-labelledby="people-heading" className="space-y-3">
      <div className="flex items-baseline justify-between gap-3">
        <h3 id="people-heading" className="text-sm font-semibold text-ink">
          In the room
        </h3>
        <p className="text-xs text-muted" data-testid="seats" data-free={free}>
          {connected ? `${free} of ${maxEditors} seats free` : "Not connected"}
        </p>
      </div>
      <ul className="space-y-1.5 text-sm" data-testid="participants">
        {participants.map((p) => (
          <li key={p.handle} className="flex items-center justify-between gap-3" data-role={p.role}>
            <span className="truncate text-ink">
              <span aria-hidden="true" className={`mr-2 inline-block size-2 rounded-full ${p.role === "editor" ? "bg-accent" : "bg-field"}`} />
              {nameOf(p.handle)} <span className="text-muted">@{p.handle}</span>
              {p.handle === you ? <span className="text-muted"> (you)</span> : null}
            </span>
            <span className="shrink-0 text-xs text-muted">
              {p.handle === host ? "Host · " : ""}
              {p.role === "editor" ? "Drawing" : "Watching"}
            </span>
          </li>
        ))}
        {connected && participants.length === 0 ? <li className="text-muted">No one yet.</li> : null}
      </ul>
      {connected && away.length ? (
        <p className="text-xs text-muted">
          Invited, not here: {away.map(nameOf).join(", ")}
        </p>
      ) : null}
    </section>
  );
}
