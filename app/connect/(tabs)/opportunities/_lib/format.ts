import type { Opportunity, OpportunityKind } from "@/lib/services/opportunity_announcement";
import { formatMoney } from "@/lib/services/opportunity_announcement/fair-call";

export const KIND_LABEL: Record<OpportunityKind, string> = { residency: "Residency", exhibition: "Exhibition", open_call: "Open call", job: "Job" };
export const KINDS = Object.keys(KIND_LABEL) as OpportunityKind[];

const DAY = 24 * 60 * 60 * 1000;
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export const formatDate = (iso: string) => dateFormat.format(new Date(iso));

/** "1 Mar – 30 Apr 2027", "From 1 Mar 2027", "Until …", or null when undated. */
export function formatDates(startsAt: string | null, endsAt: string | null): string | null {
  if (startsAt && endsAt) return `${formatDate(startsAt)} – ${formatDate(endsAt)}`;
  if (startsAt) return `From ${formatDate(startsAt)}`;
  if (endsAt) return `Until ${formatDate(endsAt)}`;
  return null;
}

/** What the deadline means for someone reading now: "Closes in 3 days", "Closed", "Filled". */
export function deadlineLabel(o: Pick<Opportunity, "status" | "deadline">, now = Date.now()): string {
  if (o.status === "filled") return "Filled";
  if (o.status === "closed") return o.deadline && Date.parse(o.deadline) < now ? `Closed on ${formatDate(o.deadline)}` : "Closed";
  if (!o.deadline) return "Open, no deadline";
  const ms = Date.parse(o.deadline) - now;
  const days = Math.floor(ms / DAY);
  if (ms < DAY) return ms < 60 * 60 * 1000 ? "Closes within the hour" : "Closes today";
  if (days === 1) return "Closes tomorrow";
  return `Closes in ${days} days`;
}

export const isClosingSoon = (o: Pick<Opportunity, "status" | "deadline">, now = Date.now()) =>
  o.status === "open" && o.deadline !== null && Date.parse(o.deadline) - now < 7 * DAY;

export function compensationText(o: Pick<Opportunity, "compensation">): string {
  const { paid, amount, currency } = o.compensation;
  if (!paid) return "Unpaid";
  return amount !== undefined && currency ? `Paid, ${formatMoney(amount, currency)}` : "Paid (amount not stated)";
}

export function entryFeeText(o: Pick<Opportunity, "entryFee">): string {
  return o.entryFee ? `${formatMoney(o.entryFee.amount, o.entryFee.currency)} entry fee` : "No entry fee";
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The date part (YYYY-MM-DD, UTC) of a stored time, for <input type="date">. */
export const dateInputValue = (iso: string | null) => (iso ? iso.slice(0, 10) : "");
