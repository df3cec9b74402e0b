// professional_profile: profiles, portfolios, follows, blocks and people search.
// One module per concern; import the service from "@/lib/services/professional_profile".
export * from "./types";
export * from "./profiles";
export * from "./portfolio";
export * from "./visibility";
export * from "./follows";
export * from "./blocks";
export * from "./tags";
export * from "./search-document";
export * from "./artworks";
export * from "./search";
