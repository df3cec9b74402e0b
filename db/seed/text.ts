import { BIOS, HEADLINES } from "./bios";
import type { Lang } from "./data";
import type { Random } from "./random";
import { bare, capitalise, GENERIC_MEDIUM, GENERIC_THEMES, josa, LOCAL_CITY, medium, orgType, theme, type OrgKind } from "./words";

export type Voice = "creator" | "org" | "curator";

export type TextInput = {
  lang: Lang;
  voice: Voice;
  /** City as the region lists it ("Lisbon"); localised when the bio is in the local language. */
  city: string;
  localCity: boolean;
  skills: string[];
  tags: string[];
  org?: string;
  orgKind?: OrgKind;
  open: boolean;
  /** Dormant people wrote less. */
  brief: boolean;
};

const MEDIUM_KEYS = ["painting", "drawing", "photography", "installation", "sculpture", "video", "ceramics", "textile", "printmaking", "performance"];

function slots(rng: Random, input: TextInput): Record<string, string> {
  const { lang } = input;
  const own = input.voice === "creator" ? input.skills.map((s) => medium(s, lang)).filter((m): m is string => Boolean(m)) : [];
  const mediums = [...new Set([...own, ...rng.shuffle(MEDIUM_KEYS).map((k) => medium(k, lang) ?? GENERIC_MEDIUM[lang])])];
  if (own.length === 0 && input.voice === "creator") mediums.unshift(GENERIC_MEDIUM[lang]);
  const ownThemes = input.tags.map((t) => theme(t, lang)).filter((t): t is string => Boolean(t));
  const themes = [...new Set([...ownThemes, ...rng.shuffle(GENERIC_THEMES).map((t) => theme(t, lang) ?? "")])].filter(Boolean);
  return {
    city: (input.localCity && LOCAL_CITY[input.city]) || input.city,
    m1: mediums[0] ?? "",
    m2: mediums[1] ?? "",
    m3: mediums[2] ?? "",
    t1: themes[0] ?? "",
    t2: themes[1] ?? "",
    org: input.org ?? "",
    type: input.orgKind ? (orgType(input.orgKind, lang) ?? "") : "",
    year: String(rng.int(2009, 2023)),
    n: String(rng.int(3, 14) * 10),
  };
}

// Portuguese says "no Porto", "do Rio de Janeiro": these two cities take the article.
const PT_ARTICLE_CITY = /\b(em|de) (Porto|Rio de Janeiro)\b/g;

/** `{m1}` raw, `{m1_}` without article, `{M1}` capitalised without article, `{m1|과}` with a Korean particle. */
export function fill(template: string, values: Record<string, string>, lang: Lang): string {
  const text = template.replace(/\{(\w+?)(_)?(?:\|(.))?\}/g, (_, key: string, plain?: string, particle?: string) => {
    const upper = key.charAt(0) !== key.charAt(0).toLowerCase();
    const value = values[key.toLowerCase()] ?? "";
    if (upper) return capitalise(bare(value, lang));
    if (plain) return bare(value, lang);
    if (particle) return josa(value, particle);
    return value;
  });
  return lang === "pt" ? text.replace(PT_ARTICLE_CITY, (_, prep: string, city: string) => `${prep === "em" ? "no" : "do"} ${city}`) : text;
}

/** A bio of two short paragraphs in the person's language, built from sentence templates. */
export function writeBio(rng: Random, input: TextInput): string {
  const values = slots(rng, input);
  const sections = BIOS[input.lang][input.voice];
  const sentences = sections.map((options) => fill(rng.pick(options), values, input.lang));
  const closing = sentences.pop() ?? "";
  const wantsClosing = input.voice === "creator" ? input.open : rng.chance(0.6);
  if (input.brief) return sentences.slice(0, 2).join(input.lang === "ja" ? "" : " ");
  const body = [...sentences, ...(wantsClosing ? [closing] : [])];
  const joiner = input.lang === "ja" ? "" : " ";
  const cut = Math.min(3, body.length - 1);
  return `${body.slice(0, cut).join(joiner)}\n\n${body.slice(cut).join(joiner)}`.trim();
}

export function writeHeadline(rng: Random, input: TextInput): string {
  const values = slots(rng, input);
  const headline = fill(rng.pick(HEADLINES[input.lang][input.voice]), values, input.lang);
  return headline.length <= 140 ? headline : headline.slice(0, 139).trimEnd() + "…";
}

const SPECIAL: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ı: "i", þ: "th", ð: "d" };

/** Lower-case ASCII words of a name: "Inês Nguyễn" → ["ines", "nguyen"]. */
export function asciiWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[ßæœøłđıþð]/g, (c) => SPECIAL[c] ?? c)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}
