"use client";

import { useEffect, useRef } from "react";
import type * as Y from "yjs";
import { inputClass } from "@/app/_components/form-field";
import type { RoomClient } from "@/lib/realtime/room-client";
import { useNameOf } from "./names";
import { usePeers, type PeerStore } from "./use-room";

/** Marks our own edits, so the observer does not write them back into the textarea. */
const LOCAL = Symbol("notes-textarea");
const TYPING_IDLE_MS = 1500;

/** The smallest edit turning `before` into `after`: one delete then one insert at `at`. */
export function textDiff(before: string, after: string): { at: number; remove: number; insert: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { at: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** Moves a caret position through a remote change, so typing is not thrown elsewhere. */
function shift(position: number, delta: Y.YTextEvent["delta"]): number {
  let index = 0;
  let result = position;
  for (const op of delta) {
    if (op.retain) index += op.retain;
    else if (typeof op.insert === "string") {
      if (index <= result) result += op.insert.length;
      index += op.insert.length;
    } else if (op.delete) {
      if (index < result) result = Math.max(index, result - op.delete);
    }
    if (index > result) break;
  }
  return result;
}

function Typing({ peers }: { peers: PeerStore }) {
  const nameOf = useNameOf();
  const typing = usePeers(peers).filter((p) => p.typing).map((p) => nameOf(p.handle));
  const text = typing.length === 0 ? "" : typing.length === 1 ? `${typing[0]} is typing…` : `${typing.join(", ")} are typing…`;
  return (
    <p aria-live="polite" data-testid="typing" className="min-h-5 text-xs text-muted">
      {text}
    </p>
  );
}

/** Shared notes: a plain textarea bound to the room's Y.Text. */
export function NotesPanel({ client, peers, canEdit }: { client: RoomClient; peers: PeerStore; canEdit: boolean }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const idle = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    const el = area.current;
    if (!el) return;
    const notes = client.notes;
    el.value = notes.toString();
    const observe = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL) return;
      const focused = document.activeElement === el;
      const [start, end] = [el.selectionStart, el.selectionEnd];
      el.value = notes.toString();
      if (focused) el.setSelectionRange(shift(start, event.delta), shift(end, event.delta));
    };
    notes.observe(observe);
    return () => notes.unobserve(observe);
  }, [client]);

  useEffect(() => () => clearTimeout(idle.current), []);

  function onInput(event: React.FormEvent<HTMLTextAreaElement>) {
    const notes = client.notes;
    const { at, remove, insert } = textDiff(notes.toString(), event.currentTarget.value);
    client.doc.transact(() => {
      if (remove) notes.delete(at, remove);
      if (insert) notes.insert(at, insert);
    }, LOCAL);
    client.setAwareness({ typing: true });
    clearTimeout(idle.current);
    idle.current = setTimeout(() => client.setAwareness({ typing: false }), TYPING_IDLE_MS);
  }

  return (
    <section aria-labelledby="notes-heading" className="flex flex-col gap-2">
      <h3 id="notes-heading" className="text-sm font-semibold text-ink">
        <label htmlFor="notes">Shared notes</label>
      </h3>
      <textarea
        ref={area}
        id="notes"
        rows={8}
        readOnly={!canEdit}
        onInput={onInput}
        onBlur={() => client.setAwareness({ typing: false })}
        placeholder={canEdit ? "Ideas, references, who does what…" : ""}
        aria-describedby="notes-hint"
        data-testid="notes"
        className={`${inputClass} resize-y text-sm read-only:bg-sunken`}
      />
      <p id="notes-hint" className="text-xs text-muted">
        Everyone here edits the same notes; they are kept with the session.
      </p>
      <Typing peers={peers} />
    </section>
  );
}
