import { CANVAS_HEIGHT, CANVAS_WIDTH, MAX_STROKE_POINTS, type Stroke } from "@/lib/realtime/archive";

/** Pointer position in canvas units (the 1600 × 1000 logical canvas), whatever the element's size. */
export function toCanvasPoint(element: Element, clientX: number, clientY: number): { x: number; y: number } {
  const box = element.getBoundingClientRect();
  const x = ((clientX - box.left) / box.width) * CANVAS_WIDTH;
  const y = ((clientY - box.top) / box.height) * CANVAS_HEIGHT;
  return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
}

/** Points closer than this to the previous one are dropped: smaller strokes, no visible change. */
const MIN_STEP = 1.5;

/** Appends a point unless it is too close to the last one; false when the stroke is full. */
export function addPoint(points: number[], x: number, y: number): boolean {
  if (points.length >= MAX_STROKE_POINTS * 2) return false;
  const n = points.length;
  if (n >= 2 && Math.hypot(x - points[n - 2]!, y - points[n - 1]!) < MIN_STEP) return true;
  points.push(x, y);
  return true;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The topmost stroke passing within `slack` canvas units of the point, for the eraser. */
export function strokeAt(strokes: readonly Stroke[], x: number, y: number, slack = 8): Stroke | null {
  for (let s = strokes.length - 1; s >= 0; s--) {
    const stroke = strokes[s]!;
    const p = stroke.points;
    const reach = stroke.width / 2 + slack;
    if (p.length === 2 && Math.hypot(x - p[0]!, y - p[1]!) <= reach) return stroke;
    for (let i = 0; i + 3 < p.length; i += 2) {
      if (distanceToSegment(x, y, p[i]!, p[i + 1]!, p[i + 2]!, p[i + 3]!) <= reach) return stroke;
    }
  }
  return null;
}
