// Resource options every apiidentity resource applies on top of the user's.
import * as pulumi from "@pulumi/pulumi";
import { ADVISED_KINDS, adviceOf, type KindAdvice } from "./advice.js";
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
 * What the handler's `advise` says about `inputs`, judged with the resource's input schema alone (no
 * vendor call, no login). A property the schema refuses is left out and the rest judged, as long as
 * the schema accepts them without it: a value only the provider can judge (a role under the
 * tenant's own name, set in a provider setting) must not hide the advice on the others, and the engine's
 * own check names whatever is really wrong.
 */
export function adviceFor(handler: KindAdvice, inputs: unknown): string[] {
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
 * are known (`adviceFor`). Only the kind's input module is loaded (provider/advice.ts), starting
 * now so that it is ready when the inputs are.
 */
export function adviseOn(resource: pulumi.Resource, kind: string, args: object): void {
  // A kind without advise rules costs no apply and loads nothing.
  if (!ADVISED_KINDS.includes(kind)) return;
  const loading = adviceOf(kind);
  // Unknown inputs (a preview) never run the apply below; a failed load must not go unhandled then.
  loading.catch(() => undefined);
  pulumi.output(args).apply(async (inputs) => {
    const advice = await loading;
    if (!advice?.advise) return;
    for (const warning of adviceFor(advice, inputs)) await pulumi.log.warn(warning, resource);
  });
}
