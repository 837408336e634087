export * from "./users";
export * from "./audit";
export * from "./catalogue";
export * from "./recipients";
export * from "./tokens";
export * from "./publications";
