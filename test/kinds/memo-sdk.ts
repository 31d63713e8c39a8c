// The test-only `Memo` resource class, served as `pulumi-apiidentity/testing` in a test project's
// copy of the package (installed by test/e2e/test-kinds.ts; the shipped package has no such export).
import { createRequire } from "node:module";
import * as pulumi from "@pulumi/pulumi";

// The kind module the harness writes beside the package's own: loading it registers the handler,
// and Pulumi serialises the provider as a one-line require() of it.
const provider = createRequire(import.meta.url)("../../provider/dynamic/kinds/TestingMemo.cjs") as pulumi.dynamic.ResourceProvider;

export interface MemoArgs {
  key: pulumi.Input<string>;
  text: pulumi.Input<string>;
}

export class Memo extends pulumi.dynamic.Resource {
  declare readonly key: pulumi.Output<string>;
  declare readonly text: pulumi.Output<string>;
  declare readonly memoId: pulumi.Output<string>;

  constructor(name: string, args: MemoArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, { ...args, memoId: undefined }, opts, "apiidentity", "TestingMemo");
  }
}
