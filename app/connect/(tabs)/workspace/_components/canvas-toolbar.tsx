"use client";

import { useState } from "react";
import { MAX_STROKE_WIDTH, MIN_STROKE_WIDTH } from "@/lib/realtime/archive";
import type { Tool } from "./canvas-board";

const SWATCHES = [
  { color: "#1c1b19", name: "Ink" },
  { color: "#3a4bb8", name: "Ultramarine" },
  { color: "#b42318", name: "Vermilion" },
  { color: "#1f7a4d", name: "Viridian" },
  { color: "#c88a12", name: "Ochre" },
  { color: "#8e3f9e", name: "Violet" },
  { color: "#ffffff", name: "White" },
] as const;

const toolButton =
  "inline-flex items-center rounded-full border px-3.5 py-1.5 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50 " +
  "aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-white border-field bg-surface text-ink hover:border-ink";

type Props = {
  tool: Tool;
  onTool: (tool: Tool) => void;
  disabled: boolean;
  isHost: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onClear: () => void;
};

/** Pen or eraser, colour, width, undo/redo, and clear (host only, asks first). */
export function CanvasToolbar({ tool, onTool, disabled, isHost, onUndo, onRedo, onClear }: Props) {
  const [confirmClear, setConfirmClear] = useState(false);
  return (
    <div role="toolbar" aria-label="Drawing tools" className="flex flex-wrap items-center gap-x-5 gap-y-3">
      <div className="flex gap-2" role="group" aria-label="Tool">
        {(["pen", "eraser"] as const).map((kind) => (
          <button key={kind} type="button" disabled={disabled} aria-pressed={tool.kind === kind} onClick={() => onTool({ ...tool, kind })} className={toolButton}>
            {kind === "pen" ? "Pen" : "Eraser"}
          </button>
        ))}
      </div>
      <fieldset disabled={disabled} className="flex items-center gap-1.5">
        <legend className="sr-only">Colour</legend>
        {SWATCHES.map((s) => (
          <label key={s.color} className="relative cursor-pointer rounded-full has-checked:ring-2 has-checked:ring-accent has-checked:ring-offset-2 has-focus-visible:outline-2 has-focus-visible:outline-offset-4 has-focus-visible:outline-accent">
            <input type="radio" name="stroke-colour" value={s.color} checked={tool.color === s.color} onChange={() => onTool({ ...tool, kind: "pen", color: s.color })} className="sr-only" />
            <span aria-hidden="true" className="block size-6 rounded-full border border-field" style={{ backgroundColor: s.color }} />
            <span className="sr-only">{s.name}</span>
          </label>
        ))}
        <label className="ml-1 inline-flex items-center gap-1.5 text-sm text-muted">
          <span className="sr-only sm:not-sr-only">Custom</span>
          <input type="color" value={tool.color} onChange={(e) => onTool({ ...tool, kind: "pen", color: e.target.value })} className="h-7 w-9 cursor-pointer rounded border border-field bg-surface" aria-label="Custom colour" />
        </label>
      </fieldset>
      <label className="inline-flex items-center gap-2 text-sm text-ink">
        Width
        <input type="range" min={MIN_STROKE_WIDTH} max={MAX_STROKE_WIDTH} value={tool.width} disabled={disabled} onChange={(e) => onTool({ ...tool, width: Number(e.target.value) })} className="w-28 accent-accent" aria-valuetext={`${tool.width} units`} />
        <span aria-hidden="true" className="w-6 text-right text-muted tabular-nums">{tool.width}</span>
      </label>
      <div className="flex gap-2">
        <button type="button" disabled={disabled} onClick={onUndo} className={toolButton} aria-keyshortcuts="Control+Z Meta+Z" title="Undo your last stroke (Ctrl+Z)">
          Undo
        </button>
        <button type="button" disabled={disabled} onClick={onRedo} className={toolButton} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z" title="Redo (Shift+Ctrl+Z)">
          Redo
        </button>
      </div>
      {isHost ? (
        confirmClear ? (
          <div role="group" aria-label="Clear the canvas?" className="flex items-center gap-2 text-sm">
            <span className="text-ink">Clear for everyone?</span>
            <button type="button" disabled={disabled} className={`${toolButton} border-danger text-danger`} onClick={() => { onClear(); setConfirmClear(false); }}>
              Clear
            </button>
            <button type="button" className={toolButton} onClick={() => setConfirmClear(false)} autoFocus>
              Keep
            </button>
          </div>
        ) : (
          <button type="button" disabled={disabled} onClick={() => setConfirmClear(true)} className={toolButton}>
            Clear canvas…
          </button>
        )
      ) : null}
    </div>
  );
}
