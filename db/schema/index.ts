export * from "./accounts";
export * from "./profiles";
export * from "./artworks";
export * from "./workspaces";
export * from "./opportunities";
export * from "./endorsements";
export * from "./matching";
export * from "./relations";
