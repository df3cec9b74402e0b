import { LoadingView } from "@/app/_components/loading-view";

// Only the room page streams behind this; the session list renders whole (see the tabs layout).
export default function WorkspaceRoomLoading() {
  return <LoadingView label="Opening the session…" lines={4} />;
}
