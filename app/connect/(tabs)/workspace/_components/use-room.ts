"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { RoomClient, type PeerAwareness, type RoomStatus } from "@/lib/realtime/room-client";
import type { ChatMessage, Participant, RoomMode } from "@/lib/realtime/protocol";

export type Peer = PeerAwareness;

/**
 * Awareness changes many times a second; keeping it outside React state lets only the parts
 * that show it (cursors, "is typing") re-render.
 */
export class PeerStore {
  #peers = new Map<string, Peer>();
  #snapshot: Peer[] = [];
  #listeners = new Set<() => void>();

  set(peer: Peer) {
    this.#peers.set(peer.handle, peer);
    this.#emit();
  }

  /** Forgets people who left the room, so their cursor does not linger. */
  keepOnly(handles: Set<string>) {
    let changed = false;
    for (const handle of this.#peers.keys()) {
      if (!handles.has(handle)) changed = this.#peers.delete(handle) || changed;
    }
    if (changed) this.#emit();
  }

  subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = () => this.#snapshot;

  #emit() {
    this.#snapshot = [...this.#peers.values()];
    for (const listener of this.#listeners) listener();
  }
}

const NO_PEERS: Peer[] = [];
export function usePeers(store: PeerStore | null): Peer[] {
  return useSyncExternalStore(store?.subscribe ?? (() => () => {}), store?.getSnapshot ?? (() => NO_PEERS), () => NO_PEERS);
}

/** Re-renders on every document change (strokes added, erased, cleared). */
export function useDocVersion(client: RoomClient | null): number {
  const [version, setVersion] = useState(0);
  useEffect(() => client?.on("change", () => setVersion((v) => v + 1)), [client]);
  return version;
}

/** A fresh socket URL for each connection attempt; a refusal carries its HTTP status (410 ended, 403 not invited). */
async function roomUrl(id: string, mode: RoomMode): Promise<string> {
  const response = await fetch(`/api/v1/workspaces/${encodeURIComponent(id)}/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ mode }),
  });
  if (!response.ok) throw Object.assign(new Error(`The room pass was refused (HTTP ${response.status}).`), { status: response.status });
  const body = (await response.json()) as { url: string };
  return body.url;
}

/**
 * One live connection to a workspace room in the given mode. Changing `mode` or `attempt`
 * closes the socket and opens a new one (a spectator taking a seat, a retry).
 */
export function useRoom(id: string, mode: RoomMode, attempt: number) {
  const [client, setClient] = useState<RoomClient | null>(null);
  const [peers, setPeers] = useState<PeerStore | null>(null);
  const [status, setStatus] = useState<RoomStatus>("connecting");
  const [participants, setParticipants] = useState<Participant[]>([]);
  const [you, setYou] = useState<Participant | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const store = new PeerStore();
    const room = new RoomClient({ getUrl: () => roomUrl(id, mode) });
    const present = (list: Participant[]) => {
      setParticipants(list);
      setYou(room.you);
      store.keepOnly(new Set(list.map((p) => p.handle)));
    };
    const off = [
      room.on("status", setStatus),
      room.on("welcome", present),
      room.on("presence", present),
      room.on("chat", (m) => setMessages((list) => (list.some((x) => x.id === m.id) ? list : [...list, m]))),
      room.on("awareness", (a) => {
        if (a.handle !== room.you?.handle) store.set(a);
      }),
      room.on("error", (e) => setError(e.message)),
    ];
    setClient(room);
    setPeers(store);
    room.connect();
    return () => {
      for (const stop of off) stop();
      room.close();
    };
  }, [id, mode, attempt]);

  const editors = participants.filter((p) => p.role === "editor").length;
  return { client, peers, status, participants, you, messages, error, clearError: () => setError(null), editors };
}
