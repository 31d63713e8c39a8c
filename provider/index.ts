// Entry point the serialised dynamic provider loads by package name: `pulumi-apiidentity/provider`.
export { dispatch, type Method } from "./dynamic/dispatch.js";
export { handlerFor, allHandlers } from "./handlers.js";
export type { ResourceHandler, ResourceMethods, CheckFailure, CheckResult, DiffResult, ReadResult, CreateResult } from "./resource.js";
export { SETTINGS, CONFIG_NAMESPACE } from "./config.js";
export { resolveSettings, environmentSettings, type Settings, type SettingSources } from "./settings.js";
export { defineResource, type ResourceDefinition, type Created, type Converged, type Refusal, type LostAnswer, type OwnCreate } from "./lifecycle.js";
export { ApiIdentityError, ConfigurationError, VendorCallError, AdoptionError, LostCreateError, OutcomeUnknownError } from "./errors.js";
