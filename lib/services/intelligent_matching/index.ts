// intelligent_matching: who to follow, contact or invite, ranked by what people share, explained,
// fair to the long tail, and fast. One module per concern; import the service from
// "@/lib/services/intelligent_matching".
export * from "./types";
export { MATCHING, MATCH_INTENTS, MATCH_RATE_LIMITS, type SignalWeights } from "./config";
export { suggestMatches, computeMatches, type SuggestOptions } from "./suggest";
export { dismissMatch, limitMatchWrite } from "./dismiss";
export { invalidateMatches, invalidateMatchesBetween, invalidateMatchesAfterProfileEdit } from "./cache";
export { followedAmong } from "./relations";
export { setEkohProvider } from "./ekoh";
export { population, refreshPopulation, dropPopulation, markPersonChanged } from "./store";
export { PopulationIndex } from "./population";
export { rankCandidates } from "./rank";
export { freshness, popularityDamping } from "./signals";
export { reasonsFor, listNames } from "./reasons";
