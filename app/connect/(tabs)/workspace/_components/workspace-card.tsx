import Link from "next/link";
import type { RoomOccupancy, Workspace } from "@/lib/services/collaboration_workspace";
import { formatDateTime, handleList, personLabel, roomHref, SESSION_TYPE_LABEL } from "../_lib/format";

type Props = {
  workspace: Workspace;
  viewer: string;
  /** Display names by handle; people missing from it are shown by @handle. */
  names: Record<string, string>;
  occupancy?: RoomOccupancy | null;
};

/** One session in the list: what, with whom, when, and (once published) what came of it. */
export function WorkspaceCard({ workspace: w, viewer, names, occupancy = null }: Props) {
  const nameOf = (handle: string) => personLabel(names, handle, viewer);
  const live = w.status === "live";
  const art = w.finalArtwork;
  return (
    <article data-testid="workspace-card" data-status={w.status} className="flex gap-5 rounded-2xl border border-line bg-surface p-5">
      <div className="min-w-0 flex-1 space-y-2">
        <div className="flex flex-wrap items-center gap-2 text-xs font-semibold tracking-widest text-muted uppercase">
          <span>{SESSION_TYPE_LABEL[w.sessionType]}</span>
          {live ? (
            <span className="rounded-full bg-accent-soft px-2 py-0.5 tracking-normal text-accent normal-case">Live</span>
          ) : (
            <span className="rounded-full bg-sunken px-2 py-0.5 tracking-normal normal-case">Ended</span>
          )}
        </div>
        <h4 className="text-lg font-semibold tracking-tight break-words text-ink">
          <Link href={roomHref(w.id)} className="hover:underline hover:underline-offset-4">
            {w.name}
            <span className="sr-only">{live ? " (open the room)" : " (read the summary)"}</span>
          </Link>
        </h4>
        <p className="text-sm text-muted">
          Hosted by {nameOf(w.host)} · with {handleList(w.participants.filter((h) => h !== w.host), 4, nameOf) || "no one yet"}
        </p>
        <p className="text-sm text-muted">
          Started {formatDateTime(w.startedAt)}
          {w.endedAt ? ` · ended ${formatDateTime(w.endedAt)}` : ` · up to ${w.maxEditors} people draw at once`}
        </p>
        {occupancy ? (
          <p className="text-sm text-ink" data-testid="room-occupancy">
            {occupancy.participants.length
              ? `In the room: ${handleList(occupancy.participants.map((p) => p.handle), 4, nameOf)}`
              : "Nobody is in the room right now"}
            {` · ${occupancy.seatsFree} of ${w.maxEditors} seats free`}
          </p>
        ) : null}
      </div>
      {art ? (
        // eslint-disable-next-line @next/next/no-img-element -- stored renditions, already sized
        <img src={art.thumbnailUrl ?? art.mediaUrl} alt={`Final artwork: ${art.title}`} className="size-24 shrink-0 rounded-lg border border-line bg-white object-contain" loading="lazy" />
      ) : null}
    </article>
  );
}
