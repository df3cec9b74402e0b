// partner_recommendation: endorsements after a concluded collaboration (double-blind, one reply,
// reports), the trust numbers of a profile, and the prompts to endorse. One module per concern;
// import the service from "@/lib/services/partner_recommendation".
export * from "./types";
export { REVEAL_AFTER_DAYS, revealAt, statusOf, endorsementWindow } from "./rules";
export { endorse, replyToEndorsement, reportEndorsement } from "./write";
export { getEndorsement, listEndorsements, endorsementSummary } from "./read";
export { endorsementStats, verifiedCoCreations } from "./stats";
export { endorsementPrompts } from "./prompts";
export { revealTimes } from "./reveal-times";
export { limitEndorsementWrite, ENDORSEMENT_LIMITS, type EndorsementWrite } from "./rate-limits";
