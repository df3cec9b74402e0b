/**
 * Skills and tags, most common first. Popularity follows a Zipf-like curve (weight 1/rank^s),
 * so a few skills are held by many people and a long tail by very few: matching weights
 * skills by IDF and needs both ends to be exercised.
 */

/** What creators do, most common first. */
export const ARTISTIC_SKILLS = [
  "painting", "drawing", "photography", "illustration", "installation", "printmaking",
  "sculpture", "video", "digital illustration", "ceramics", "collage", "screen printing",
  "textile", "risograph", "animation", "muralism", "performance", "3d modelling",
  "analog photography", "zine making", "embroidery", "sound art", "street art", "weaving",
  "creative coding", "etching", "woodcut", "comics", "bookbinding", "generative art",
  "set design", "woodworking", "cyanotype", "projection mapping", "natural dyeing",
  "paper cutting", "metalwork", "costume design", "virtual reality", "calligraphy",
  "mosaic", "glassblowing",
] as const;

/** What diffusers (and some creators) do, most common first. */
export const PROFESSIONAL_SKILLS = [
  "curation", "exhibition design", "grant writing", "art handling", "production management",
  "public programmes", "art writing", "workshop facilitation", "fundraising", "art mediation",
  "press relations", "editing", "collection management", "budgeting", "archiving",
  "lighting design", "av installation", "touring logistics", "conservation", "art law",
] as const;

export const ALL_SKILLS: readonly string[] = [...ARTISTIC_SKILLS, ...PROFESSIONAL_SKILLS];

/** ~80 tags, lower-case, at most 40 characters; most common first. */
export const TAGS = [
  "climate", "memory", "identity", "landscape", "abstraction", "ecology", "archive", "migration",
  "the-body", "community", "portraiture", "urbanism", "textile", "diaspora", "feminism",
  "queer-art", "colour", "ritual", "craft", "public-art", "water", "light", "pattern",
  "botany", "new-media", "architecture", "materiality", "participatory", "afrofuturism",
  "land-art", "decolonial", "labour", "childhood", "language", "mythology", "sustainability",
  "domestic-space", "care", "borders", "folklore", "geometry", "dreams", "surrealism",
  "activism", "social-practice", "food", "music", "poetry", "typography", "cartography",
  "ocean", "night", "humour", "pop-culture", "speculative-fiction", "recycling", "healing",
  "grief", "translation", "family", "dance", "animals", "mycology", "astronomy", "science",
  "indigenous-knowledge", "glitch", "ai-art", "net-art", "photobook", "zine-culture",
  "minimalism", "colour-field", "still-life", "desert", "mountains", "slow-art",
  "archaeology", "fashion", "spirituality", "shadow",
] as const;

export type TagName = (typeof TAGS)[number];

/** Zipf-like weights for a list ordered by popularity. */
export const zipfWeights = (n: number, s: number) => Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s));

export const ARTISTIC_WEIGHTS = zipfWeights(ARTISTIC_SKILLS.length, 1.15);
export const PROFESSIONAL_WEIGHTS = zipfWeights(PROFESSIONAL_SKILLS.length, 1.0);
export const TAG_WEIGHTS = zipfWeights(TAGS.length, 0.8);

/** Image generator styles, chosen per artwork style, so a portfolio grid reads as art. */
export const ARTWORK_STYLES = [
  "abstract", "figurative", "minimal", "surreal", "documentary", "geometric",
  "expressionist", "conceptual", "pop", "naive",
] as const;

export type ArtworkStyle = (typeof ARTWORK_STYLES)[number];
