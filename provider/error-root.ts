// The root of every error this package throws on purpose: the transport's (VendorError,
// TransportError, UnexpectedAnswerError), token, lookup, configuration and lifecycle errors all
// descend from it, so a caller tells ours from a bug with one `instanceof`. Each keeps the error that
// caused it as `cause`. It lives apart from errors.ts so that the transport can import it without
// importing the lifecycle's wording.

/** Base of every error the product raises on purpose; `name` is the concrete class's. */
export class ApiIdentityError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * A setting or credential is missing or unusable (the message names the config key and the
 * variable), or a name is registered twice. Raised from every layer, the transport's URL check too.
 */
export class ConfigurationError extends ApiIdentityError {}

/**
 * A create that made an identity and then failed (a later write of the same create refused, say):
 * `id` and `properties` say what exists, so the engine keeps it in state instead of losing it. These
 * field names are the one marker that crosses a process boundary, where a class cannot: Pulumi's
 * dynamic provider reads a thrown error's `id`, `properties` and `reasons` by name, and the
 * plugin's answer (plugin/server.ts) turns this class into the protocol's ErrorResourceInitFailed.
 */
export class CreatedButFailedError extends ApiIdentityError {
  readonly reasons: string[];

  constructor(
    message: string,
    readonly id: string,
    readonly properties: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.reasons = [message];
  }
}
