export type SearchDocumentInput = {
  displayName: string;
  handle: string;
  headline: string;
  bio: string;
  skills: readonly string[];
  tags: readonly string[];
};

/**
 * The text people search finds a profile by (profiles.search_document, from which the database
 * derives search_vector): name, handle, headline, skills, tags and bio, one per line, most telling
 * first. The service rewrites it on every profile update and the seed writes it too.
 */
export function buildSearchDocument(p: SearchDocumentInput): string {
  return [p.displayName, p.handle, p.headline, p.skills.join(", "), p.tags.join(", "), p.bio]
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join("\n");
}
