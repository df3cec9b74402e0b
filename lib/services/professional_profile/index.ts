// professional_profile: profiles, portfolios, follows, blocks and people search.
// One module per concern; import the service from "@/lib/services/professional_profile".
export * from "./types";
export * from "./profiles";
export * from "./portfolio";
