import { SEARCH_PARAMS } from "@/lib/validation/search";

export type PageSearchParams = Record<string, string | string[] | undefined>;

/** The page's query string, keeping only the search's own keys (first value of each, empty ones dropped). */
export function toParams(search: PageSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of SEARCH_PARAMS) {
    const value = search[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first.trim() !== "") params.set(key, first);
  }
  return params;
}

/** The people URL with some keys replaced (undefined removes one); the cursor goes unless given. */
export function peopleHref(params: URLSearchParams, changes: Record<string, string | undefined> = {}): string {
  const next = new URLSearchParams(params);
  next.delete("cursor");
  for (const [key, value] of Object.entries(changes)) {
    next.delete(key);
    if (value !== undefined) next.set(key, value);
  }
  const text = next.toString();
  return text ? `/connect/people?${text}` : "/connect/people";
}

/** Whether the visitor asked for anything (a text or a filter), as opposed to browsing. */
export const isSearching = (params: URLSearchParams) => ["q", "skill", "tag", "region", "kind"].some((k) => params.has(k));
