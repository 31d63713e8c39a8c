// The public API: one resource class per vendor identity, plus lookups.
export * from "./uptrends-api-account.js";
export * from "./ise-api-user.js";
export * from "./control-room-user.js";
export * from "./verify-api-client.js";
export * from "./uipath-robot-account.js";
