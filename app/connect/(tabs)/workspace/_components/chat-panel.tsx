"use client";

import { useEffect, useRef, useState } from "react";
import { inputClass } from "@/app/_components/form-field";
import { primaryButtonSmall } from "@/app/_components/styles";
import { MAX_CHAT_LENGTH, type ChatMessage } from "@/lib/realtime/protocol";
import { formatTime } from "../_lib/format";
import { useNameOf } from "./names";

type Props = { messages: ChatMessage[]; you: string; canSend: boolean; onSend: (text: string) => void };

/** Chat: new messages are announced politely; Enter sends, Shift+Enter starts a new line. */
export function ChatPanel({ messages, you, canSend, onSend }: Props) {
  const [text, setText] = useState("");
  const nameOf = useNameOf();
  const list = useRef<HTMLOListElement>(null);
  const left = MAX_CHAT_LENGTH - text.length;

  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length]);

  function send(event?: React.FormEvent) {
    event?.preventDefault();
    if (!canSend || !text.trim() || left < 0) return;
    onSend(text);
    setText("");
  }

  return (
    <section aria-labelledby="chat-heading" className="flex flex-col gap-3">
      <h3 id="chat-heading" className="text-sm font-semibold text-ink">
        Chat
      </h3>
      <ol ref={list} aria-live="polite" aria-relevant="additions" aria-label="Messages" data-testid="chat-messages" className="max-h-72 min-h-24 space-y-2 overflow-y-auto rounded-xl border border-line bg-surface p-3 text-sm" tabIndex={0}>
        {messages.length === 0 ? <li className="text-muted">No messages yet.</li> : null}
        {messages.map((m) => (
          <li key={m.id} data-testid="chat-message">
            <span className="font-medium text-ink">{m.author === you ? "You" : nameOf(m.author)}</span>{" "}
            <time dateTime={m.at} className="text-xs text-muted">
              {formatTime(m.at)}
            </time>
            <p className="break-words whitespace-pre-wrap text-ink">{m.text}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={send} className="space-y-2">
        <label htmlFor="chat-input" className="sr-only">
          Message
        </label>
        <textarea
          id="chat-input"
          rows={2}
          value={text}
          disabled={!canSend}
          maxLength={MAX_CHAT_LENGTH}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) send(e);
          }}
          placeholder={canSend ? "Write a message" : "Chat opens when you are connected with a seat"}
          aria-describedby="chat-count"
          className={`${inputClass} resize-y text-sm`}
        />
        <div className="flex items-center justify-between gap-3">
          <span id="chat-count" className={`text-xs tabular-nums ${left < 100 ? "text-danger" : "text-muted"}`}>
            {text.length} / {MAX_CHAT_LENGTH}
          </span>
          <button type="submit" disabled={!canSend || !text.trim()} className={primaryButtonSmall}>
            Send
          </button>
        </div>
      </form>
    </section>
  );
}
