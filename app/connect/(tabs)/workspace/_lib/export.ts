import { strokePath, strokesToSvg } from "@/lib/canvas/svg";
import { CANVAS_HEIGHT, CANVAS_WIDTH, type Stroke } from "@/lib/realtime/archive";

type Drawable = Pick<Stroke, "color" | "width" | "points">;

/** A file name from the session name: "Harbour mural" → "harbour-mural". */
export function fileStem(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "canvas";
}

function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadSvg(strokes: readonly Drawable[], title: string) {
  const svg = strokesToSvg(strokes, { title });
  download(new Blob([svg], { type: "image/svg+xml" }), `${fileStem(title)}.svg`);
}

/** Draws the strokes on a full-size canvas element (the same paths as the SVG) and saves it as PNG. */
export async function downloadPng(strokes: readonly Drawable[], title: string) {
  const canvas = document.createElement("canvas");
  canvas.width = CANVAS_WIDTH;
  canvas.height = CANVAS_HEIGHT;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw on a canvas.");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, CANVAS_WIDTH, CANVAS_HEIGHT);
  context.lineCap = "round";
  context.lineJoin = "round";
  for (const stroke of strokes) {
    const d = strokePath(stroke.points);
    if (!d) continue;
    context.strokeStyle = stroke.color;
    context.lineWidth = stroke.width;
    context.stroke(new Path2D(d));
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("The PNG could not be made.");
  download(blob, `${fileStem(title)}.png`);
}
