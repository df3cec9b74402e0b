import Link from "next/link";
import { textLink } from "@/app/_components/styles";
import type { Stroke } from "@/lib/realtime/archive";
import type { Workspace } from "@/lib/services/collaboration_workspace";
import { formatDateTime, formatTime, personLabel, roomHref } from "../_lib/format";
import { ArchiveWaiter } from "./archive-waiter";
import { EndorsePromptsFor } from "./endorse-prompts";
import { ExportButtons } from "./export-buttons";
import { PublishArtworkForm } from "./host-controls";

type Entry = { id: string; author: string; text: string; at: string };
type Props = {
  workspace: Workspace;
  transcript: Entry[];
  strokes: readonly Stroke[];
  viewer: string;
  /** Display names of the session's members by handle. */
  names: Record<string, string>;
};

const headingClass = "border-b border-line pb-3 text-xs font-semibold tracking-widest text-muted uppercase";

/** An ended session: what was made, said and written, kept for everyone who took part. */
export function SessionSummary({ workspace: w, transcript, strokes, viewer, names }: Props) {
  const nameOf = (handle: string) => personLabel(names, handle);
  const art = w.finalArtwork;
  const isHost = viewer === w.host;
  // The room hands its archive over shortly after the end; until then notes are null.
  const archived = w.notes !== null;
  return (
    <div className="space-y-10" data-testid="session-summary">
      <p role="status" data-testid="room-status" data-status="ended" className="rounded-xl border border-line bg-sunken px-4 py-3 text-sm text-ink">
        This session ended{w.endedAt ? ` on ${formatDateTime(w.endedAt)}` : ""}. The room is closed; what was made in it is kept here.
      </p>
      {archived ? null : <ArchiveWaiter />}
      <EndorsePromptsFor only={{ type: "workspace", id: w.id }} returnTo={roomHref(w.id)} title="How was it working together?" />

      <section aria-labelledby="artwork-heading" className="space-y-4">
        <h3 id="artwork-heading" className={headingClass}>
          Final artwork
        </h3>
        {art ? (
          <figure className="space-y-3" data-testid="final-artwork">
            {/* eslint-disable-next-line @next/next/no-img-element -- stored rendition, already sized */}
            <img src={art.mediaUrl} alt={art.altText || `${art.title}, drawn together in ${w.name}`} className="w-full max-w-3xl rounded-xl border border-line bg-white" />
            <figcaption className="text-sm text-muted">
              <span className="font-medium text-ink">{art.title}</span> · published to the profiles of everyone who drew.{" "}
              <a href={art.mediaUrl} download className={textLink}>
                Download
              </a>
            </figcaption>
          </figure>
        ) : isHost && archived ? (
          <div className="max-w-md space-y-3">
            <p className="text-sm text-muted">Publish the canvas as an artwork. It is credited to everyone who drew on it and appears on their profiles.</p>
            <PublishArtworkForm workspaceId={w.id} defaultTitle={w.name} />
          </div>
        ) : isHost ? (
          <p className="text-sm text-muted">You can publish the canvas as soon as the room has handed it over.</p>
        ) : (
          <p className="text-sm text-muted">The host, {nameOf(w.host)}, has not published the canvas yet. Once they do, it appears here and on your profile if you drew on it.</p>
        )}
        {strokes.length ? <ExportButtons strokes={strokes} title={w.name} /> : null}
      </section>

      <div className="grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="notes-heading" className="space-y-4">
          <h3 id="notes-heading" className={headingClass}>
            Notes
          </h3>
          {w.notes ? (
            <div data-testid="summary-notes" className="rounded-xl border border-line bg-surface p-4 text-sm leading-relaxed break-words whitespace-pre-wrap text-ink">
              {w.notes}
            </div>
          ) : (
            <p className="text-sm text-muted">No notes were written.</p>
          )}
        </section>

        <section aria-labelledby="transcript-heading" className="space-y-4">
          <h3 id="transcript-heading" className={headingClass}>
            Chat transcript
          </h3>
          {transcript.length ? (
            <ol className="space-y-3 text-sm" data-testid="transcript">
              {transcript.map((m) => (
                <li key={m.id}>
                  <Link href={`/profile/${m.author}`} className="font-medium text-ink hover:underline">
                    {nameOf(m.author)}
                  </Link>{" "}
                  <time dateTime={m.at} className="text-xs text-muted">
                    {formatTime(m.at)} UTC
                  </time>
                  <p className="break-words whitespace-pre-wrap text-ink">{m.text}</p>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-muted">No one wrote in the chat.</p>
          )}
        </section>
      </div>
    </div>
  );
}
