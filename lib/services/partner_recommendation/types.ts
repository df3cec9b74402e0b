import type { EndorsementContextType } from "@/lib/validation/endorsements";
import type { EndorsementStatus } from "./rules";

/** Shapes of the partner_recommendation service, as API.md documents them (JSON-ready). */

export type Actor = { id: string };
/** Who is reading: null for anonymous visitors. */
export type Viewer = { id: string } | null;

export type { EndorsementStatus, EndorsementContextType };

/** The author's part in the context: a workspace participant, or the owner / a selected person of a filled call. */
export type ContextRole = "participant" | "owner" | "selected";

export type EndorsementContext = {
  type: EndorsementContextType;
  id: string;
  /** The session's name or the opportunity's title. */
  title: string;
  role: ContextRole;
  concludedAt: string;
};

export type PersonRef = { handle: string; displayName: string; avatarUrl: string | null };

/** One endorsement as readers see it. The private note is never part of it. */
export type Endorsement = {
  id: string;
  status: EndorsementStatus;
  author: PersonRef;
  subject: string;
  context: EndorsementContext;
  rating: number;
  skills: { skill: string; score: number }[];
  text: string;
  createdAt: string;
  /** When it became visible; null while pending. */
  publishedAt: string | null;
  reply: { text: string; at: string } | null;
};

export type EndorsementSummary = {
  count: number;
  averageRating: number | null;
  skills: { skill: string; count: number; average: number }[];
};

export type EndorsementPage = { items: Endorsement[]; nextCursor: string | null; summary: EndorsementSummary };

/** The numbers a profile's `stats` carry. */
export type EndorsementStats = { endorsements: number; averageRating: number | null; verifiedCoCreations: number };

/** "How was it working with …?": one co-participant of a recently concluded context. */
export type EndorsementPrompt = {
  context: EndorsementContext;
  /** Endorsing closes (and pending endorsements publish) at this time. */
  closesAt: string;
  subject: PersonRef & { skills: string[] };
  /** What the actor already wrote about them here, if anything. */
  mine: { id: string; status: EndorsementStatus } | null;
};
