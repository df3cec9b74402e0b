/** Shapes of the professional_profile service, as API.md documents them (JSON-ready). */

export type Actor = { id: string } | null;

export type ProfileKind = "creator" | "diffuser";
export type ProfileVisibility = "public" | "members" | "hidden";
export type ProfileLink = { label: string; url: string };

export type Artwork = {
  id: string;
  title: string;
  style: string;
  mediaType: string;
  /** Display-size rendition. */
  mediaUrl: string;
  thumbnailUrl: string | null;
  width: number | null;
  height: number | null;
  altText: string;
  downloadable: boolean;
  aiTrainingConsent: boolean;
  tags: string[];
  artist: string;
  createdAt: string;
};

export type ProfileStats = {
  followers: number;
  following: number;
  /** Published endorsements received (partner_recommendation). */
  endorsements: number;
  /** Their average rating, two decimals; null without any. */
  averageRating: number | null;
  /** Ended sessions with a published final artwork that they joined with someone else. */
  verifiedCoCreations: number;
};

export type Profile = {
  id: string;
  handle: string;
  displayName: string;
  kind: ProfileKind;
  headline: string;
  bio: string;
  skills: string[];
  tags: string[];
  region: string;
  links: ProfileLink[];
  openToCollaboration: boolean;
  avatarUrl: string | null;
  visibility: ProfileVisibility;
  artworks: Artwork[];
  stats: ProfileStats;
  createdAt: string;
};

/** How the viewer relates to a profile; for the page's buttons (not part of the public API). */
export type Relationship = {
  isSelf: boolean;
  following: boolean;
  followsYou: boolean;
  blockedByYou: boolean;
};

export type ProfileCard = {
  handle: string;
  displayName: string;
  kind: ProfileKind;
  headline: string;
  skills: string[];
  tags: string[];
  region: string;
  avatarUrl: string | null;
};
