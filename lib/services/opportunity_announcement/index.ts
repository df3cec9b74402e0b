// opportunity_announcement: residencies, exhibitions, open calls and jobs — post, search, apply,
// lifecycle, attachments, saves and the deadlines calendar. One module per concern; import the
// service from "@/lib/services/opportunity_announcement".
export * from "./types";
export * from "./fair-call";
export { effectiveStatus, effectiveOf, checkStatusMove } from "./status";
export { getOpportunity } from "./read";
export { listOpportunities } from "./search";
export { createOpportunity, updateOpportunity, deleteOpportunity } from "./write";
export { applyToOpportunity, listApplications, viewerState, withdrawApplication } from "./applications";
export { saveOpportunity, unsaveOpportunity } from "./saves";
export { addAttachment, assertCanAttach, checkAttachment, checkAttachmentBytes, deleteAttachment, getAttachmentDownload, displayFilename, MAX_ATTACHMENTS, type AttachmentDownload } from "./attachments";
export { calendarFeed, calendarFeedUrl, getCalendarUrl, rotateCalendarUrl } from "./calendar";
export { limitOpportunityWrite, OPPORTUNITY_LIMITS, type OpportunityWrite } from "./rate-limits";
