// The provider object Pulumi serialises into every resource's state (`__provider`).
// Each method only loads this package's provider runtime and calls the handler by its key: it
// captures no client, credential or config, so state stays small and upgrading the package upgrades
// the code that refresh and destroy run for existing resources.
// The package's own kinds run in the runtime bundle (runtime.ts and all it needs as one file,
// loaded with a code cache by provider/bundles/load.cts): a new provider process then answers its
// first call sooner than when it loads the package's ~200 modules. A kind registered at run time
// (registerHandler) is in those modules, so it runs there, through the package's `./provider` entry.
import type { ResourceProvider } from "@pulumi/pulumi/dynamic";
import bundles = require("../bundles/load.cjs");

type Args = unknown[];

/** runtime.ts (and dispatch.ts): each method's answer is the type Pulumi's provider interface expects of it. */
interface Runtime {
  dispatch<Answer>(kind: string, method: string, args: Args): Promise<Answer>;
  SHIPPED_KINDS: readonly string[];
}

function runtimeFor(kind: string): Pick<Runtime, "dispatch"> {
  const own = bundles.bundle<Runtime>("dynamic-runtime");
  return own.SHIPPED_KINDS.includes(kind) ? own : (require("pulumi-apiidentity/provider") as Pick<Runtime, "dispatch">);
}

function providerFor(kind: string): ResourceProvider {
  return {
    configure: (...a: Args) => runtimeFor(kind).dispatch(kind, "configure", a),
    check: (...a: Args) => runtimeFor(kind).dispatch(kind, "check", a),
    diff: (...a: Args) => runtimeFor(kind).dispatch(kind, "diff", a),
    create: (...a: Args) => runtimeFor(kind).dispatch(kind, "create", a),
    read: (...a: Args) => runtimeFor(kind).dispatch(kind, "read", a),
    update: (...a: Args) => runtimeFor(kind).dispatch(kind, "update", a),
    delete: (...a: Args) => runtimeFor(kind).dispatch(kind, "delete", a),
  };
}

export = { providerFor };
