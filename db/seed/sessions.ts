import { COLLAB_CANVAS_MAX_USERS } from "@/lib/config";
import type { SeedArtwork, SeedPerson } from "./people";
import type { Random } from "./random";
import { sessionName } from "./works";

export type SeedSession = {
  id: string;
  name: string;
  hostId: string;
  sessionType: "dm" | "group";
  startedAt: Date;
  endedAt: Date | null;
  finalArtworkId: string | null;
  /** Ended sessions come with what their room archived: notes and a short chat. */
  archivedAt: Date | null;
  notes: string | null;
  participants: { userId: string; invitedAt: Date; invitedBy: string | null }[];
  transcript: SeedMessage[];
};

export type SeedMessage = { id: string; position: number; authorId: string; author: string; text: string; at: Date };

const CHAT = [
  "Morning all! I pinned the references in the notes.",
  "Love that colour. Can we push it a little warmer?",
  "I'll take the left half of the canvas.",
  "Let's keep the palette to three colours.",
  "Does anyone have the final dimensions?",
  "Looks great from here.",
  "Trying a looser line on the background.",
  "Can we keep this layout for the print?",
  "I'll write up the plan after this.",
  "Thanks everyone, good session.",
] as const;

const NOTES = [
  "Palette: ochre, teal, off-white.\nNext: share sizes and a deadline.",
  "Decisions: one shared sketch, two print runs.\nTo do: ask the venue about the wall.",
  "Ideas: tide lines, harbour lights, maps.\nFollow-up next week.",
] as const;

const MINUTE = 60 * 1000;

/**
 * Workspace history: mostly ended sessions spread over the last 18 months, a few still live.
 * Dormant people never appear; active ones and people sharing the host's tags appear most.
 * The demo account (people[0]) hosts a live group, hosts a direct session and joins a group.
 */
export function buildSessions(rng: Random, people: SeedPerson[], artworks: SeedArtwork[], count: number, now: number): SeedSession[] {
  const [demo] = people;
  const eligible = people.filter((p) => p.activity !== "dormant" && p !== demo);
  const liveCount = Math.max(1, Math.round(count * 0.13));
  const sessions: SeedSession[] = [];
  for (let i = 0; i < count; i++) {
    const withDemo = demo !== undefined && i < 3;
    // The demo hosts a live group (0), had a direct session (1) and joined a group (2).
    const live = i === 0 || (i >= 3 && i < 3 + liveCount - 1);
    const sessionType = i === 0 ? "group" : i === 1 ? "dm" : i === 2 ? "group" : rng.chance(0.4) ? "dm" : "group";
    const size = sessionType === "dm" ? 2 : rng.int(3, COLLAB_CANVAS_MAX_USERS);
    let startedAt = 0;
    let candidates: SeedPerson[] = [];
    for (let attempt = 0; attempt < 20 && candidates.length < size; attempt++) {
      startedAt = live ? now - rng.int(5, 72 * 60) * MINUTE : now - rng.int(3 * 60, 540 * 24 * 60) * MINUTE;
      const at = startedAt;
      candidates = eligible.filter((p) => p.createdAt.getTime() < at - 24 * 60 * MINUTE && p.lastActiveAt.getTime() > at - 45 * 24 * 60 * MINUTE);
    }
    const host = withDemo && i < 2 ? demo : candidates.length > 0 ? rng.weighted(candidates, candidates.map((p) => (p.activity === "active" ? 3 : 1))) : undefined;
    if (!host) continue;
    const pool = candidates.filter((p) => p !== host);
    const shared = (p: SeedPerson) => p.tags.filter((t) => host.tags.includes(t)).length;
    const wanted = size - 1 - (withDemo && host !== demo ? 1 : 0);
    const others = rng.weightedSample(pool, pool.map((p) => 1 + 2 * shared(p) + (p.activity === "active" ? 2 : 0)), wanted);
    if (withDemo && host !== demo) others.push(demo);
    if (others.length < size - 1 && (sessionType === "dm" || others.length < 2)) continue;
    const members = [host, ...others];
    const endedAt = live ? null : new Date(Math.min(now, startedAt + rng.int(20, 300) * MINUTE));
    const ids = new Set(members.map((m) => m.id));
    const made = artworks.filter((a) => ids.has(a.artistId) && a.createdAt.getTime() >= startedAt);
    const finalArtwork = !live && sessionType === "group" && made.length > 0 && rng.chance(0.5) ? made[0] : undefined;
    sessions.push({
      id: rng.uuid(),
      name: sessionName(rng, sessionType, members.map((m) => m.shortName)).slice(0, 120),
      hostId: host.id,
      sessionType,
      startedAt: new Date(startedAt),
      endedAt,
      finalArtworkId: finalArtwork?.id ?? null,
      archivedAt: endedAt ? new Date(endedAt.getTime() + 1000) : null,
      notes: null,
      participants: members.map((m, k) => ({ userId: m.id, invitedAt: new Date(startedAt + k * rng.int(5, 90) * 1000), invitedBy: k === 0 ? null : host.id })),
      transcript: [],
    });
  }
  // Chat comes from its own generator, drawn after the sessions, so adding it changed none of them.
  const chat = rng.fork();
  const byId = new Map(people.map((p) => [p.id, p]));
  for (const session of sessions) {
    if (!session.endedAt) continue;
    session.notes = chat.pick(NOTES);
    const span = session.endedAt.getTime() - session.startedAt.getTime();
    const lines = chat.int(3, 6);
    for (let position = 0; position < lines; position++) {
      const author = byId.get(chat.pick(session.participants).userId)!;
      const at = new Date(session.startedAt.getTime() + Math.floor((span * (position + 1)) / (lines + 1)));
      session.transcript.push({ id: chat.uuid(), position, authorId: author.id, author: author.handle, text: chat.pick(CHAT), at });
    }
  }
  return sessions;
}
