import { CANVAS_HEIGHT, CANVAS_WIDTH, type Stroke } from "@/lib/realtime/archive";

/**
 * Renders canvas strokes as a standalone SVG document. Used by the browser (export) and the
 * server (the final artwork, rasterised to PNG by sharp), so both show the same picture.
 * Stroke fields are validated by strokeSchema (colour is #rrggbb), so nothing here needs escaping
 * except the title.
 */

const round = (n: number) => Math.round(n * 10) / 10;

/** One stroke as an SVG path `d`; a single point becomes a dot (a zero-length line with round caps). */
export function strokePath(points: readonly number[]): string {
  if (points.length < 2) return "";
  const [x0, y0] = [round(points[0]!), round(points[1]!)];
  if (points.length === 2) return `M${x0} ${y0}l0 0.01`;
  let d = `M${x0} ${y0}`;
  for (let i = 2; i + 1 < points.length; i += 2) d += `L${round(points[i]!)} ${round(points[i + 1]!)}`;
  return d;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

export type SvgOptions = { title?: string; background?: string | null; width?: number; height?: number };

export function strokesToSvg(strokes: readonly Pick<Stroke, "color" | "width" | "points">[], options: SvgOptions = {}): string {
  const width = options.width ?? CANVAS_WIDTH;
  const height = options.height ?? CANVAS_HEIGHT;
  const background = options.background === undefined ? "#ffffff" : options.background;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${CANVAS_WIDTH} ${CANVAS_HEIGHT}">`,
  ];
  if (options.title) parts.push(`<title>${escapeXml(options.title)}</title>`);
  if (background) parts.push(`<rect width="100%" height="100%" fill="${escapeXml(background)}"/>`);
  parts.push(`<g fill="none" stroke-linecap="round" stroke-linejoin="round">`);
  for (const stroke of strokes) {
    const d = strokePath(stroke.points);
    if (d) parts.push(`<path d="${d}" stroke="${escapeXml(stroke.color)}" stroke-width="${round(stroke.width)}"/>`);
  }
  parts.push(`</g></svg>`);
  return parts.join("");
}
