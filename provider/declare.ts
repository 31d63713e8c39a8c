// Which properties of a resource kind are secret, answered from the resource's own declarations,
// so that no caller (drift, discover, the schema generator) guesses a secret from its name.
import { z } from "zod";
import { allHandlers } from "./handlers.js";
import type { ResourceHandler } from "./resource.js";

function shipped(kind: string): ResourceHandler | undefined {
  return allHandlers().find((h) => h.kind === kind);
}

function inputNames(h: ResourceHandler): Set<string> {
  const js = z.toJSONSchema(h.inputs, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, unknown> };
  return new Set(Object.keys(js.properties ?? {}));
}

/** Every property (input or output) of `kind` that Pulumi keeps as a secret; empty for an unknown kind. */
export function secretPropertiesOf(kind: string): ReadonlySet<string> {
  const h = shipped(kind);
  return new Set(h ? h.secretOutputs : []);
}

/**
 * Secret inputs the vendor never returns (passwords a user sets): a read cannot recover them, so
 * a declaration written from what the vendor holds must take them from elsewhere (stack config).
 */
export function writeOnlyInputsOf(kind: string): readonly string[] {
  const h = shipped(kind);
  if (!h) return [];
  const ins = inputNames(h);
  return h.secretOutputs.filter((p) => ins.has(p));
}
