// collaboration_workspace: sessions, membership, room tokens, the end, the room's archive and the final artwork.
// One module per concern; import the service from "@/lib/services/collaboration_workspace".
export * from "./types";
export { getWorkspace, listWorkspaces } from "./read";
export { createWorkspace, inviteParticipant, inviteToWorkspace } from "./membership";
export { issueRoomToken } from "./tokens";
export { archiveCallbackUrl, endWorkspace, realtimeFromEnv } from "./end";
export { archiveRoom, getCanvas, getTranscript, listTranscript, type ArchiveResult } from "./archive";
export { artworkCredits, publishFinalArtwork } from "./final-artwork";
export { roomOccupancy, type RoomOccupancy } from "./presence";
