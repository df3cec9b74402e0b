import * as Y from "yjs";
import { strokeSchema, type ArchivedStroke, type RoomArchive, type Stroke } from "../lib/realtime/archive";
import { RESYNC_HINT } from "../lib/realtime/protocol";

/**
 * The room's Yjs document (layout in lib/realtime/archive.ts) with the server's rules on top:
 * client updates are applied, then anything outside the layout is removed in a server
 * transaction; the stroke ledger (who added which stroke) comes from the connection, never from
 * the document; every change is persisted through RoomStore before the caller broadcasts it.
 * Storage-agnostic so it can be unit-tested without workerd (party/room-store.ts is the SQL side).
 */

export type Author = { userId: string; handle: string };
export type LedgerEntry = Author & { strokeId: string; seq: number };

export interface RoomStore {
  /** Every stored update, oldest first. */
  loadUpdates(): Uint8Array[];
  loadLedger(): LedgerEntry[];
  /** Appends updates and ledger entries in one write; returns the entries with their sequence numbers. */
  append(updates: Uint8Array[], ledger: Omit<LedgerEntry, "seq">[]): LedgerEntry[];
  /** Replaces every stored update by one (compaction). */
  replaceUpdates(state: Uint8Array): void;
  updateCount(): number;
}

export type ApplyResult = {
  /** What the document took from this update, server corrections included: for everyone else. */
  forOthers: Uint8Array | null;
  /** The server's corrections (removals, restorations): the sender must apply them too. */
  forSender: Uint8Array | null;
  /** Why (part of) the update was refused; null when all of it was accepted. */
  error: string | null;
};

/** Strokes carry no extra keys: the schema strips unknown keys, the room refuses them. */
const storedStroke = strokeSchema.strict();
const SERVER = Symbol("server");
const LOAD = Symbol("load");
/** Update rows kept before they are folded into one state row. */
export const COMPACT_AFTER_ROWS = 500;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
type AnyType = Y.AbstractType<any>;
type StrokeChange = { key: string; action: "add" | "update" | "delete"; oldValue: unknown };

export class RoomDoc {
  readonly doc = new Y.Doc();
  readonly notes = this.doc.getText("notes");
  readonly strokes = this.doc.getMap<Stroke>("strokes");
  readonly #store: RoomStore;
  readonly #ledger = new Map<string, LedgerEntry>();
  #captured: Uint8Array[] = [];
  #strokeChanges: StrokeChange[] = [];
  #changedRoots = new Set<AnyType>();
  #strokeListContent = false;

  constructor(store: RoomStore) {
    this.#store = store;
    const updates = store.loadUpdates();
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update, LOAD);
    }, LOAD);
    for (const entry of store.loadLedger()) this.#ledger.set(entry.strokeId, entry);

    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== LOAD) this.#captured.push(update);
    });
    this.strokes.observe((event) => {
      if (!isClientOrigin(event.transaction.origin)) return;
      event.changes.keys.forEach((change, key) => this.#strokeChanges.push({ key, ...change }));
    });
    this.doc.on("afterTransaction", (transaction: Y.Transaction) => {
      if (!isClientOrigin(transaction.origin)) return;
      transaction.changed.forEach((keys, type) => {
        const root = rootOf(type);
        this.#changedRoots.add(root);
        if (type === (this.strokes as AnyType) && keys.has(null)) this.#strokeListContent = true;
      });
    });
  }

  /** The whole document as one update (for a newcomer). */
  state(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }

  /** Applies a client's update with `origin` (its connection), enforces the layout, persists. */
  applyClientUpdate(update: Uint8Array, author: Author, origin: object): ApplyResult {
    const problems: string[] = [];
    this.#resetTracking();
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch {
      problems.push("the update could not be decoded");
    }
    // Structs waiting for missing ones would later integrate under another sender's name;
    // a client that is in sync never sends them, so drop them and let it resync.
    const store = this.doc.store;
    if (store.pendingStructs || store.pendingDs) {
      store.pendingStructs = null;
      store.pendingDs = null;
      problems.push(`the update depends on changes the room does not have; ${RESYNC_HINT}`);
    }
    const fromClient = this.#captured.splice(0);
    const ledger = this.#enforce(author, problems);
    const corrections = this.#captured.splice(0);
    this.#persist([...fromClient, ...corrections], ledger);
    const all = [...fromClient, ...corrections];
    // The resync hint goes last so clients can recognise it.
    const ordered = [...problems.filter((p) => !p.endsWith(RESYNC_HINT)), ...problems.filter((p) => p.endsWith(RESYNC_HINT))];
    return {
      forOthers: all.length > 0 ? Y.mergeUpdates(all) : null,
      forSender: corrections.length > 0 ? Y.mergeUpdates(corrections) : null,
      error: ordered.length > 0 ? `Refused: ${ordered.join("; ")}` : null,
    };
  }

  /** Removes every stroke (the host's clear); returns the update for everyone, or null. */
  clear(): Uint8Array | null {
    this.#captured = [];
    this.doc.transact(() => {
      for (const key of [...this.strokes.keys()]) this.strokes.delete(key);
    }, SERVER);
    const updates = this.#captured.splice(0);
    if (updates.length === 0) return null;
    this.#persist(updates, []);
    return Y.mergeUpdates(updates);
  }

  /** Strokes on the canvas, in drawing order, credited by the ledger. */
  archivedStrokes(): ArchivedStroke[] {
    const strokes: (ArchivedStroke & { seq: number })[] = [];
    this.strokes.forEach((stroke, id) => {
      const entry = this.#ledger.get(id);
      if (entry) strokes.push({ ...stroke, authorId: entry.userId, author: entry.handle, seq: entry.seq });
    });
    return strokes.sort((a, b) => a.seq - b.seq).map(({ seq: _seq, ...stroke }) => stroke);
  }

  /** Strokes added per person over the session, erased ones included. */
  contributions(): RoomArchive["contributions"] {
    const byUser = new Map<string, { userId: string; handle: string; strokes: number }>();
    for (const entry of this.#ledger.values()) {
      const row = byUser.get(entry.userId) ?? { userId: entry.userId, handle: entry.handle, strokes: 0 };
      row.strokes += 1;
      row.handle = entry.handle;
      byUser.set(entry.userId, row);
    }
    return [...byUser.values()];
  }

  ledgerEntry(strokeId: string): LedgerEntry | undefined {
    return this.#ledger.get(strokeId);
  }

  #resetTracking(): void {
    this.#captured = [];
    this.#strokeChanges = [];
    this.#changedRoots.clear();
    this.#strokeListContent = false;
  }

  /** One server transaction undoing whatever the client put outside the layout; returns new ledger rows. */
  #enforce(author: Author, problems: string[]): Omit<LedgerEntry, "seq">[] {
    const added: Omit<LedgerEntry, "seq">[] = [];
    this.doc.transact((transaction) => {
      for (const change of this.#strokeChanges) {
        if (change.action === "delete") continue; // erasing is allowed to every editor
        const value = this.strokes.get(change.key);
        if (value === undefined) continue;
        if (change.action === "update") {
          // Strokes are written once: an overwrite is refused and the previous stroke restored.
          problems.push(`stroke ${change.key} already exists`);
          if (isValidStroke(change.key, change.oldValue)) this.strokes.set(change.key, change.oldValue);
          else this.strokes.delete(change.key);
          continue;
        }
        if (!isValidStroke(change.key, value)) {
          problems.push(`stroke ${change.key} is not a valid stroke`);
          this.strokes.delete(change.key);
          continue;
        }
        if (!this.#ledger.has(change.key) && !added.some((row) => row.strokeId === change.key)) {
          added.push({ strokeId: change.key, userId: author.userId, handle: author.handle });
        }
      }
      if (this.#strokeListContent) {
        const listed = live(listItems(this.strokes as AnyType));
        if (listed.length > 0) problems.push("strokes is a map of strokes");
        deleteItems(listed, transaction);
      }
      if (this.#changedRoots.has(this.notes as AnyType)) {
        const foreign = live([...listItems(this.notes as AnyType), ...this.notes._map.values()]).filter(
          (item) => item.parentSub !== null || !(item.content instanceof Y.ContentString),
        );
        if (foreign.length > 0) problems.push("notes hold plain text only");
        deleteItems(foreign, transaction);
      }
      for (const root of this.#changedRoots) {
        if (root === (this.notes as AnyType) || root === (this.strokes as AnyType)) continue;
        const items = live([...listItems(root), ...root._map.values()]);
        if (items.length > 0) problems.push("only notes and strokes may be changed");
        deleteItems(items, transaction);
      }
    }, SERVER);
    return added;
  }

  #persist(updates: Uint8Array[], ledger: Omit<LedgerEntry, "seq">[]): void {
    if (updates.length === 0 && ledger.length === 0) return;
    for (const entry of this.#store.append(updates, ledger)) this.#ledger.set(entry.strokeId, entry);
    if (this.#store.updateCount() > COMPACT_AFTER_ROWS) this.#store.replaceUpdates(this.state());
  }
}

function isClientOrigin(origin: unknown): boolean {
  return origin !== SERVER && origin !== LOAD && origin !== null && typeof origin === "object";
}

function isValidStroke(key: string, value: unknown): value is Stroke {
  const parsed = storedStroke.safeParse(value);
  return parsed.success && parsed.data.id === key;
}

function rootOf(type: AnyType): AnyType {
  let current = type;
  while (current._item && current._item.parent instanceof Y.AbstractType) current = current._item.parent;
  return current;
}

function listItems(type: AnyType): Y.Item[] {
  const items: Y.Item[] = [];
  for (let item = type._start; item !== null; item = item.right) items.push(item);
  return items;
}

function live(items: Y.Item[]): Y.Item[] {
  return items.filter((item) => !item.deleted);
}

function deleteItems(items: Y.Item[], transaction: Y.Transaction): void {
  for (const item of items) item.delete(transaction);
}
