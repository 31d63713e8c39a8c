// How every generated resource class turns its Args into the properties it registers: one way for
// all five, driven by the lists the generator writes from the declarations.
import * as pulumi from "@pulumi/pulumi";
import { formatCreateKey } from "../provider/create-key.js";
import { secretInput } from "./options.js";

/** What a generated class knows of its resource's declared properties. */
export interface DeclaredShape {
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Outputs (and inputs) Pulumi keeps as secrets in state. */
  readonly secretOutputs: readonly string[];
  /** Secret inputs: encrypted in state even when the program passes plain text. */
  readonly secretInputs: readonly string[];
}

/** Which resource the properties are for: its type name and its Pulumi resource name. */
export interface ResourceIdentity {
  readonly kind: string;
  readonly name: string;
}

/**
 * The resource's create key: project, stack, kind and resource name. Known before the create and the
 * same after a crash (a dynamic provider's create does not receive the URN), so a create run again
 * after a killed `pulumi up` can find what the killed one made. A hidden input (`__createKey`): no
 * declared property, never in a diff (the provider adds a generation to it in check).
 */
export function createKey(who: ResourceIdentity): string {
  return formatCreateKey(pulumi.getProject(), pulumi.getStack(), who.kind, who.name);
}

/**
 * The declared inputs taken from `args`, secret inputs wrapped as secrets, and every other output
 * seeded as undefined so that the program can read it once the provider has set it; with `who`, the
 * hidden create key too.
 */
export function resourceProps(shape: DeclaredShape, args: object, who?: ResourceIdentity): pulumi.Inputs {
  const given = args as Record<string, unknown>;
  const props: pulumi.Inputs = {};
  if (who) props.__createKey = createKey(who);
  for (const name of new Set([...shape.inputs, ...shape.outputs])) props[name] = undefined;
  for (const name of shape.inputs) {
    const value = given[name];
    props[name] = shape.secretInputs.includes(name) ? secretInput(value as pulumi.Input<unknown> | undefined) : value;
  }
  return props;
}
