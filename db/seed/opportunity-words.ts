/** Words for synthetic opportunities (demo seed and the opportunities bench). English only: calls are mostly posted in English. */

export const OPPORTUNITY_KIND_WEIGHTS = { residency: 4, exhibition: 3, open_call: 4, job: 2 } as const;

export const DISCIPLINES = [
  "painting", "ceramics", "printmaking", "photography", "sculpture", "textile", "video", "sound", "drawing", "installation",
  "performance", "illustration", "glass", "bookbinding", "new media", "weaving", "mural", "animation", "collage", "risograph",
] as const;

export const QUALIFIERS = [
  "Summer", "Winter", "Spring", "Autumn", "International", "Emerging artists", "Mid-career", "Coastal", "Rural", "Urban",
  "Experimental", "Community", "Collaborative", "Research", "Studio", "Open-studio", "Night", "Island", "Mountain", "River",
] as const;

export const TITLE_TEMPLATES: Record<keyof typeof OPPORTUNITY_KIND_WEIGHTS, readonly string[]> = {
  residency: ["{q} {d} residency in {city}", "{d} residency at {org}", "{q} residency for {d}", "Artist-in-residence: {d}, {city}"],
  exhibition: ["{q} group exhibition: {theme}", "Exhibition call: {d} and {theme}", "{theme} — an exhibition of {d}", "Solo show slot at {org}"],
  open_call: ["Open call: {theme}", "Open call for {d} artists", "{q} open call, {city}", "Commission: {d} on {theme}", "Prize for {d}: {theme}"],
  job: ["Studio assistant ({d})", "Gallery technician, {city}", "Curatorial assistant at {org}", "Workshop lead: {d}", "Print studio manager"],
};

export const ORG_WORDS = [
  "Casa", "Atelier", "Studio", "Kunsthalle", "Foundation", "Workshop", "Gallery", "Project Space", "Farm", "Lighthouse",
  "Archive", "Institute", "Collective", "Mill", "Harbour House",
] as const;

export const OFFERS = [
  "a private studio with north light", "shared housing within walking distance", "a weekly stipend", "access to kilns and a glaze lab",
  "a Vandercook press and a darkroom", "technical support from our team", "a travel grant", "materials up to a set budget",
  "an open studio at the end of the stay", "mentoring sessions with visiting curators", "a printed catalogue", "installation support",
  "insurance and transport of works", "a public talk and a small publication", "childcare support for parents",
] as const;

export const ASKS = [
  "a short statement (300 words)", "up to ten images of recent work", "a CV", "a project proposal", "a budget outline",
  "links to video or sound work", "two references", "a portfolio as a single PDF",
] as const;

export const AUDIENCES = [
  "artists at any stage of their career", "early-career artists", "artists working with their local community",
  "artists from the region", "international artists", "collectives and duos", "artists who are also parents",
  "self-taught artists", "recent graduates",
] as const;

export const APPLICATION_MESSAGES = [
  "I have followed your programme for years and this call fits the project I am starting now. My proposal and images are attached.",
  "My practice moves between the studio and the street; a month with your team would let me finish the series shown here.",
  "I work slowly and site-specifically. I would spend the first week listening and the rest making; the works attached show how.",
  "This is the first residency I apply to since graduating. I would use the time to test a larger scale of the pieces attached.",
  "I run community workshops alongside my own work and would love to bring both to your space.",
  "The theme of this call is close to what I have been researching. Happy to share more material or talk on a call.",
] as const;
