import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { SearchProfilesQuery } from "@/lib/validation/search";

/** Query words, tsquery terms, one-edit spellings and the opaque cursor of people search. */

const MAX_WORDS = 8;
const ALPHABET = [..."abcdefghijklmnopqrstuvwxyz"];

/** Words of the query as the 'simple' parser would split them (letters and digits), at most 8. */
export function queryWords(q: string): string[] {
  const words = q.normalize("NFKC").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/** Every spelling one deletion, transposition, substitution or insertion away (Damerau-Levenshtein 1), 3+ characters. */
export function editVariants(word: string): string[] {
  const chars = [...word.toLowerCase()];
  const digits = chars.some((c) => /\d/.test(c)) ? [..."0123456789"] : [];
  const letters = [...new Set([...ALPHABET, ...digits, ...chars])];
  const out = new Set<string>();
  const join = (parts: string[]) => parts.join("");
  for (let i = 0; i <= chars.length; i++) {
    for (const c of letters) out.add(join([...chars.slice(0, i), c, ...chars.slice(i)]));
    if (i === chars.length) break;
    out.add(join([...chars.slice(0, i), ...chars.slice(i + 1)]));
    for (const c of letters) if (c !== chars[i]) out.add(join([...chars.slice(0, i), c, ...chars.slice(i + 1)]));
    if (i + 1 < chars.length) out.add(join([...chars.slice(0, i), chars[i + 1]!, chars[i]!, ...chars.slice(i + 2)]));
  }
  out.delete(chars.join(""));
  return [...out].filter((v) => v.length >= 3);
}

/** A tsquery term. Words hold only letters and digits, so quoting them is enough to be safe. */
export const term = (word: string, prefix = false) => `'${word}'${prefix ? ":*" : ""}`;

/** The last word is matched as a prefix (someone still typing), once it has 3 characters. */
export const isPrefix = (words: string[], i: number) => i === words.length - 1 && [...words[i]!].length >= 3;

export const plainTerms = (words: string[]) => words.map((w, i) => term(w, isPrefix(words, i)));

/** A cursor names the last row's sort key and the search it belongs to. */
export type Cursor = { k: string; r?: string; t?: string; h: string };

/** A short digest of the search (not the page), so a cursor cannot be reused on another search. */
export function queryKey(input: SearchProfilesQuery): string {
  const parts = [input.q, input.skill, input.tag, input.region, input.kind].map((v) => v ?? "");
  return createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 10);
}

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

/** The cursor, or 422 naming `cursor` when it is malformed or from another search. */
export function decodeCursor(raw: string, key: string, mode: "rank" | "time"): Cursor {
  const invalid = () => new AppError("validation_failed", "Some fields are invalid.", { fields: { cursor: ["This cursor is not valid for this search."] } });
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const c = value as Partial<Cursor> | null;
  if (!c || typeof c !== "object" || c.k !== key || typeof c.h !== "string" || !/^[a-z0-9_-]{1,30}$/.test(c.h)) throw invalid();
  if (mode === "rank" && !(typeof c.r === "string" && /^-?\d{1,4}(\.\d{1,6})?$/.test(c.r))) throw invalid();
  if (mode === "time" && !(typeof c.t === "string" && /^-?\d{1,17}$/.test(c.t))) throw invalid();
  return c as Cursor;
}
