import type { ProfileCard } from "@/lib/services/professional_profile";
import type { MatchIntent } from "./config";

export type { MatchIntent } from "./config";

export type ReasonKind =
  | "shared_skills"
  | "shared_tags"
  | "complementary_kind"
  | "same_region"
  | "recent_activity"
  | "followed_by_your_follows"
  | "open_to_collaboration"
  | "ekoh";

/** Why someone is suggested: a kind for machines and a sentence for people. */
export type MatchReason = { kind: ReasonKind; detail: string };

/** One suggestion, as API.md documents it. */
export type Match = { profile: ProfileCard; score: number; reasons: MatchReason[] };

export type MatchList = { items: Match[] };

export type DismissReason = "not_relevant" | "dont_know" | "not_now";

/** A person as the index holds them (what ranking reads per candidate lives in the index's typed arrays). */
export type IndexedPerson = {
  userId: string;
  slot: number;
  card: ProfileCard;
  hidden: boolean;
  openToCollaboration: boolean;
  /** Term ids of the person's skills and tags (see PopulationIndex.termId). */
  skillTerms: number[];
  tagTerms: number[];
  /** Region key id, or -1 when the person gave none. */
  region: number;
  followers: number;
  /** Sum over activity events of 0.5^(age / half-life), as of the last stats refresh. */
  activity: number;
  recent: { artworks: number; sessions: number; postings: number };
  /** Latest sign of life (profile edit, artwork, session, posting), epoch ms. */
  lastActiveAt: number;
  updatedAt: number;
  createdAt: number;
};

/** The profile fields the index is built from (one row per profile). */
export type PersonRow = {
  userId: string;
  card: ProfileCard;
  hidden: boolean;
  openToCollaboration: boolean;
  updatedAt: number;
  createdAt: number;
};

/** Activity and popularity, recounted periodically. */
export type PersonStats = {
  followers: number;
  activity: number;
  recent: { artworks: number; sessions: number; postings: number };
  lastEventAt: number;
};

/** The viewer's side of a ranking, read fresh from the database for every computation. */
export type Viewer = {
  userId: string;
  kind: "creator" | "diffuser";
  skills: string[];
  tags: string[];
  region: string;
  /** Everyone who must not be suggested to this viewer for this intent (blocks, dismissals, follows for `follow`). */
  excluded: Set<string>;
  /** Candidate user id → how many of the viewer's follows follow them, and up to two of those follows' ids. */
  socialProof: Map<string, { count: number; via: string[] }>;
};

/** The optional reputation signal: scores in [0, 1] for the people asked about (missing = unknown). */
export interface EkohProvider {
  readonly name: string;
  scores(userIds: string[]): Promise<Map<string, number>>;
}
