// Resource options every apiidentity resource applies on top of the user's.
import * as pulumi from "@pulumi/pulumi";
import { handlerFor } from "../provider/handlers.js";
import { stripInternal, type ResourceHandler } from "../provider/resource.js";

/** Keeps generated and write-only values secret in state, whatever the user passed. */
export function secretOptions(opts: pulumi.CustomResourceOptions | undefined, secretOutputs: readonly string[]): pulumi.CustomResourceOptions {
  return pulumi.mergeOptions(opts, { additionalSecretOutputs: [...secretOutputs] });
}

/** Wraps a secret input so it is encrypted in state even when the program passed plain text. */
export function secretInput<T>(value: pulumi.Input<T> | undefined): pulumi.Output<pulumi.Unwrap<T>> | undefined {
  return value === undefined ? undefined : pulumi.secret(value);
}

/**
 * What the handler's `advise` says about `inputs`, judged with the resource's input schema alone (no
 * vendor call, no login). A property the schema refuses is left out and the rest judged, as long as
 * the schema accepts them without it: a value only the provider can judge (an Ivanti role under the
 * tenant's own name, `ivantiIseRoleName`) must not hide the advice on the others, and the engine's
 * own check names whatever is really wrong.
 */
export function adviceFor(handler: ResourceHandler, inputs: unknown): string[] {
  const advise = handler.advise?.bind(handler);
  if (!advise) return [];
  const raw = stripInternal(inputs);
  let parsed = handler.inputs.safeParse(raw);
  if (!parsed.success) {
    const refused = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")));
    if (refused.has("")) return [];
    parsed = handler.inputs.safeParse(Object.fromEntries(Object.entries(raw).filter(([k]) => !refused.has(k))));
    if (!parsed.success) return [];
  }
  return advise(parsed.data);
}

/**
 * Shows, as warnings on the resource, what its handler's `advise` says about valid inputs that break
 * only a guessed vendor rule: the vendor is the judge, so the program goes on. Runs once the inputs
 * are known (`adviceFor`).
 */
export function adviseOn(resource: pulumi.Resource, kind: string, args: object): void {
  const handler = handlerFor(kind);
  if (!handler.advise) return;
  pulumi.output(args).apply(async (inputs) => {
    for (const warning of adviceFor(handler, inputs)) await pulumi.log.warn(warning, resource);
  });
}
