// Every resource kind this package serves, by the key the serialised adapter calls it with.
import { ApiIdentityError, ConfigurationError } from "./error-root.js";
import type { ResourceHandler } from "./resource.js";
import { VENDORS } from "./vendors/index.js";

/** The kinds the package ships: every kind of every vendor module. */
const shipped = new Map(VENDORS.flatMap((v) => v.kinds.map((k): [string, ResourceHandler] => [k.kind, k.handler])));

/** Kinds added at run time by registerHandler (this package's own tests add a test-only kind). */
const registered = new Map<string, ResourceHandler>();

/**
 * Serves one more resource kind through the dynamic adapter. A kind module that calls this when it
 * is loaded makes the kind available in the provider process too, because the serialised provider
 * loads that module first. A shipped kind cannot be replaced.
 */
export function registerHandler<I extends object, O extends object>(handler: ResourceHandler<I, O>): void {
  if (shipped.has(handler.kind)) throw new ConfigurationError(`apiidentity: resource kind '${handler.kind}' is one of the package's own and cannot be registered again`);
  registered.set(handler.kind, handler as unknown as ResourceHandler);
}

export function handlerFor(kind: string): ResourceHandler {
  const h = shipped.get(kind) ?? registered.get(kind);
  if (!h) throw new ApiIdentityError(`apiidentity: no handler for resource kind '${kind}'. Is the installed pulumi-apiidentity older than the one that created this resource?`);
  return h;
}

/** The kinds the package ships (not the registered ones): what schema, docs and `check` describe. */
export function allHandlers(): ResourceHandler[] {
  return [...shipped.values()];
}
