"use client";

import { useEffect, useMemo, useState } from "react";
import { primaryButtonSmall } from "@/app/_components/styles";
import type { Stroke } from "@/lib/realtime/archive";
import type { RoomMode } from "@/lib/realtime/protocol";
import { roomHref } from "../_lib/format";
import { CanvasBoard, type Tool } from "./canvas-board";
import { CanvasToolbar } from "./canvas-toolbar";
import { ChatPanel } from "./chat-panel";
import { ExportButtons } from "./export-buttons";
import { EndSessionControl } from "./host-controls";
import { NamesProvider } from "./names";
import { NotesPanel } from "./notes-panel";
import { ParticipantList } from "./participant-list";
import { StatusBanner } from "./status-banner";
import { useDocVersion, useRoom } from "./use-room";

type Props = {
  workspace: { id: string; name: string; host: string; participants: string[]; maxEditors: number };
  viewer: string;
  /** Display names of the session's members by handle. */
  names: Record<string, string>;
};

const panel = "rounded-2xl border border-line bg-surface p-5";

/** True when a key press belongs to a text field (its own undo), not to the canvas. */
const inTextField = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** The live room: canvas, chat, notes and who is here, over one socket. */
export function Room({ workspace, viewer, names }: Props) {
  const [mode, setMode] = useState<RoomMode>("edit");
  const [attempt, setAttempt] = useState(0);
  const [tool, setTool] = useState<Tool>({ kind: "pen", color: "#1c1b19", width: 6 });
  const room = useRoom(workspace.id, mode, attempt);
  const { client, peers } = room;
  const version = useDocVersion(client);
  // `version` is the signal that the Y.Map changed; the map object itself stays the same.
  const strokes = useMemo<Stroke[]>(() => (client ? [...client.strokes.values()] : []), [client, version]);

  const { status } = room;
  const open = status === "open";
  const spectating = open && room.you?.role === "spectator";
  // While reconnecting, drawing and notes go on locally; the client sends them once back.
  const canEdit = (open || status === "reconnecting") && room.you?.role === "editor";
  const isHost = viewer === workspace.host;
  const seatFree = room.editors < workspace.maxEditors;

  useEffect(() => {
    if (!client || !canEdit) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || inTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "z" && !event.shiftKey) client.undo();
      else if ((key === "z" && event.shiftKey) || key === "y") client.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [client, canEdit]);

  return (
    <NamesProvider value={names}>
    <div className="space-y-6" data-testid="room" data-mode={mode}>
      <StatusBanner status={status} summaryHref={roomHref(workspace.id)} maxEditors={workspace.maxEditors}
        onSpectate={() => setMode("spectate")} onRetry={() => setAttempt((n) => n + 1)} />
      {spectating ? (
        <div data-testid="spectator-note" className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-line bg-sunken px-4 py-3 text-sm text-ink">
          <p>You are watching; a seat frees up when an editor leaves.</p>
          {seatFree ? (
            <button type="button" onClick={() => setMode("edit")} className={primaryButtonSmall}>
              Take a seat
            </button>
          ) : null}
        </div>
      ) : null}
      {room.error ? (
        <p role="alert" className="flex items-center justify-between gap-3 rounded-xl border border-danger/30 bg-danger-soft px-4 py-2 text-sm text-danger">
          {room.error}
          <button type="button" onClick={room.clearError} className="text-xs underline">Dismiss</button>
        </p>
      ) : null}

      <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
        <section aria-labelledby="canvas-heading" className={`${panel} space-y-4 self-start`}>
          <h3 id="canvas-heading" className="sr-only">Canvas</h3>
          <CanvasToolbar tool={tool} onTool={setTool} disabled={!canEdit} isHost={isHost}
            onUndo={() => client?.undo()} onRedo={() => client?.redo()} onClear={() => client?.clearCanvas()} />
          {client && peers ? (
            <CanvasBoard client={client} strokes={strokes} peers={peers} tool={tool} canEdit={canEdit}
              label={`Shared canvas of ${workspace.name}: ${strokes.length} ${strokes.length === 1 ? "stroke" : "strokes"}`} />
          ) : null}
          <div className="flex flex-wrap items-center justify-between gap-4">
            <ExportButtons strokes={strokes} title={workspace.name} />
            {isHost ? <EndSessionControl workspaceId={workspace.id} /> : null}
          </div>
        </section>
        <aside className="space-y-6">
          <div className={panel}>
            <ParticipantList participants={room.participants} invited={workspace.participants} host={workspace.host} you={viewer}
              maxEditors={workspace.maxEditors} connected={open} />
          </div>
          <div className={panel}>
            <ChatPanel messages={room.messages} you={viewer} canSend={open && canEdit} onSend={(text) => client?.sendChat(text)} />
          </div>
          {client && peers ? (
            <div className={panel}>
              <NotesPanel client={client} peers={peers} canEdit={canEdit} />
            </div>
          ) : null}
        </aside>
      </div>
    </div>
    </NamesProvider>
  );
}
