// Engine-side half of the adapter: routes a dynamic-provider call to the handler of a resource kind
// and shapes the result as @pulumi/pulumi/dynamic expects (its own result types, its argument order).
// The provider settings are resolved here, once per provider process, and handed to the handler.
import type { CheckResult, ConfigureRequest, CreateResult, DiffResult, ReadResult, UpdateResult } from "@pulumi/pulumi/dynamic/index.js";
import { handlerFor } from "../handlers.js";
import { stderrNotes } from "../notes.js";
import { environmentSettings, resolveSettings, sameSettings, type Settings } from "../settings.js";

export type Method = "configure" | "check" | "diff" | "create" | "read" | "update" | "delete";

type Answer = CheckResult | DiffResult | CreateResult | ReadResult | UpdateResult | undefined;

/** This process's settings: from configure (stack config, then environment), else the environment. */
let settings: Settings | undefined;

/**
 * The engine configures each kind's provider object on its first use, all with the same stack
 * config: equal settings keep the value resolved first, and with it the vendor clients (tokens,
 * pools, caches) every kind of this process shares.
 */
function configure(req: ConfigureRequest | undefined): void {
  const next = resolveSettings({ config: (key) => req?.config?.get(key), env: process.env });
  if (settings === undefined || !sameSettings(settings, next)) settings = next;
}

export async function dispatch(kind: string, method: Method, args: unknown[]): Promise<Answer> {
  if (method === "configure") {
    configure(args[0] as ConfigureRequest | undefined);
    return undefined;
  }
  // A method before any configure (an engine that does not send one) runs with the environment.
  settings ??= environmentSettings();
  // The engine shows a dynamic provider's stderr to the user: that is where its notes go.
  const h = handlerFor(kind).with(settings, stderrNotes);
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
