// The CLI's errors, in the package's one family (provider/error-root.ts). main.ts prints any of them
// as `apiidentity <command>: <message>` and exits 2.
import { ApiIdentityError } from "../provider/error-root.js";

export { ApiIdentityError };
export { messageOf } from "../provider/wording.js";

/** The command line asks for what the command cannot do: an unknown vendor, a bad --format, no stack. */
export class UsageError extends ApiIdentityError {}

/** A program the command runs (the pulumi CLI, the plugin, the demo's sandbox) failed; `cause` is its error when there is one. */
export class CommandRunError extends ApiIdentityError {}
