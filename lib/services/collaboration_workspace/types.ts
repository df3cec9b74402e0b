import type { COLLAB_CANVAS_MAX_USERS } from "@/lib/config";
import type { SessionUser } from "@/lib/services/accounts";
import type { Artwork } from "@/lib/services/professional_profile";

/** Shapes of the collaboration_workspace service, as API.md documents them (JSON-ready). */

export type Actor = Pick<SessionUser, "id" | "handle">;

export type Workspace = {
  id: string;
  name: string;
  sessionType: "dm" | "group";
  host: string;
  participants: string[];
  status: "live" | "ended";
  startedAt: string;
  endedAt: string | null;
  maxEditors: typeof COLLAB_CANVAS_MAX_USERS;
  finalArtwork: Artwork | null;
  /** The shared notes once the room has handed them over after the end; null before (so null also means "not archived yet"). */
  notes: string | null;
};

export type RoomToken = { token: string; url: string; expiresAt: string };

export type TranscriptMessage = { id: string; author: string; text: string; at: string };

/** How the app reaches the room server: its socket base URL, the shared secret and the app's own base URL (for the archive callback). */
export type RealtimeSettings = { baseUrl: string; secret: string };
export type RoomAdminSettings = RealtimeSettings & { appUrl: string; timeoutMs?: number };

/** People in one session (host included). Invitations beyond it are refused with 409. */
export const MAX_PARTICIPANTS = 50;
