// The entry point of the dynamic provider's runtime bundle (scripts/bundle.mjs, loaded by
// adapter.cts): the router, and the kinds the bundle serves. A kind registered at run time
// (registerHandler) lives in the package's modules, not in the bundle, so the adapter sends it there.
import { allHandlers } from "../handlers.js";

export { dispatch } from "./dispatch.js";

/** The package's own kinds, the ones this bundle serves. */
export const SHIPPED_KINDS: readonly string[] = allHandlers().map((h) => h.kind);
