export * from "./users";
export * from "./audit";
export * from "./catalogue";
export * from "./recipients";
export * from "./tokens";
export * from "./transfer-log";
export * from "./transfer-requests";
export * from "./publications";
