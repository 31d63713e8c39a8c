// Internal: a test-only resource used by this package's own end-to-end tests. Not a product API.
import * as pulumi from "@pulumi/pulumi";
import provider from "../provider/dynamic/kinds/TestingMemo.cjs";

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
