/** Chat messages kept in room storage for the transcript export. */
export const TRANSCRIPT_LIMIT = 5000;
import { CHAT_FLUSH_MS } from "../lib/realtime/protocol";

export type TranscriptEntry = { id: string; authorId: string; author: string; text: string; at: string };

type Row = { id: string; author_id: string; author: string; text: string; at: string };

/**
 * The room's chat: a pending batch in memory and the stored transcript in the room's SQLite.
 * Chat is broadcast at once and written in batches (CHAT_FLUSH_MS). A Durable Object holds every
 * outgoing message while a write is being committed (its output gate), so one commit per chat
 * message put a disk flush in front of deliveries; a batch puts one flush behind many. The price:
 * a crash of the room loses at most that window of chat from the transcript (everyone in the room
 * has already received it). Canvas and notes updates are still written before they are sent.
 */
export class ChatLog {
  readonly #storage: DurableObjectStorage;
  #pending: TranscriptEntry[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(storage: DurableObjectStorage) {
    this.#storage = storage;
    storage.sql.exec(
      `CREATE TABLE IF NOT EXISTS chat (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL, author_id TEXT NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL
      )`,
    );
  }

  /** Queues a message for the next batch write. */
  add(entry: TranscriptEntry): void {
    this.#pending.push(entry);
    this.#timer ??= setTimeout(() => this.flush(), CHAT_FLUSH_MS);
  }

  /** Writes the pending batch in one transaction and trims the transcript to its limit. */
  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    this.#storage.transactionSync(() => {
      const sql = this.#storage.sql;
      for (const entry of batch) {
        sql.exec(
          "INSERT INTO chat (id, author_id, author, text, at) VALUES (?, ?, ?, ?, ?)",
          entry.id,
          entry.authorId,
          entry.author,
          entry.text,
          entry.at,
        );
      }
      sql.exec("DELETE FROM chat WHERE seq <= (SELECT MAX(seq) FROM chat) - ?", TRANSCRIPT_LIMIT);
    });
  }

  /** The whole transcript, oldest first, the pending batch included (it is written first). */
  read(): TranscriptEntry[] {
    this.flush();
    return this.#storage.sql
      .exec<Row>("SELECT id, author_id, author, text, at FROM chat ORDER BY seq")
      .toArray()
      .map((row: Row) => ({ id: row.id, authorId: row.author_id, author: row.author, text: row.text, at: row.at }));
  }
}
