import type { LedgerEntry, RoomStore } from "./room-doc";

/**
 * RoomDoc's storage in the Durable Object's SQLite, plus a small key/value table for room
 * facts (ended, host, pending archive). Every call is synchronous: a write is in SQLite before
 * the room sends anything about it.
 */
export class SqlRoomStore implements RoomStore {
  readonly #storage: DurableObjectStorage;
  #rows: number;

  constructor(storage: DurableObjectStorage) {
    this.#storage = storage;
    const sql = storage.sql;
    sql.exec("CREATE TABLE IF NOT EXISTS doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, data BLOB NOT NULL)");
    sql.exec(
      `CREATE TABLE IF NOT EXISTS stroke_ledger (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, stroke_id TEXT NOT NULL UNIQUE, user_id TEXT NOT NULL, handle TEXT NOT NULL
      )`,
    );
    sql.exec("CREATE TABLE IF NOT EXISTS room_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    this.#rows = sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM doc_updates").one().n;
  }

  loadUpdates(): Uint8Array[] {
    return this.#storage.sql
      .exec<{ data: ArrayBuffer }>("SELECT data FROM doc_updates ORDER BY seq")
      .toArray()
      .map((row) => new Uint8Array(row.data));
  }

  loadLedger(): LedgerEntry[] {
    return this.#storage.sql
      .exec<{ seq: number; stroke_id: string; user_id: string; handle: string }>(
        "SELECT seq, stroke_id, user_id, handle FROM stroke_ledger ORDER BY seq",
      )
      .toArray()
      .map((row) => ({ seq: row.seq, strokeId: row.stroke_id, userId: row.user_id, handle: row.handle }));
  }

  append(updates: Uint8Array[], ledger: Omit<LedgerEntry, "seq">[]): LedgerEntry[] {
    return this.#storage.transactionSync(() => {
      const sql = this.#storage.sql;
      for (const update of updates) sql.exec("INSERT INTO doc_updates (data) VALUES (?)", arrayBuffer(update));
      this.#rows += updates.length;
      return ledger.map((entry) => {
        const { seq } = sql
          .exec<{ seq: number }>(
            "INSERT INTO stroke_ledger (stroke_id, user_id, handle) VALUES (?, ?, ?) RETURNING seq",
            entry.strokeId,
            entry.userId,
            entry.handle,
          )
          .one();
        return { ...entry, seq };
      });
    });
  }

  replaceUpdates(state: Uint8Array): void {
    this.#storage.transactionSync(() => {
      this.#storage.sql.exec("DELETE FROM doc_updates");
      this.#storage.sql.exec("INSERT INTO doc_updates (data) VALUES (?)", arrayBuffer(state));
    });
    this.#rows = 1;
  }

  updateCount(): number {
    return this.#rows;
  }

  getMeta(key: string): string | null {
    const rows = this.#storage.sql.exec<{ value: string }>("SELECT value FROM room_meta WHERE key = ?", key).toArray();
    return rows[0]?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.#storage.sql.exec(
      "INSERT INTO room_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      key,
      value,
    );
  }
}

function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
