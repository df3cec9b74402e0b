import { createRandom, type Random } from "./random";
import type { ArtworkStyle } from "./skills";

/** Seeded generative SVGs: a handful of looks with curated palettes, so a portfolio reads as art. */
export const WIDTH = 960;
export const HEIGHT = 720;

const PALETTES: string[][] = [
  ["#f2e8cf", "#386641", "#6a994e", "#a7c957", "#bc4749"],
  ["#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51"],
  ["#0b132b", "#1c2541", "#3a506b", "#5bc0be", "#f6f7eb"],
  ["#fefae0", "#dda15e", "#bc6c25", "#283618", "#606c38"],
  ["#ffcdb2", "#ffb4a2", "#e5989b", "#b5838d", "#6d6875"],
  ["#03071e", "#6a040f", "#d00000", "#f48c06", "#ffba08"],
  ["#edf2f4", "#8d99ae", "#2b2d42", "#ef233c", "#d90429"],
  ["#f1faee", "#a8dadc", "#457b9d", "#1d3557", "#e63946"],
  ["#1a1423", "#3d314a", "#684756", "#96705b", "#ab8476"],
  ["#fcf6bd", "#d0f4de", "#a9def9", "#e4c1f9", "#ff99c8"],
  ["#22223b", "#4a4e69", "#9a8c98", "#c9ada7", "#f2e9e4"],
  ["#003049", "#d62828", "#f77f00", "#fcbf49", "#eae2b7"],
  ["#10451d", "#2d6a4f", "#52b788", "#b7e4c7", "#f8f9fa"],
  ["#f72585", "#7209b7", "#3a0ca3", "#4361ee", "#4cc9f0"],
  ["#e8e1d5", "#1f1f1f", "#c1440e", "#e0a526", "#3a5a78"],
  ["#2e1f27", "#854d27", "#dd7230", "#f4c95d", "#e7e393"],
];

type Look = (rng: Random, pal: string[]) => string;
const f = (n: number) => Math.round(n * 10) / 10;

function linear(id: string, a: string, b: string, vertical = true) {
  const to = vertical ? 'x2="0" y2="1"' : 'x2="1" y2="0"';
  return `<linearGradient id="${id}" x1="0" y1="0" ${to}><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient>`;
}

/** Colour-field painting: stacked rectangles with feathered edges on a dark ground. */
const fields: Look = (rng, pal) => {
  const [ground, ...rest] = rng.shuffle(pal) as [string, ...string[]];
  const n = rng.int(2, 3);
  const margin = rng.int(50, 90);
  const gap = rng.int(24, 48);
  const h = (HEIGHT - 2 * margin - gap * (n - 1)) / n;
  let defs = "";
  let body = "";
  for (let i = 0; i < n; i++) {
    defs += linear(`g${i}`, rest[i % rest.length]!, rest[(i + 1) % rest.length]!);
    const y = margin + i * (h + gap);
    const height = (h * rng.int(80, 100)) / 100;
    // Three nested layers instead of a blur filter: the same soft edge at a fraction of the cost.
    for (const [grow, opacity] of [[10, 0.25], [5, 0.4], [0, 0.85]] as const) {
      body += `<rect x="${margin - grow}" y="${f(y - grow)}" width="${WIDTH - 2 * margin + 2 * grow}" height="${f(height + 2 * grow)}" rx="${6 + grow}" fill="url(#g${i})" opacity="${opacity}"/>`;
    }
  }
  return `<defs>${defs}</defs><rect width="100%" height="100%" fill="${ground}"/>${body}`;
};

/** Hard-edge stripes at an angle. */
const stripes: Look = (rng, pal) => {
  const angle = rng.pick([0, 90, 45, -45, rng.int(-30, 30)]);
  let x = -300;
  let body = "";
  while (x < WIDTH + 300) {
    const width = rng.pick([8, 16, 24, 40, 64, 96]);
    body += `<rect x="${x}" y="-400" width="${width}" height="${HEIGHT + 800}" fill="${rng.pick(pal)}"/>`;
    x += width;
  }
  return `<rect width="100%" height="100%" fill="${pal[0]}"/><g transform="rotate(${angle} ${WIDTH / 2} ${HEIGHT / 2})">${body}</g>`;
};

/** Glowing spheres over a gradient. */
const orbs: Look = (rng, pal) => {
  const [a, b, ...rest] = rng.shuffle(pal) as [string, string, ...string[]];
  let defs = linear("bg", a, b);
  let body = "";
  const n = rng.int(5, 11);
  for (let i = 0; i < n; i++) {
    const c = rng.pick(rest);
    defs += `<radialGradient id="o${i}" cx="0.4" cy="0.35" r="0.65"><stop offset="0" stop-color="#ffffff" stop-opacity="0.7"/><stop offset="0.35" stop-color="${c}"/><stop offset="1" stop-color="${c}" stop-opacity="${rng.chance(0.5) ? 0 : 0.9}"/></radialGradient>`;
    body += `<circle cx="${rng.int(0, WIDTH)}" cy="${rng.int(0, HEIGHT)}" r="${rng.int(30, 220)}" fill="url(#o${i})"/>`;
  }
  return `<defs>${defs}</defs><rect width="100%" height="100%" fill="url(#bg)"/>${body}`;
};

/** The colour moved towards its own grey by `amount` (0..1): a muted, photographic palette. */
function mute(hex: string, amount: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const grey = 0.3 * r + 0.59 * g + 0.11 * b;
  return `#${[r, g, b].map((c) => Math.round(c + (grey - c) * amount).toString(16).padStart(2, "0")).join("")}`;
}

/** A ridge line made of a few summed sine waves. */
function ridge(rng: Random, base: number, amp: number): string {
  const waves = Array.from({ length: 3 }, () => ({ k: rng.int(1, 6) / 300, p: rng.next() * 6.28, a: amp * rng.int(3, 10) / 10 }));
  const points: string[] = [];
  for (let x = 0; x <= WIDTH; x += 24) {
    const y = base + waves.reduce((s, w) => s + w.a * Math.sin(x * w.k + w.p), 0) / 2;
    points.push(`${x},${f(y)}`);
  }
  return `M0,${HEIGHT} L${points.join(" L")} L${WIDTH},${HEIGHT} Z`;
}

/** Sky, sun and layered hills; muted for documentary work, with floating spheres when surreal. */
function landscape(rng: Random, palette: string[], mode: "plain" | "muted" | "dream"): string {
  const pal = mode === "muted" ? palette.map((c) => mute(c, 0.7)) : palette;
  const [sky1, sky2, ...hills] = rng.shuffle(pal) as [string, string, ...string[]];
  let defs = linear("sky", sky1, sky2);
  let body = `<rect width="100%" height="100%" fill="url(#sky)"/>`;
  body += `<circle cx="${rng.int(120, WIDTH - 120)}" cy="${rng.int(90, 300)}" r="${rng.int(40, 110)}" fill="${rng.pick(hills)}" opacity="0.9"/>`;
  const layers = rng.int(3, 5);
  for (let i = 0; i < layers; i++) {
    const c = hills[i % hills.length]!;
    defs += linear(`h${i}`, c, hills[(i + 1) % hills.length]!);
    body += `<path d="${ridge(rng, 330 + i * (330 / layers), 140 - i * 20)}" fill="url(#h${i})" opacity="${f(0.75 + i * 0.06)}"/>`;
  }
  if (mode === "dream") {
    for (let i = 0; i < rng.int(2, 5); i++) {
      body += `<circle cx="${rng.int(60, WIDTH - 60)}" cy="${rng.int(60, 420)}" r="${rng.int(14, 70)}" fill="${rng.pick(pal)}" stroke="${sky1}" stroke-width="3"/>`;
    }
  }
  return `<defs>${defs}</defs>${body}`;
}

/** Bauhaus-like grid: squares, circles, quarter circles and triangles. */
const grid: Look = (rng, pal) => {
  const cols = rng.int(3, 6);
  const size = WIDTH / cols;
  const rows = Math.ceil(HEIGHT / size);
  const sparse = rng.chance(0.4);
  let body = `<rect width="100%" height="100%" fill="${pal[0]}"/>`;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = f(c * size);
      const y = f(r * size);
      const s = f(size);
      const fg = rng.pick(pal.slice(1));
      if (sparse && rng.chance(0.6)) continue;
      body += `<rect x="${x}" y="${y}" width="${s}" height="${s}" fill="${rng.pick(pal)}"/>`;
      const motif = rng.int(0, 4);
      if (motif === 0) body += `<circle cx="${f(x + s / 2)}" cy="${f(y + s / 2)}" r="${f(s * 0.4)}" fill="${fg}"/>`;
      else if (motif === 1) body += `<path d="M${x},${y} h${s} a${s},${s} 0 0 1 -${s},${s} Z" fill="${fg}"/>`;
      else if (motif === 2) body += `<path d="M${x},${f(y + s)} L${f(x + s / 2)},${y} L${f(x + s)},${f(y + s)} Z" fill="${fg}"/>`;
      else if (motif === 3) body += `<rect x="${f(x + s / 4)}" y="${f(y + s / 4)}" width="${f(s / 2)}" height="${f(s / 2)}" fill="${fg}"/>`;
    }
  }
  return body;
};

/** Stacked sine bands, like a risograph print. */
const waves: Look = (rng, pal) => {
  const n = rng.int(7, 16);
  const amp = rng.int(10, 60);
  let body = `<rect width="100%" height="100%" fill="${pal[0]}"/>`;
  for (let i = 0; i < n; i++) body += `<path d="${ridge(rng, (i + 0.5) * (HEIGHT / n), amp)}" fill="${pal[(i % (pal.length - 1)) + 1]}" opacity="0.85"/>`;
  return body;
};

/** Gestural strokes: thick curved lines with round caps. */
const strokes: Look = (rng, pal) => {
  let body = `<rect width="100%" height="100%" fill="${rng.pick(pal)}"/>`;
  for (let i = 0; i < rng.int(22, 40); i++) {
    const [x, y] = [rng.int(-50, WIDTH + 50), rng.int(-50, HEIGHT + 50)];
    const d = `M${x},${y} q${rng.int(-200, 200)},${rng.int(-200, 200)} ${rng.int(-300, 300)},${rng.int(-300, 300)}`;
    body += `<path d="${d}" stroke="${rng.pick(pal)}" stroke-width="${rng.int(14, 72)}" stroke-linecap="round" fill="none" opacity="${f(rng.int(60, 95) / 100)}"/>`;
  }
  return body;
};

/** Simple figures standing on the ground, naive-painting style. */
const figures: Look = (rng, pal) => {
  const [sky, ground, ...rest] = rng.shuffle(pal) as [string, string, ...string[]];
  const horizon = rng.int(430, 560);
  let body = `<rect width="100%" height="100%" fill="${sky}"/><rect y="${horizon}" width="${WIDTH}" height="${HEIGHT - horizon}" fill="${ground}"/>`;
  body += `<circle cx="${rng.int(100, 860)}" cy="${rng.int(70, 180)}" r="${rng.int(30, 60)}" fill="${rng.pick(rest)}"/>`;
  const n = rng.int(2, 5);
  for (let i = 0; i < n; i++) {
    const cx = ((i + 0.5) * WIDTH) / n + rng.int(-30, 30);
    const h = rng.int(170, 300);
    const top = horizon + rng.int(20, 90) - h;
    const bw = h * 0.38;
    const c = rng.pick(rest);
    body += `<path d="M${f(cx - bw / 2)},${f(top + h)} L${f(cx - bw / 3)},${f(top + h * 0.3)} Q${f(cx)},${f(top + h * 0.2)} ${f(cx + bw / 3)},${f(top + h * 0.3)} L${f(cx + bw / 2)},${f(top + h)} Z" fill="${c}"/>`;
    body += `<circle cx="${f(cx)}" cy="${f(top + h * 0.14)}" r="${f(h * 0.12)}" fill="${rng.pick(rest)}"/>`;
  }
  return body;
};

/** Pop halftone: a dot screen with a bold outlined shape. */
const dots: Look = (rng, pal) => {
  const [bg, dot, shape] = rng.shuffle(pal) as [string, string, string];
  const step = rng.int(18, 30);
  const [fx, fy] = [rng.int(0, WIDTH), rng.int(0, HEIGHT)];
  let body = `<rect width="100%" height="100%" fill="${bg}"/>`;
  for (let y = step / 2; y < HEIGHT; y += step) {
    for (let x = step / 2; x < WIDTH; x += step) {
      const r = (step / 2) * Math.max(0.08, 1 - Math.hypot(x - fx, y - fy) / 900);
      body += `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r)}" fill="${dot}"/>`;
    }
  }
  const R = rng.int(140, 240);
  body += `<circle cx="${rng.int(R, WIDTH - R)}" cy="${rng.int(R, HEIGHT - R)}" r="${R}" fill="${shape}" stroke="#111" stroke-width="14"/>`;
  return body;
};

const LOOKS: Record<ArtworkStyle, Look[]> = {
  abstract: [fields, orbs, waves, strokes],
  figurative: [figures, (r, p) => landscape(r, p, "plain")],
  minimal: [fields, stripes, grid],
  surreal: [(r, p) => landscape(r, p, "dream"), orbs],
  documentary: [(r, p) => landscape(r, p, "muted")],
  geometric: [grid, stripes],
  expressionist: [strokes],
  conceptual: [fields, grid],
  pop: [dots],
  naive: [figures, (r, p) => landscape(r, p, "plain")],
};

/** The SVG for one artwork; the same seed and style always give the same picture. */
export function artworkSvg(seed: number, style: ArtworkStyle): string {
  const rng = createRandom(seed);
  const look = rng.pick(LOOKS[style]);
  const body = look(rng, rng.pick(PALETTES));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${body}</svg>`;
}
