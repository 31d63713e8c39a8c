// Entry point the serialised dynamic provider loads by package name: `pulumi-apiidentity/provider`.
export { dispatch, type Method } from "./dynamic/dispatch.js";
export { handlerFor, allHandlers } from "./handlers.js";
export type { ResourceHandler, CheckFailure, CheckResult, DiffResult, ReadResult, CreateResult } from "./resource.js";
export { SETTINGS, CONFIG_NAMESPACE, setting } from "./config.js";
