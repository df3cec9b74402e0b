import { randomBytes } from "node:crypto";
import { and, asc, eq, isNotNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarFeedToken, opportunity, opportunitySave } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { effectiveStatus } from "./status";
import { buildCalendar, type DeadlineEvent } from "./ical";
import type { Actor } from "./types";

const KIND_LABEL = { residency: "Residency", exhibition: "Exhibition", open_call: "Open call", job: "Job" } as const;
const MAX_EVENTS = 500;

const newToken = () => randomBytes(32).toString("base64url");

export const calendarFeedUrl = (appUrl: string, token: string) => `${appUrl.replace(/\/+$/, "")}/api/v1/calendar/${token}.ics`;

function requireActor(actor: Actor): { id: string } {
  if (!actor) throw new AppError("unauthorized", "Sign in to get your calendar link.");
  return actor;
}

/** GET /api/v1/calendar: the actor's private feed URL, made on first request. */
export async function getCalendarUrl(db: Db, actor: Actor, appUrl: string): Promise<{ url: string }> {
  const me = requireActor(actor);
  await db.insert(calendarFeedToken).values({ userId: me.id, token: newToken() }).onConflictDoNothing();
  const [row] = await db.select({ token: calendarFeedToken.token }).from(calendarFeedToken).where(eq(calendarFeedToken.userId, me.id));
  return { url: calendarFeedUrl(appUrl, row!.token) };
}

/** POST /api/v1/calendar: a new private URL; the old one stops working at once. */
export async function rotateCalendarUrl(db: Db, actor: Actor, appUrl: string): Promise<{ url: string }> {
  const me = requireActor(actor);
  const token = newToken();
  await db
    .insert(calendarFeedToken)
    .values({ userId: me.id, token })
    .onConflictDoUpdate({ target: calendarFeedToken.userId, set: { token, createdAt: sql`now()` } });
  return { url: calendarFeedUrl(appUrl, token) };
}

/**
 * The iCalendar document behind a private URL: one event per deadline of a posting the owner of
 * the token saved or applied to. 404 for an unknown (or rotated) token.
 */
export async function calendarFeed(db: Db, token: string, appUrl: string): Promise<string> {
  const clean = token.replace(/\.ics$/, "");
  if (!/^[A-Za-z0-9_-]{32,64}$/.test(clean)) throw new AppError("not_found", "No such calendar.");
  const [owner] = await db.select({ userId: calendarFeedToken.userId }).from(calendarFeedToken).where(eq(calendarFeedToken.token, clean));
  if (!owner) throw new AppError("not_found", "No such calendar.");
  const saved = sql`exists (select 1 from ${opportunitySave} where ${opportunitySave.opportunityId} = ${opportunity.id} and ${opportunitySave.userId} = ${owner.userId})`;
  // Aliased by hand: drizzle leaves select-list columns unqualified in one-table queries.
  const applied = sql<boolean>`exists (select 1 from opportunity_application a where a.opportunity_id = "opportunity"."id" and a.applicant_id = ${owner.userId})`;
  const rows = await db
    .select({ id: opportunity.id, title: opportunity.title, kind: opportunity.kind, region: opportunity.region, deadline: opportunity.deadline, updatedAt: opportunity.updatedAt, status: effectiveStatus, applied })
    .from(opportunity)
    .where(and(isNotNull(opportunity.deadline), or(saved, applied)))
    .orderBy(asc(opportunity.deadline), asc(opportunity.id))
    .limit(MAX_EVENTS);
  const base = appUrl.replace(/\/+$/, "");
  const now = new Date();
  const events: DeadlineEvent[] = rows.map((r) => ({
    uid: `opportunity-${r.id}-deadline@kontact`,
    summary: `Deadline: ${r.title}`,
    description: [`${KIND_LABEL[r.kind]}${r.region ? `, ${r.region}` : ""}.`, r.applied ? "You applied." : "You saved this opportunity.", `${base}/connect/opportunities/${r.id}`].join("\n"),
    url: `${base}/connect/opportunities/${r.id}`,
    at: r.deadline!,
    stamp: r.updatedAt,
    // Closed early or filled before its deadline: calendars show the deadline as called off.
    cancelled: r.status !== "open" && r.deadline! > now,
  }));
  return buildCalendar("Kontact deadlines", events);
}
