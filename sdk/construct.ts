// How every generated resource class turns its Args into the properties it registers: one way for
// all five, driven by the lists the generator writes from the declarations.
import * as pulumi from "@pulumi/pulumi";
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

/**
 * The declared inputs taken from `args`, secret inputs wrapped as secrets, and every other output
 * seeded as undefined so that the program can read it once the provider has set it.
 */
export function resourceProps(shape: DeclaredShape, args: object): pulumi.Inputs {
  const given = args as Record<string, unknown>;
  const props: pulumi.Inputs = {};
  for (const name of new Set([...shape.inputs, ...shape.outputs])) props[name] = undefined;
  for (const name of shape.inputs) {
    const value = given[name];
    props[name] = shape.secretInputs.includes(name) ? secretInput(value as pulumi.Input<unknown> | undefined) : value;
  }
  return props;
}
