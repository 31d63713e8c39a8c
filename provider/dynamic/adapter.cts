// The provider object Pulumi serialises into every resource's state (`__provider`).
// Each method only loads this package by name and calls the handler by its key: it captures no
// client, credential or config, so state stays small and upgrading the package upgrades the code
// that refresh and destroy run for existing resources.

type Args = unknown[];

function providerFor(kind: string) {
  return {
    configure: (...a: Args) => require("pulumi-apiidentity/provider").dispatch(kind, "configure", a),
    check: (...a: Args) => require("pulumi-apiidentity/provider").dispatch(kind, "check", a),
    diff: (...a: Args) => require("pulumi-apiidentity/provider").dispatch(kind, "diff", a),
    create: (...a: Args) => require("pulumi-apiidentity/provider").dispatch(kind, "create", a),
    read: (...a: Args) => require("pulumi-apiidentity/provider").dispatch(kind, "read", a),
    update: (...a: Args) => require("pulumi-apiidentity/provider").dispatch(kind, "update", a),
    delete: (...a: Args) => require("pulumi-apiidentity/provider").dispatch(kind, "delete", a),
  };
}

export = { providerFor };
