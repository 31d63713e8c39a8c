// Engine-side half of the adapter: routes a dynamic-provider call to the handler of a resource kind
// and shapes the result as @pulumi/pulumi/dynamic expects (its own result types, its argument order).
import type { CheckResult, ConfigureRequest, CreateResult, DiffResult, ReadResult, UpdateResult } from "@pulumi/pulumi/dynamic/index.js";
import { setStackConfig } from "../config.js";
import { handlerFor } from "../handlers.js";

export type Method = "configure" | "check" | "diff" | "create" | "read" | "update" | "delete";

type Answer = CheckResult | DiffResult | CreateResult | ReadResult | UpdateResult | undefined;

export async function dispatch(kind: string, method: Method, args: unknown[]): Promise<Answer> {
  if (method === "configure") {
    const req = args[0] as ConfigureRequest | undefined;
    if (req?.config) setStackConfig((key) => req.config.get(key));
    return undefined;
  }
  const h = handlerFor(kind);
  switch (method) {
    case "check": {
      const [olds, news] = args;
      const r = await h.check(olds, news);
      return { inputs: r.inputs, failures: r.failures };
    }
    case "diff": {
      const [id, olds, news] = args as [string, object, object];
      const r = await h.diff(id, olds, news);
      return { changes: r.changes, replaces: r.replaces, deleteBeforeReplace: r.deleteBeforeReplace ?? false };
    }
    case "create": {
      const r = await h.create(args[0] as object);
      return { id: r.id, outs: r.outs };
    }
    case "read": {
      const [id, props] = args as [string, object];
      const r = await h.read(id, props);
      return r.id === undefined ? {} : { id: r.id, props: r.props, inputs: r.inputs };
    }
    case "update": {
      const [id, olds, news] = args as [string, object, object];
      return { outs: await h.update(id, olds, news) };
    }
    case "delete": {
      const [id, props] = args as [string, object];
      await h.delete(id, props);
      return undefined;
    }
  }
}
