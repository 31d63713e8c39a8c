// Resource options every apiidentity resource applies on top of the user's.
import * as pulumi from "@pulumi/pulumi";
import { handlerFor } from "../provider/handlers.js";
import { stripInternal } from "../provider/resource.js";

/** Keeps generated and write-only values secret in state, whatever the user passed. */
export function secretOptions(opts: pulumi.CustomResourceOptions | undefined, secretOutputs: readonly string[]): pulumi.CustomResourceOptions {
  return pulumi.mergeOptions(opts, { additionalSecretOutputs: [...secretOutputs] });
}

/** Wraps a secret input so it is encrypted in state even when the program passed plain text. */
export function secretInput<T>(value: pulumi.Input<T> | undefined): pulumi.Output<pulumi.Unwrap<T>> | undefined {
  return value === undefined ? undefined : pulumi.secret(value);
}

/**
 * Shows, as warnings on the resource, what its handler's `advise` says about valid inputs that break
 * only a guessed vendor rule: the vendor is the judge, so the program goes on. Runs once the inputs
 * are known; inputs the input schema refuses are left to the engine's own check error. No vendor call
 * and no login happen here.
 */
export function adviseOn(resource: pulumi.Resource, kind: string, args: object): void {
  const handler = handlerFor(kind);
  const advise = handler.advise?.bind(handler);
  if (!advise) return;
  pulumi.output(args).apply(async (inputs) => {
    // The input schema alone, not the full check: that may call the vendor (role look-ups), and the
    // provider's own check runs anyway. Inputs it refuses are left to that check's error.
    const parsed = handler.inputs.safeParse(stripInternal(inputs));
    if (!parsed.success) return;
    for (const warning of advise(parsed.data)) await pulumi.log.warn(warning, resource);
  });
}
