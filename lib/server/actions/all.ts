// Every module that declares actions, so the authorization test sees all of them.
export * from "./recipients";
export * from "./users";
export * from "./tokens";
export * from "./transfer-log";
export * from "./transfers";
export * from "./notifications";
export * from "./record";
export * from "./deletion-acts";
export * from "./subject-requests";
