"use client";

import { primaryButtonSmall, secondaryButton, textLink } from "@/app/_components/styles";
import type { RoomStatus } from "@/lib/realtime/room-client";

type Props = {
  status: RoomStatus;
  summaryHref: string;
  maxEditors: number;
  onSpectate: () => void;
  onRetry: () => void;
};

const calm = "rounded-xl border border-line bg-sunken px-4 py-3 text-sm text-ink";
const loud = "rounded-xl border border-accent/30 bg-accent-soft px-4 py-3 text-sm text-ink";
const bad = "rounded-xl border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-ink";

/** Says what the connection is doing and, when it stopped for good, why and what to do next. */
export function StatusBanner({ status, summaryHref, maxEditors, onSpectate, onRetry }: Props) {
  let body: React.ReactNode = null;
  switch (status) {
    case "open":
      body = <p className="sr-only">Connected to the room.</p>;
      break;
    case "connecting":
      body = <p className={calm}>Connecting to the room…</p>;
      break;
    case "reconnecting":
      body = <p className={calm}>The connection dropped. Reconnecting… what you draw and write meanwhile is kept and syncs when it is back.</p>;
      break;
    case "full":
      body = (
        <div className={loud}>
          <p className="font-medium">The room is full: {maxEditors} people are already drawing.</p>
          <p className="mt-1 text-muted">You can watch everything live as a spectator and take a seat when someone leaves.</p>
          <button type="button" onClick={onSpectate} className={`${primaryButtonSmall} mt-3`}>
            Watch as spectator
          </button>
        </div>
      );
      break;
    case "ended":
      body = (
        <div className={loud}>
          <p className="font-medium">This session has ended.</p>
          <p className="mt-1 text-muted">The host closed the room. The chat, notes and canvas are kept in the session summary.</p>
          {/* A full page load: the summary is a different page at the same address. */}
          <a href={summaryHref} className={`${textLink} mt-2 inline-block`}>
            See the session summary
          </a>
        </div>
      );
      break;
    case "unauthorized":
      body = (
        <div className={bad}>
          <p className="font-medium">The room did not let you in.</p>
          <p className="mt-1 text-muted">Your pass may have expired or you were removed from the session. Try again; if it keeps happening, sign in again.</p>
          <button type="button" onClick={onRetry} className={`${secondaryButton} mt-3`}>
            Try again
          </button>
        </div>
      );
      break;
    case "closed":
      body = (
        <div className={calm}>
          <p>You are not connected to the room.</p>
          <button type="button" onClick={onRetry} className={`${secondaryButton} mt-3`}>
            Reconnect
          </button>
        </div>
      );
      break;
  }
  const urgent = status === "full" || status === "ended" || status === "unauthorized";
  return (
    <div role={urgent ? "alert" : "status"} data-testid="room-status" data-status={status}>
      {body}
    </div>
  );
}
