import { cityOf, NAMES, REGIONS, type Lang } from "./data";
import { artworkMediaFile } from "./images";
import type { Random } from "./random";
import {
  ARTISTIC_SKILLS, ARTISTIC_WEIGHTS, ARTWORK_STYLES, PROFESSIONAL_SKILLS, PROFESSIONAL_WEIGHTS,
  TAG_WEIGHTS, TAGS, type ArtworkStyle,
} from "./skills";
import { asciiWords, writeBio, writeHeadline, type TextInput, type Voice } from "./text";
import { ORG_KINDS, type OrgKind } from "./words";
import { artworkTitle, orgName } from "./works";

export type Activity = "active" | "casual" | "dormant";

export type SeedPerson = {
  id: string;
  email: string;
  handle: string;
  displayName: string;
  /** What others call them in a session name: a first name, or the organisation's name. */
  shortName: string;
  kind: "creator" | "diffuser";
  headline: string;
  bio: string;
  skills: string[];
  region: string;
  openToCollaboration: boolean;
  tags: string[];
  lang: Lang;
  activity: Activity;
  createdAt: Date;
  lastActiveAt: Date;
};

export type SeedArtwork = {
  id: string;
  artistId: string;
  title: string;
  style: ArtworkStyle;
  mediaFile: string;
  imageSeed: number;
  tags: string[];
  createdAt: Date;
};

export const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365 * DAY;

export const DEMO = {
  email: "demo@kontact.local",
  handle: "demo",
  displayName: "Demo Artist",
  region: "Lisbon, PT",
  skills: ["painting", "printmaking", "risograph", "collage", "grant writing"],
  tags: ["colour", "memory", "landscape", "community", "zine-culture", "climate"],
  headline: "Painter and printmaker · risograph, collage and a lot of colour",
  bio:
    "Painter and printmaker based in Lisbon. I work between large colour-field canvases and small risograph editions, " +
    "and most projects start as collages made from found maps and market flyers.\n\n" +
    "Recent work looks at memory and landscape along the Tagus. I run a monthly zine night and I am always up for a " +
    "shared canvas: write to me if you want to make something together.",
};

/** Keeps handles unique and within ^[a-z0-9_-]{3,30}$. */
export function handleMaker() {
  const taken = new Set<string>([DEMO.handle]);
  return (candidates: string[]): string => {
    const clean = candidates.map((c) => c.replace(/[^a-z0-9_-]/g, "").slice(0, 30)).filter((c) => c.length >= 3);
    const free = clean.find((c) => !taken.has(c));
    let handle = free;
    for (let n = 2; !handle; n++) {
      const base = (clean[0] ?? "member").slice(0, 30 - String(n).length);
      if (!taken.has(`${base}${n}`)) handle = `${base}${n}`;
    }
    taken.add(handle);
    return handle;
  };
}

function personHandles(rng: Random, first: string, last: string): string[] {
  const f = asciiWords(first).join("");
  const l = asciiWords(last).join("");
  const variants = [`${f}${l}`, `${f}_${l}`, `${f}-${l}`, `${f.charAt(0)}${l}`, `${l}_${f}`, `${f}_studio`, `${f}${l}_art`];
  return rng.shuffle(variants.slice(0, 5)).concat(variants.slice(5));
}

function activityDates(rng: Random, now: number): { activity: Activity; createdAt: Date; lastActiveAt: Date } {
  const created = now - rng.int(2, 3 * 365) * DAY - rng.int(0, DAY);
  const age = now - created;
  const r = rng.next();
  // Dormant: signed up long ago and went quiet within two months.
  if (r < 0.2 && age > 240 * DAY) return { activity: "dormant", createdAt: new Date(created), lastActiveAt: new Date(created + rng.int(1, 60) * DAY) };
  if (r < 0.55) return { activity: "active", createdAt: new Date(created), lastActiveAt: new Date(Math.max(created, now - rng.int(0, 21) * DAY - rng.int(0, DAY))) };
  return { activity: "casual", createdAt: new Date(created), lastActiveAt: new Date(Math.max(created, now - rng.int(20, 200) * DAY)) };
}

function pickSkills(rng: Random, kind: SeedPerson["kind"], activity: Activity): string[] {
  const few = activity === "dormant";
  if (kind === "creator") {
    const own = rng.weightedSample(ARTISTIC_SKILLS, ARTISTIC_WEIGHTS, few ? rng.int(1, 3) : rng.int(2, 7));
    return rng.chance(0.25) ? [...own, ...rng.weightedSample(PROFESSIONAL_SKILLS, PROFESSIONAL_WEIGHTS, 1)] : own;
  }
  const own = rng.weightedSample(PROFESSIONAL_SKILLS, PROFESSIONAL_WEIGHTS, few ? rng.int(1, 3) : rng.int(2, 6));
  return rng.chance(0.2) ? [...own, ...rng.weightedSample(ARTISTIC_SKILLS, ARTISTIC_WEIGHTS, 1)] : own;
}

/** Everyone but the demo account: about 75% creators and 25% diffusers. */
export function buildPeople(rng: Random, count: number, now: number): SeedPerson[] {
  const makeHandle = handleMaker();
  const diffusers = Math.round(count * 0.25);
  const kinds = rng.shuffle(Array.from({ length: count }, (_, i) => (i < diffusers ? "diffuser" : "creator") as SeedPerson["kind"]));
  const cultures = Object.keys(NAMES);
  return kinds.map((kind) => {
    const region = rng.weighted(REGIONS, REGIONS.map((r) => r.weight));
    const names = NAMES[rng.chance(0.8) ? region.culture : rng.pick(cultures)]!;
    const lang: Lang = region.lang !== "en" && rng.chance(0.15) ? "en" : region.lang;
    const city = cityOf(region.name);
    const dates = activityDates(rng, now);
    const first = rng.pick(names.first);
    const last = rng.pick(names.last);
    let voice: Voice = "creator";
    let orgKind: OrgKind | undefined;
    let displayName = `${first} ${last}`;
    let handleOptions = personHandles(rng, first, last);
    if (kind === "diffuser" && rng.chance(0.6)) {
      voice = "org";
      orgKind = rng.weighted(ORG_KINDS, [3, 2, 1, 1, 2]);
      displayName = orgName(rng, orgKind, lang, city);
      const words = asciiWords(displayName);
      handleOptions = [words.join(""), words.join("-"), words.join("_"), [...words, ...asciiWords(city)].join("-")];
    } else if (kind === "diffuser") {
      voice = "curator";
    }
    const skills = pickSkills(rng, kind, dates.activity);
    const tags = rng.weightedSample(TAGS, TAG_WEIGHTS, rng.int(2, 8));
    const open = rng.chance(dates.activity === "dormant" ? 0.35 : 0.66);
    const text: TextInput = { lang, voice, city, localCity: lang === region.lang, skills, tags, org: displayName, orgKind, open, brief: dates.activity === "dormant" };
    const handle = makeHandle(handleOptions);
    return {
      id: rng.uuid(),
      email: `${handle}@demo.kontact.local`,
      handle,
      displayName: displayName.slice(0, 80),
      shortName: voice === "org" ? displayName : first,
      kind,
      headline: writeHeadline(rng, text),
      bio: writeBio(rng, text).slice(0, 4000),
      skills,
      region: region.name,
      openToCollaboration: open,
      tags,
      lang,
      ...dates,
    };
  });
}

export function buildDemo(rng: Random, now: number): SeedPerson {
  return {
    id: rng.uuid(),
    email: DEMO.email,
    handle: DEMO.handle,
    displayName: DEMO.displayName,
    shortName: "Demo",
    kind: "creator",
    headline: DEMO.headline,
    bio: DEMO.bio,
    skills: DEMO.skills,
    region: DEMO.region,
    openToCollaboration: true,
    tags: DEMO.tags,
    lang: "en",
    activity: "active",
    createdAt: new Date(now - 2 * YEAR),
    lastActiveAt: new Date(now - 2 * 60 * 60 * 1000),
  };
}

const ARTWORK_COUNT_WEIGHTS = [0.08, 0.12, 0.16, 0.2, 0.18, 0.14, 0.12]; // 0..6 works, ~3.2 on average

/** A portfolio: 0-6 works (6 for the demo), in one or two styles, tagged mostly with the artist's own tags. */
export function buildPortfolio(rng: Random, person: SeedPerson, isDemo: boolean): SeedArtwork[] {
  if (person.kind !== "creator") return [];
  let count = isDemo ? 6 : rng.weighted([0, 1, 2, 3, 4, 5, 6], ARTWORK_COUNT_WEIGHTS);
  if (person.activity === "dormant") count = Math.min(count, 2);
  const styles = isDemo ? (["abstract", "minimal"] as ArtworkStyle[]) : rng.sample(ARTWORK_STYLES, rng.int(1, 2));
  const span = person.lastActiveAt.getTime() - person.createdAt.getTime();
  const city = cityOf(person.region);
  const works: SeedArtwork[] = [];
  for (let i = 0; i < count; i++) {
    const id = rng.uuid();
    const own = rng.sample(person.tags, rng.int(1, Math.min(3, person.tags.length)));
    const extra = rng.chance(0.3) ? rng.weightedSample(TAGS, TAG_WEIGHTS, 1) : [];
    works.push({
      id,
      artistId: person.id,
      title: artworkTitle(rng, person.lang, city),
      style: rng.pick(styles),
      mediaFile: artworkMediaFile(id),
      imageSeed: rng.int(0, 2 ** 31 - 1),
      tags: [...new Set([...own, ...extra])].slice(0, 4),
      createdAt: new Date(person.createdAt.getTime() + Math.floor(rng.next() * span)),
    });
  }
  return works.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
