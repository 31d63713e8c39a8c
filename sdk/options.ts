// Resource options every apiidentity resource applies on top of the user's.
import * as pulumi from "@pulumi/pulumi";

/** Keeps generated and write-only values secret in state, whatever the user passed. */
export function secretOptions(opts: pulumi.CustomResourceOptions | undefined, secretOutputs: readonly string[]): pulumi.CustomResourceOptions {
  return pulumi.mergeOptions(opts, { additionalSecretOutputs: [...secretOutputs] });
}

/** Wraps a secret input so it is encrypted in state even when the program passed plain text. */
export function secretInput<T>(value: pulumi.Input<T> | undefined): pulumi.Output<pulumi.Unwrap<T>> | undefined {
  return value === undefined ? undefined : pulumi.secret(value);
}
