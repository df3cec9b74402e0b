import { MATCHING, type SignalWeights } from "./config";
import type { Ranked } from "./rank";
import type { MatchReason, Viewer } from "./types";

/** "a", "a and b", "a, b and c", "a, b, c and 2 more <noun>". */
export function listNames(names: string[], noun: string, max: number = MATCHING.namedItems): string {
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more ${noun}`;
  if (shown.length <= 1) return shown[0] ?? "";
  return `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function activityDetail(r: Ranked): string | null {
  const { artworks, sessions, postings } = r.person.recent;
  const parts = [
    artworks ? `shared ${plural(artworks, "new artwork", "new artworks")}` : "",
    sessions ? `took part in ${plural(sessions, "workspace session", "workspace sessions")}` : "",
    postings ? `posted ${plural(postings, "opportunity", "opportunities")}` : "",
  ].filter(Boolean);
  if (parts.length === 0) return null;
  const sentence = listNames(parts, "", parts.length);
  return `Active lately: ${sentence} in the last ${MATCHING.recentDays} days`;
}

function socialDetail(viewer: Viewer, r: Ranked, nameOf: (userId: string) => string | undefined): string | null {
  const proof = viewer.socialProof.get(r.person.userId);
  if (!proof || proof.count === 0) return null;
  const named = proof.via.map(nameOf).filter((n): n is string => Boolean(n));
  if (named.length === 0) return `Followed by ${plural(proof.count, "person", "people")} you follow`;
  const others = proof.count - named.length;
  if (others <= 0) return named.length === 1 ? `Followed by ${named[0]}, whom you follow` : `Followed by ${named.join(" and ")}, whom you follow`;
  return `Followed by ${named.join(", ")} and ${plural(others, "other person", "other people")} you follow`;
}

function kindDetail(viewer: Viewer): string {
  return viewer.kind === "creator"
    ? "Shows artists' work (a gallery, curator, venue or residency) — a counterpart for a creator like you"
    : "An artist whose work you could show, programme or host";
}

/**
 * The reasons behind a suggestion, strongest contribution first, each naming what is shared.
 * A signal that contributed nothing gives no reason.
 */
export function reasonsFor(viewer: Viewer, r: Ranked, weights: SignalWeights, nameOf: (userId: string) => string | undefined, ekohOn: boolean): MatchReason[] {
  const found: { weight: number; reason: MatchReason }[] = [];
  const add = (key: keyof SignalWeights, kind: MatchReason["kind"], detail: string | null) => {
    const weight = weights[key] * r.signals[key];
    if (detail && weight > 0) found.push({ weight, reason: { kind, detail } });
  };
  add("skills", "shared_skills", r.shared.skills.length ? `You both work in ${listNames(r.shared.skills, "skills")}` : null);
  add("tags", "shared_tags", r.shared.tags.length ? `You share the tags ${listNames(r.shared.tags.map((t) => `#${t}`), "tags")}` : null);
  add("complementaryKind", "complementary_kind", kindDetail(viewer));
  add("sameRegion", "same_region", r.person.card.region ? `Also based in ${r.person.card.region}` : null);
  add("socialProof", "followed_by_your_follows", socialDetail(viewer, r, nameOf));
  add("activity", "recent_activity", activityDetail(r));
  add("openToCollaboration", "open_to_collaboration", "Says they are open to collaboration");
  if (ekohOn) add("ekoh", "ekoh", `Well regarded on Ekoh (Smart-Vote): reputation ${Math.round(r.signals.ekoh * 100)} out of 100`);
  return found.sort((a, b) => b.weight - a.weight).map((f) => f.reason);
}
