"use client";

import { memo, useRef, useState } from "react";
import { strokePath } from "@/lib/canvas/svg";
import { CANVAS_HEIGHT, CANVAS_WIDTH, type Stroke } from "@/lib/realtime/archive";
import type { RoomClient } from "@/lib/realtime/room-client";
import { addPoint, strokeAt, toCanvasPoint } from "../_lib/geometry";
import { useNameOf } from "./names";
import { usePeers, type PeerStore } from "./use-room";

export type Tool = { kind: "pen" | "eraser"; color: string; width: number };

type Props = { client: RoomClient; strokes: Stroke[]; peers: PeerStore; tool: Tool; canEdit: boolean; label: string };

/** Awareness is sent at most this often while the pointer moves. */
const AWARENESS_INTERVAL_MS = 40;

const StrokePaths = memo(function StrokePaths({ strokes }: { strokes: Stroke[] }) {
  return strokes.map((s) => <path key={s.id} data-stroke-id={s.id} d={strokePath(s.points)} stroke={s.color} strokeWidth={s.width} />);
});

/** Other people's cursors (labelled with their name) and their strokes as they draw them. */
function PeerLayer({ peers }: { peers: PeerStore }) {
  const list = usePeers(peers);
  const nameOf = useNameOf();
  return (
    <>
      <svg viewBox={`0 0 ${CANVAS_WIDTH} ${CANVAS_HEIGHT}`} aria-hidden="true" className="pointer-events-none absolute inset-0 size-full">
        <g fill="none" strokeLinecap="round" strokeLinejoin="round" opacity={0.75}>
          {list.map((p) =>
            p.stroke ? <path key={p.handle} data-live-stroke={p.handle} d={strokePath(p.stroke.points)} stroke={p.stroke.color} strokeWidth={p.stroke.width} /> : null,
          )}
        </g>
      </svg>
      {list.map((p) =>
        p.cursor ? (
          <div
            key={p.handle}
            data-testid="peer-cursor"
            className="pointer-events-none absolute flex items-start gap-1 transition-[left,top] duration-75"
            style={{ left: `${(p.cursor.x / CANVAS_WIDTH) * 100}%`, top: `${(p.cursor.y / CANVAS_HEIGHT) * 100}%` }}
          >
            <svg aria-hidden="true" viewBox="0 0 12 12" className="size-3 -translate-x-px -translate-y-px fill-accent">
              <path d="M0 0l12 5-5 2-2 5z" />
            </svg>
            <span className="rounded bg-accent px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-white">{nameOf(p.handle)}</span>
          </div>
        ) : null,
      )}
    </>
  );
}

/**
 * The shared canvas: strokes are SVG paths in the 1600 × 1000 canvas space, scaled to the
 * container. Pointer events cover mouse, pen and touch; `touch-action: none` stops the page from
 * scrolling under a finger that draws.
 */
export function CanvasBoard({ client, strokes, peers, tool, canEdit, label }: Props) {
  const drawing = useRef<{ pointerId: number; points: number[] } | null>(null);
  const lastSent = useRef(0);
  const [draft, setDraft] = useState<number[] | null>(null);

  function share(cursor: { x: number; y: number } | null, force = false) {
    const now = performance.now();
    if (!force && now - lastSent.current < AWARENESS_INTERVAL_MS) return;
    lastSent.current = now;
    const points = drawing.current?.points;
    client.setAwareness({ cursor, stroke: points ? { color: tool.color, width: tool.width, points: [...points] } : null });
  }

  function erase(x: number, y: number) {
    const hit = strokeAt(strokes, x, y);
    if (hit) client.erase(hit.id);
  }

  function finish() {
    const current = drawing.current;
    drawing.current = null;
    setDraft(null);
    if (current && current.points.length >= 2) client.addStroke({ color: tool.color, width: tool.width, points: current.points });
  }

  function onPointerDown(event: React.PointerEvent<SVGSVGElement>) {
    if (!canEdit || event.button > 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const { x, y } = toCanvasPoint(event.currentTarget, event.clientX, event.clientY);
    if (tool.kind === "eraser") {
      drawing.current = { pointerId: event.pointerId, points: [] };
      erase(x, y);
      return;
    }
    drawing.current = { pointerId: event.pointerId, points: [x, y] };
    setDraft([x, y]);
    share({ x, y }, true);
  }

  function onPointerMove(event: React.PointerEvent<SVGSVGElement>) {
    if (!canEdit) return;
    const element = event.currentTarget;
    const current = drawing.current;
    if (!current || current.pointerId !== event.pointerId) {
      share(toCanvasPoint(element, event.clientX, event.clientY));
      return;
    }
    // Coalesced events keep fast pen and finger strokes smooth.
    const events = event.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const e of events.length ? events : [event.nativeEvent]) {
      const { x, y } = toCanvasPoint(element, e.clientX, e.clientY);
      if (tool.kind === "eraser") {
        erase(x, y);
      } else if (!addPoint(current.points, x, y)) {
        // A very long stroke is split so that each part stays within the stroke size limit.
        finish();
        drawing.current = { pointerId: event.pointerId, points: [x, y] };
      }
    }
    if (tool.kind === "pen") setDraft([...drawing.current!.points]);
    share(toCanvasPoint(element, event.clientX, event.clientY));
  }

  function onPointerUp(event: React.PointerEvent<SVGSVGElement>) {
    if (drawing.current?.pointerId !== event.pointerId) return;
    if (tool.kind === "pen") finish();
    else drawing.current = null;
    share(toCanvasPoint(event.currentTarget, event.clientX, event.clientY), true);
  }

  return (
    <div className="relative w-full overflow-hidden rounded-xl border border-line bg-white" style={{ aspectRatio: `${CANVAS_WIDTH} / ${CANVAS_HEIGHT}` }}>
      <svg
        viewBox={`0 0 ${CANVAS_WIDTH} ${CANVAS_HEIGHT}`}
        role="img"
        aria-label={label}
        data-testid="canvas"
        data-stroke-count={strokes.length}
        className={`absolute inset-0 size-full touch-none select-none ${canEdit ? (tool.kind === "eraser" ? "cursor-cell" : "cursor-crosshair") : "cursor-default"}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onPointerLeave={() => canEdit && !drawing.current && share(null, true)}
      >
        <g fill="none" strokeLinecap="round" strokeLinejoin="round">
          <StrokePaths strokes={strokes} />
          {draft ? <path d={strokePath(draft)} stroke={tool.color} strokeWidth={tool.width} /> : null}
        </g>
      </svg>
      <PeerLayer peers={peers} />
    </div>
  );
}
