/** What each kind is called in text, so "residency" or "open call" finds postings of that kind. */
export const KIND_WORDS = { residency: "residency", exhibition: "exhibition", open_call: "open call", job: "job" } as const;

/**
 * A posting's search document: title, kind and tag names. Trigram matching runs on it, and the
 * database derives the full-text vector from it plus the description. The service and the seed
 * both write it with this function.
 */
export function searchDocumentOf(o: { title: string; kind: keyof typeof KIND_WORDS; tags: readonly string[] }): string {
  return [o.title, KIND_WORDS[o.kind], ...o.tags.map((t) => t.replace(/-/g, " "))].join(" ");
}
