// Typed errors of the transport. Messages are built from redacted parts only.
import { ApiIdentityError } from "../error-root.js";

export interface VendorErrorInit {
  vendor: string;
  method: string;
  /** Path template, e.g. `/v4/ApiUser/{apiUserGuid}`: never the concrete path, which may hold ids users consider private. */
  pathTemplate: string;
  status: number;
  /** The vendor's own message, already redacted. */
  vendorMessage: string;
  requestId?: string;
  /** Parsed vendor error body, already redacted. */
  body?: unknown;
  /**
   * A final 401 for a token that was already in use before this request (after renewals that were
   * refused in turn): the tokens expired or were revoked while in use, which says nothing against
   * the credentials. False when a token fetched for the request was refused: the credentials are
   * in question.
   */
  staleToken?: boolean;
}

/** A vendor answered with an error status. */
export class VendorError extends ApiIdentityError {
  readonly vendor: string;
  readonly method: string;
  readonly pathTemplate: string;
  readonly status: number;
  readonly vendorMessage: string;
  readonly requestId: string | undefined;
  readonly body: unknown;
  /** See VendorErrorInit.staleToken. */
  readonly staleToken: boolean;

  constructor(init: VendorErrorInit) {
    const rid = init.requestId ? ` (request id ${init.requestId})` : "";
    super(`${init.vendor} ${init.method} ${init.pathTemplate} failed with HTTP ${init.status}: ${init.vendorMessage || "no message"}${rid}`);
    this.vendor = init.vendor;
    this.method = init.method;
    this.pathTemplate = init.pathTemplate;
    this.status = init.status;
    this.vendorMessage = init.vendorMessage;
    this.requestId = init.requestId;
    this.body = init.body;
    this.staleToken = init.staleToken ?? false;
  }
}

export type TransportErrorCode = "TIMEOUT" | "CONNECTION" | "TLS" | "ABORTED" | "PROXY";

/** No HTTP answer: timeout, reset, refused, a failed TLS handshake, a proxy that opened no tunnel. */
export class TransportError extends ApiIdentityError {
  readonly vendor: string;
  readonly method: string;
  readonly pathTemplate: string;
  readonly code: TransportErrorCode;
  /**
   * True when the request may have reached the vendor (it was sent, then the answer was lost):
   * a write may have happened, so callers must not assume it did not.
   */
  readonly outcomeUnknown: boolean;

  /** `cause`: the network library's error (it names hosts and codes, never a credential). */
  constructor(init: { vendor: string; method: string; pathTemplate: string; code: TransportErrorCode; detail: string; outcomeUnknown: boolean; cause?: unknown }) {
    super(`${init.vendor} ${init.method} ${init.pathTemplate}: ${init.detail}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.vendor = init.vendor;
    this.method = init.method;
    this.pathTemplate = init.pathTemplate;
    this.code = init.code;
    this.outcomeUnknown = init.outcomeUnknown;
  }
}

/**
 * A token could not be had: the vendor refused the credentials or the scope. `cause` is the token
 * call's VendorError; the message names the settings to check.
 */
export class TokenError extends ApiIdentityError {}

/** True when a create's result is unknown: the handler must look the identity up before anything else. */
export function isOutcomeUnknown(e: unknown): boolean {
  return (e instanceof TransportError && e.outcomeUnknown) || (e instanceof VendorError && e.status >= 500 && e.status !== 501);
}

/**
 * A tenant's rate limit left no way to finish within the budget of waiting for it
 * (apiidentity:rateLimitWaitSeconds): the first call it stops says why, later ones point to it.
 */
export class RateLimitError extends ApiIdentityError {
  constructor(
    readonly vendor: string,
    readonly method: string,
    readonly pathTemplate: string,
    readonly first: boolean,
    detail: string,
  ) {
    super(`${vendor} ${method} ${pathTemplate}: ${detail}`);
  }
}
