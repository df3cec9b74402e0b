/** Shapes of the opportunity_announcement service, as API.md documents them (JSON-ready). */
import type { Artwork } from "@/lib/services/professional_profile";
import type { FairCall } from "./fair-call";

export type Actor = { id: string } | null;
export type OpportunityKind = "residency" | "exhibition" | "open_call" | "job";
export type OpportunityStatus = "open" | "closed" | "filled";

export type Attachment = { id: string; filename: string; contentType: string; size: number; url: string };

export type Compensation = { paid: boolean; amount?: number; currency?: string };
export type EntryFee = { amount: number; currency: string };

export type Opportunity = {
  id: string;
  title: string;
  kind: OpportunityKind;
  description: string;
  tags: string[];
  region: string;
  location: string | null;
  startsAt: string | null;
  endsAt: string | null;
  deadline: string | null;
  compensation: Compensation;
  entryFee: EntryFee | null;
  url: string | null;
  /** What every reader sees: `closed` once the deadline has passed, whatever was stored. */
  status: OpportunityStatus;
  owner: string;
  attachments: Attachment[];
  createdAt: string;
  /** Additions to API.md's shape. */
  updatedAt: string;
  fairCall: FairCall;
  /** Only for the owner: how many people applied, and who was selected once filled. */
  applicantCount?: number;
  selected?: string[];
};

export type Application = {
  id: string;
  opportunityId: string;
  applicant: string;
  applicantDisplayName: string;
  message: string;
  artworks: Artwork[];
  selected: boolean;
  createdAt: string;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

/** How the viewer relates to one posting; for the pages (not part of the public API). */
export type ViewerState = { isOwner: boolean; saved: boolean; application: Application | null; selected: boolean };
