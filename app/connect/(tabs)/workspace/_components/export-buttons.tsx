"use client";

import { useState } from "react";
import { secondaryButton } from "@/app/_components/styles";
import type { Stroke } from "@/lib/realtime/archive";
import { downloadPng, downloadSvg } from "../_lib/export";

type Drawable = Pick<Stroke, "color" | "width" | "points">;

/** Download the canvas as it is now, as PNG (pixels) or SVG (editable vectors). */
export function ExportButtons({ strokes, title }: { strokes: readonly Drawable[]; title: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  async function run(kind: "png" | "svg") {
    setProblem(null);
    try {
      if (kind === "png") await downloadPng(strokes, title);
      else downloadSvg(strokes, title);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The export failed.");
    }
  }
  return (
    <div role="group" aria-label="Export the canvas" className="flex flex-wrap items-center gap-3">
      <button type="button" onClick={() => run("png")} className={secondaryButton}>
        Export PNG
      </button>
      <button type="button" onClick={() => run("svg")} className={secondaryButton}>
        Export SVG
      </button>
      <p role="status" className="text-sm text-danger">
        {problem}
      </p>
    </div>
  );
}
