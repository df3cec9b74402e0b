import type { Workspace } from "@/lib/services/collaboration_workspace";

// UTC so the server render and the browser agree; the time zone is named in the text.
const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export const formatDateTime = (iso: string) => `${dateTime.format(new Date(iso))} UTC`;
export const formatTime = (iso: string) => time.format(new Date(iso));

export const SESSION_TYPE_LABEL: Record<Workspace["sessionType"], string> = { dm: "One to one", group: "Group" };

export const roomHref = (id: string) => `/connect/workspace/${encodeURIComponent(id)}`;

/** A person's display name from `names`, their @handle when it is not there, and "you" for `viewer`. */
export function personLabel(names: Record<string, string>, handle: string, viewer?: string): string {
  return handle === viewer ? "you" : (names[handle] ?? `@${handle}`);
}

/** "@ana, @bo and 3 more" style list of handles (or of what `label` makes of them). */
export function handleList(handles: readonly string[], max = 4, label: (handle: string) => string = (h) => `@${h}`): string {
  const shown = handles.slice(0, max).map(label);
  const rest = handles.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}
