// The errors a user of the provider sees. Each is one line (kind, what we were doing, the vendor call,
// the vendor's own message, what to do) and keeps the error that caused it as `cause`, so a debugger
// or a test can still reach the VendorError / TransportError underneath. Messages are built only from
// redacted parts: VendorError and TransportError messages are redacted where they are made.
import { ApiIdentityError, ConfigurationError } from "./error-root.js";
import { TransportError, UnexpectedAnswerError, VendorError } from "./http/index.js";
import { capital, messageOf, plain, sentence } from "./wording.js";

export { ApiIdentityError, ConfigurationError };
export { messageOf, sentence };

/** A vendor call failed (refused, unreachable, rate-limited, …); `cause` is the VendorError or TransportError. */
export class VendorCallError extends ApiIdentityError {}

/** `importId` names an object that cannot be taken under management. */
export class AdoptionError extends ApiIdentityError {
  constructor(
    readonly kind: string,
    readonly importId: string,
    reason: string,
    todo: string,
    options?: { cause?: unknown },
  ) {
    super(`${kind}: importId "${importId}": ${sentence(reason)} ${sentence(todo)}`, options);
  }
}

/** A create whose outcome was unknown could not be settled without guessing. */
export class LostCreateError extends ApiIdentityError {
  constructor(
    readonly kind: string,
    action: string,
    /** What happened since the answer was lost, and what to do: one or more sentences. */
    situation: string,
    options: { cause: unknown },
  ) {
    super(`${kind}: ${action} lost its answer (${plain(messageOf(options.cause))}); ${sentence(situation)}`, options);
  }
}

/**
 * A create whose answer may never come back for a reason the transport cannot see (for example a
 * 201 without the id of what it made): the lifecycle treats it like a lost answer.
 */
export class OutcomeUnknownError extends ApiIdentityError {}

const HINTS: Record<number, string> = {
  400: "Check the resource's inputs against the vendor's rules.",
  401: "The provider credentials were rejected: check the apiidentity:* stack config or the environment variables for this vendor.",
  403: "The provider credentials lack a permission this call needs (see the README section of this resource).",
  404: "The vendor does not know this object; it may have been deleted out of band (run 'pulumi refresh').",
  409: "An object with the same name already exists at the vendor; pick another name or adopt it with 'importId'.",
  429: "The vendor kept rate-limiting after the retries; run again later or lower parallelism ('pulumi up --parallel 4').",
};

/**
 * One clear line for the user: resource kind, what we were doing, the vendor call, the vendor's own
 * message and status, and what to do. An ApiIdentityError already worded for this kind passes as it is.
 */
export function describeFailure(kind: string, action: string, e: unknown): ApiIdentityError {
  if (e instanceof VendorError) {
    // A token that was already in use and kept expiring is no sign of wrong credentials.
    const hint =
      e.status === 401 && e.staleToken
        ? "Tokens expired or were revoked faster than calls completed; run 'pulumi up' again."
        : (HINTS[e.status] ?? (e.status >= 500 ? "The vendor failed; try again later." : ""));
    return new VendorCallError(`${kind}: ${action} failed: ${sentence(e.message)}${hint ? " " + hint : ""}`, { cause: e });
  }
  if (e instanceof TransportError) {
    return new VendorCallError(`${kind}: ${action} failed: ${sentence(e.message)} Check the base URL setting and network access to the vendor.`, { cause: e });
  }
  const msg = messageOf(e);
  if (wordedFor(kind, e)) return e as ApiIdentityError;
  if (e instanceof ConfigurationError) {
    return new ConfigurationError(`${kind}: ${msg}`, { cause: e });
  }
  return new ApiIdentityError(msg.startsWith(`${kind}:`) ? msg : `${kind}: ${action} failed: ${msg}`, { cause: e });
}

/** An error of ours already worded for this kind (its message starts with `Kind:`): it passes as it is. */
export function wordedFor(kind: string, e: unknown): boolean {
  return e instanceof ApiIdentityError && !fromTransport(e) && e.message.startsWith(`${kind}:`);
}

/**
 * An error as the transport raised it (a refusal, no answer, an answer it could not read), not yet
 * worded for a resource: `describeFailure` words it.
 */
export function fromTransport(e: unknown): boolean {
  return e instanceof VendorError || e instanceof TransportError || e instanceof UnexpectedAnswerError;
}

/**
 * `e` in other words (for a message that says more about where it leaves the identity): the same
 * kind of failure, and the cause the user's error had.
 */
export function reworded(e: unknown, message: string): ApiIdentityError {
  const cause = fromTransport(e) || !(e instanceof Error) || e.cause === undefined ? e : e.cause;
  const Ctor =
    e instanceof ConfigurationError ? ConfigurationError : e instanceof VendorCallError || e instanceof VendorError || e instanceof TransportError ? VendorCallError : e instanceof OutcomeUnknownError ? OutcomeUnknownError : ApiIdentityError;
  return new Ctor(message, { cause });
}

/** A program-side lookup (the SDK's `get…` functions) found no single match, or could not look. */
export class LookupError extends ApiIdentityError {}

/** Runs one vendor call and rethrows any failure as a user-facing error naming the resource kind and the action. */
export async function vendorCall<T>(kind: string, action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw describeFailure(kind, action, e);
  }
}

/**
 * A create refused because the object exists already: says which one and how to adopt it, instead
 * of the generic "check the inputs".
 */
export function alreadyExists(
  kind: string,
  action: string,
  e: unknown,
  what: { vendor: string; /** What exists, with its article: "a user with this name". */ existing: string; id?: string | number; rename: string },
): ApiIdentityError {
  const where = what.id !== undefined ? ` (id ${what.id})` : "";
  const adopt = what.id !== undefined ? `importId: "${what.id}"` : "importId (its id is shown in the vendor's console)";
  return new VendorCallError(
    `${kind}: ${action} failed: ${sentence(messageOf(e))} ${capital(what.existing)} already exists at ${what.vendor}${where}: to manage it, adopt it with ${adopt}; otherwise ${what.rename}.`,
    { cause: e },
  );
}
