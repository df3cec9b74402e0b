import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { textLink } from "@/app/_components/styles";
import { getCanvas, getTranscript } from "@/lib/services/collaboration_workspace";
import { displayNamesByHandles } from "@/lib/services/professional_profile";
import { formatDateTime, handleList, personLabel, roomHref, SESSION_TYPE_LABEL } from "../_lib/format";
import { Room } from "../_components/room";
import { SessionSummary } from "../_components/session-summary";
import { loadWorkspace } from "../load";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspace } = await loadWorkspace((await params).id);
  return { title: workspace ? workspace.name : "Workspace" };
}

export default async function WorkspaceRoomPage({ params }: Props) {
  const { id } = await params;
  const { db, user, workspace: w } = await loadWorkspace(id);
  if (!user) redirect(`/connect/signin?callbackUrl=${encodeURIComponent(roomHref(id))}`);
  if (!w) notFound();
  const live = w.status === "live";
  const [transcript, strokes, names] = await Promise.all([
    live ? [] : getTranscript(db, user, w.id),
    live ? [] : getCanvas(db, user, w.id),
    // The members' names, read only once the service has let this viewer see the session.
    displayNamesByHandles(db, [w.host, ...w.participants]),
  ]);
  const nameOf = (handle: string) => personLabel(names, handle, user.handle);

  return (
    <article aria-labelledby="workspace-title" className="space-y-6" data-testid="workspace" data-status={w.status}>
      <p className="text-sm">
        <Link href="/connect/workspace" className={textLink}>
          ← All sessions
        </Link>
      </p>
      <header className="space-y-2">
        <p className="text-xs font-semibold tracking-widest text-muted uppercase">
          {SESSION_TYPE_LABEL[w.sessionType]} session · {live ? "Live" : "Ended"}
        </p>
        <h2 id="workspace-title" className="text-3xl font-semibold tracking-tight break-words text-ink">
          {w.name}
        </h2>
        <p className="text-sm text-muted">
          Hosted by {nameOf(w.host)} · with {handleList(w.participants.filter((h) => h !== w.host), 8, nameOf) || "no one yet"} · started {formatDateTime(w.startedAt)}
        </p>
      </header>
      {live ? (
        <Room workspace={{ id: w.id, name: w.name, host: w.host, participants: w.participants, maxEditors: w.maxEditors }} viewer={user.handle} names={names} />
      ) : (
        <SessionSummary workspace={w} transcript={transcript} strokes={strokes} viewer={user.handle} names={names} />
      )}
    </article>
  );
}
