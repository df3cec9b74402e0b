import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { opportunity, tag } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { listOpportunitiesSchema, type ListOpportunitiesInput, type OpportunitySort } from "@/lib/validation/opportunities";
import { parseInput } from "@/lib/validation/parse";
import { rowColumns, toOpportunities, type OpportunityRow } from "./read";
import { statusCondition } from "./status";
import { newestMatches, RANK_CANDIDATES } from "./candidates";
import { textQuery } from "./text-query";
import type { Actor, Opportunity, Page } from "./types";

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

type Cursor = { s: OpportunitySort | "text"; k: (string | number | null)[] };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(raw: string | undefined, sort: Cursor["s"]): Cursor["k"] | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (value.s === sort && Array.isArray(value.k)) return value.k;
  } catch {
    // fall through
  }
  throw new AppError("validation_failed", "Some fields are invalid.", { fields: { cursor: ["This cursor does not belong to this search; start again without it."] } });
}

/** A timestamp as text with its microseconds, so a cursor compares exactly what the database stored. */
const exactTime = (column: SQL | typeof opportunity.createdAt) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function filters(actor: Actor, input: ListOpportunitiesInput): SQL[] {
  const where: SQL[] = [];
  if (input.owner) {
    if (!actor) throw new AppError("unauthorized", "Sign in to see your own postings.");
    where.push(eq(opportunity.ownerId, actor.id));
  }
  const status = statusCondition(input.status ?? (input.owner ? "any" : "open"));
  if (status) where.push(status);
  if (input.kind.length) where.push(inArray(opportunity.kind, input.kind));
  if (input.tag.length) {
    // tag_ids mirrors opportunity_tag (triggers): its GIN bitmap ANDs with the region's. An unknown
    // tag's id is null, and an array holding null contains nothing, so it matches no posting.
    const ids = [...new Set(input.tag)].map((name) => sql`(select ${tag.id} from ${tag} where ${tag.name} = ${name})`);
    where.push(sql`${opportunity.tagIds} @> array[${sql.join(ids, sql`, `)}]::integer[]`);
  }
  if (input.region) where.push(sql`${opportunity.region} ilike ${`%${escapeLike(input.region)}%`}`);
  if (input.from || input.to) {
    // Overlap of [startsAt, endsAt] with [from, to]; a missing bound is open. Undated postings never overlap.
    where.push(sql`(${opportunity.startsAt} is not null or ${opportunity.endsAt} is not null)`);
    where.push(sql`tstzrange(${opportunity.startsAt}, ${opportunity.endsAt}, '[]') && tstzrange(${input.from?.toISOString() ?? null}::timestamptz, ${input.to?.toISOString() ?? null}::timestamptz, '[]')`);
  }
  if (actor && !input.owner) {
    // A block either way keeps the pair's postings out of each other's lists (as with profiles).
    where.push(sql`${opportunity.ownerId} not in (select b.blocked_id from blocks b where b.blocker_id = ${actor.id}
      union all select b.blocker_id from blocks b where b.blocked_id = ${actor.id})`);
  }
  if (input.paid) where.push(eq(opportunity.paid, true));
  if (input.noEntryFee) where.push(sql`${opportunity.entryFeeAmount} is null`);
  return where;
}

/**
 * GET /api/v1/opportunities: free text over title, description and tags (full text with prefix
 * terms and one-edit typo correction, or trigram similarity on title and tags when no word is
 * known), filters, three sorts and a cursor. Relevance ranks the newest RANK_CANDIDATES matches;
 * without `q` it means newest first. Deadline and recent orders page through every match.
 */
export async function listOpportunities(db: Db, actor: Actor, raw: unknown): Promise<Page<Opportunity>> {
  const input = parseInput(listOpportunitiesSchema, raw);
  const where = filters(actor, input);
  const limit = input.limit;
  let rank: SQL<number> | null = null;
  if (input.q) {
    const text = await textQuery(db, input.q);
    // Full text (with one-edit typo correction) when some posting has the words; otherwise
    // trigram word similarity on titles and tags, for worse typos.
    const match = text
      ? sql`${opportunity.searchVector} @@ to_tsquery('simple', ${text.match})`
      : sql`${opportunity.searchDocument} %> ${input.q}`;
    where.push(match);
    const textRank = text ? sql`ts_rank(${opportunity.searchVector}, to_tsquery('simple', ${text.rank}))` : sql`0`;
    rank = sql<number>`(${textRank} + word_similarity(${input.q}, ${opportunity.searchDocument}))`;
  }
  const sort: Cursor["s"] = input.sort === "relevance" ? (rank ? "text" : "recent") : input.sort;
  const cursor = decodeCursor(input.cursor, sort);

  const base = db
    .select({ ...rowColumns, createdKey: exactTime(opportunity.createdAt), deadlineKey: exactTime(sql`${opportunity.deadline}`) })
    .from(opportunity);
  let rows: (OpportunityRow & { createdKey: string; deadlineKey: string | null })[];
  let next: (row: (typeof rows)[number], index: number) => Cursor["k"];
  if (sort === "text") {
    const offset = Number(cursor?.[0] ?? 0);
    if (!Number.isInteger(offset) || offset < 0 || offset > RANK_CANDIDATES) throw new AppError("validation_failed", "Some fields are invalid.", { fields: { cursor: ["Not a valid cursor."] } });
    // Only the newest matches are ranked, so a very common word costs no more than a rare one.
    const ids = offset < RANK_CANDIDATES ? await newestMatches(db, where) : [];
    if (ids.length === 0) return { items: [], nextCursor: null };
    rows = (await base.where(inArray(opportunity.id, ids)).orderBy(desc(rank!), desc(opportunity.createdAt), asc(opportunity.id)).limit(limit + 1).offset(offset)) as typeof rows;
    next = (_row, index) => [offset + index + 1];
  } else {
    if (cursor && sort === "recent") where.push(sql`(${opportunity.createdAt}, ${opportunity.id}) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])})`);
    if (cursor && sort === "deadline") {
      const [deadline, id] = [cursor[0] === null ? null : String(cursor[0]), String(cursor[1])];
      where.push(
        deadline === null
          ? sql`(${opportunity.deadline} is null and ${opportunity.id} > ${id})`
          : sql`(${opportunity.deadline} > ${deadline}::timestamptz or (${opportunity.deadline} = ${deadline}::timestamptz and ${opportunity.id} > ${id}) or ${opportunity.deadline} is null)`,
      );
    }
    const order = sort === "recent" ? [desc(opportunity.createdAt), desc(opportunity.id)] : [sql`${opportunity.deadline} asc nulls last`, asc(opportunity.id)];
    if (input.from || input.to) {
      // Ids first, then the rows: a date-range id query is answered from an index alone.
      const ids = (await db.select({ id: opportunity.id }).from(opportunity).where(and(...where)).orderBy(...order).limit(limit + 1)).map((r) => r.id);
      const found = ids.length ? ((await base.where(inArray(opportunity.id, ids))) as typeof rows) : [];
      rows = ids.flatMap((id) => found.find((r) => r.id === id) ?? []);
    } else {
      rows = (await base.where(and(...where)).orderBy(...order).limit(limit + 1)) as typeof rows;
    }
    next = (row) => (sort === "recent" ? [row.createdKey, row.id] : [row.deadlineKey, row.id]);
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ s: sort, k: next(last, page.length - 1) }) : null;
  return { items: await toOpportunities(db, actor, page), nextCursor };
}
