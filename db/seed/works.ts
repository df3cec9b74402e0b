import type { Lang } from "./data";
import type { Random } from "./random";
import type { OrgKind } from "./words";

const w = (s: string) => s.split(",").map((x) => x.trim());

const NOUNS = w(
  "Tide, Orchard, Threshold, Archive, Harbour, Ash, Lantern, Salt, Field, Signal, Echo, Garden, Mirror, Window, Ember, Horizon, Nest, Quarry, Meadow, Fracture, Chorus, Lullaby, Atlas, Vessel, Coastline, Terrace, Rain, Moth, Static, Bloom, Courtyard, Market, Riverbed, Kitchen, Staircase, Monsoon, Balcony, Orbit, Dune, Hive",
);
const ADJECTIVES = w(
  "Quiet, Borrowed, Blue, Folded, Distant, Tender, Broken, Late, Slow, Soft, Hollow, Electric, Bright, Unfinished, Northern, Small, Second, Wild, Burning, Sleeping, Green, Inherited, Invisible, Salted, Weightless",
);
const COLOURS = w("Ochre, Cobalt, Vermilion, Indigo, Ash Grey, Sea Green, Rose, Umber, Saffron, Teal");
const UNTITLED: Record<Lang, string> = { en: "Untitled", fr: "Sans titre", es: "Sin título", pt: "Sem título", de: "Ohne Titel", ja: "無題", ko: "무제" };

/** A plausible artwork title, now and then in the artist's own language ("Sans titre (Cobalt)"). */
export function artworkTitle(rng: Random, lang: Lang, city: string): string {
  const noun = rng.pick(NOUNS);
  const adj = rng.pick(ADJECTIVES);
  switch (rng.int(0, 9)) {
    case 0: return `${noun} No. ${rng.int(1, 12)}`;
    case 1: return `Study for ${/^[AEIOU]/.test(adj) ? "an" : "a"} ${adj} ${noun}`;
    case 2: return `${noun} in ${rng.pick(COLOURS)}`;
    case 3: return `${UNTITLED[lang]} (${rng.pick(COLOURS)})`;
    case 4: return `Notes on the ${noun}`;
    case 5: return `${city} at ${rng.pick(["Dusk", "Dawn", "Noon", "Night"])}`;
    case 6: return `${noun} and ${rng.pick(NOUNS)}`;
    case 7: return `After the ${noun}`;
    case 8: return `${UNTITLED[lang]} #${rng.int(2, 40)}`;
    default: return `${adj} ${noun}`;
  }
}

const ORG_WORDS = w(
  "Marés, Lumen, Atlas, Nord, Kiln, Tidal, Baobab, Halde, Orbit, Meridian, Salt, Vértice, Ember, Fieldwork, Hollow, Solstice, Ferro, Azul, Cobalt, Pulse, Alcove, Threshold, Loom, Quarry, Harbour, Lantern, Prism, Delta, Selva, Mirador, Tanpopo, Haneul, Akwaaba, Sirocco, Basalt",
);

const ORG_NAMES: Record<OrgKind, Partial<Record<Lang, string>> & { en: string }> = {
  gallery: { en: "{w} Gallery", fr: "Galerie {w}", es: "Galería {w}", pt: "Galeria {w}", de: "Galerie {w}", ja: "Gallery {w}", ko: "Gallery {w}" },
  residency: { en: "{w} Residency", fr: "Résidence {w}", es: "Residencia {w}", pt: "Residência {w}", de: "Künstlerhaus {w}", ja: "{w} AIR", ko: "{w} Residency" },
  festival: { en: "{w} Festival", fr: "Festival {w}", es: "Festival {w}", pt: "Festival {w}", de: "{w} Festival" },
  collective: { en: "{w} Collective", fr: "Collectif {w}", es: "Colectivo {w}", pt: "Coletivo {w}", de: "Kollektiv {w}" },
  space: { en: "{w} Projects", fr: "Espace {w}", es: "Espacio {w}", pt: "Espaço {w}", de: "Projektraum {w}", ja: "{w} Space" },
};

/** An organisation name in the local style ("Galeria Marés", "Lumen Projects"). */
export function orgName(rng: Random, kind: OrgKind, lang: Lang, city: string): string {
  const word = rng.chance(0.15) ? city : rng.pick(ORG_WORDS);
  const template = ORG_NAMES[kind][lang] ?? ORG_NAMES[kind].en;
  return template.replace("{w}", word);
}

const GROUP_NAMES = w(
  "Riso zine jam, Sunday sketch club, Open call prep, Mural crew planning, Residency application review, Group show: hanging plan, Shared canvas warm-up, Climate archive working group, Catalogue layout, Print exchange, Studio visit debrief, Festival programme draft, Collective statement, Night drawing session, Grant budget review, Workshop plan for teens, Moodboard for the spring show, Textile swatch library",
);

/** A workspace name; direct sessions are named after the two people. */
export function sessionName(rng: Random, type: "dm" | "group", firstNames: string[]): string {
  if (type === "dm") return `${firstNames[0] ?? "Studio"} × ${firstNames[1] ?? "Guest"}`;
  const base = rng.pick(GROUP_NAMES);
  return rng.chance(0.3) ? `${base} (${rng.pick(["draft", "round 2", "final", "week " + rng.int(1, 8)])})` : base;
}
