import { searchParamsObject } from "@/lib/validation/opportunities";

export type PageSearchParams = Record<string, string | string[] | undefined>;

/** The page's query string as URLSearchParams; `tag` may be comma-separated in the form's text field. */
export function toParams(search: PageSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      if (key === "tag") v.split(",").map((t) => t.trim()).filter(Boolean).forEach((t) => params.append("tag", t));
      else if (v !== "") params.append(key, v);
    }
  }
  return params;
}

/** What the list service reads, from the page's URL. */
export const serviceQuery = (params: URLSearchParams) => searchParamsObject(params);

/** The list URL with some keys replaced (undefined removes one); the cursor is dropped unless given. */
export function listHref(params: URLSearchParams, changes: Record<string, string | undefined> = {}): string {
  const next = new URLSearchParams(params);
  next.delete("cursor");
  for (const [key, value] of Object.entries(changes)) {
    next.delete(key);
    if (value !== undefined) next.set(key, value);
  }
  const text = next.toString();
  return text ? `/connect/opportunities?${text}` : "/connect/opportunities";
}

/** How many filters are set, for the "Clear filters" affordance. */
export function activeFilterCount(params: URLSearchParams): number {
  return ["q", "kind", "tag", "region", "from", "to", "paid", "noEntryFee", "status", "owner"].filter((k) => params.has(k)).length;
}
