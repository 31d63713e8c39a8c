// Shared types of the sandbox: what a vendor module provides and what a route handler sees.
import type { IncomingHttpHeaders } from "node:http";
import type { VENDOR_LIST } from "./vendors/index.js";

/** A vendor's id: its one name (folder, URL prefix), as its module in the sandbox list declares it. */
export type VendorId = (typeof VENDOR_LIST)[number]["id"];

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** What a caller may name a vendor by: its id, or the older camelCase id (`automationAnywhere`). */
export type VendorName = VendorId | CamelCase<VendorId>;

/** JSON-serialisable state of one vendor; persisted as is. */
export type VendorState = Record<string, unknown>;

export interface SandboxRequest {
  method: string;
  /** Path below the vendor prefix, e.g. `/v4/ApiUser/abc`. */
  path: string;
  /** Values of `{name}` segments of the matched route template. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or the fields of an `application/x-www-form-urlencoded` body, or undefined. */
  body: unknown;
  rawBody: string;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is a string. */
  body?: unknown;
}

export interface RouteContext<S extends VendorState = VendorState> {
  /** This vendor's live state; mutate it in place. */
  state: S;
  /** Sandbox clock in ms; tests can move it forward through `POST /_sandbox/clock`. */
  now(): number;
  /** The sandbox origin plus this vendor's prefix (what the provider's base-URL setting takes). */
  baseUrl: string;
  /** A fresh random id (UUID v4). */
  newId(): string;
  /** The vendor generation this emulator plays now (`VendorModule.profiles`), or "default". */
  profile: string;
}

export type RouteHandler<S extends VendorState = VendorState> = (
  req: SandboxRequest,
  ctx: RouteContext<S>,
) => SandboxResponse | Promise<SandboxResponse>;

export interface Route<S extends VendorState = VendorState> {
  method: string;
  /** Vendor path template below the prefix, e.g. `/v4/ApiUser/{apiUserGuid}`. */
  template: string;
  handler: RouteHandler<S>;
  /** Generations that serve this route; elsewhere it answers like an unknown route. Default: all. */
  profiles?: readonly string[];
  /** A POST that writes nothing at the vendor (a login, a token, a search): not counted as a write. */
  changesNothing?: boolean;
}

/** One identity of a kind the emulator holds, as the tools that count identities compare it. */
export interface HeldIdentity {
  id: string;
  /** The natural key at the vendor: e-mail, username, client or robot name, description. */
  key: string;
  fields: Record<string, unknown>;
}

/** A resource kind an emulated vendor holds. */
export interface HeldKind<S extends VendorState = VendorState> {
  /** Where its identities live in the state. */
  held(state: S): HeldIdentity[];
  /**
   * Inputs of identity `index` of this kind that the seeded emulator accepts, named `name`, with
   * `label` in a property that updates in place (the tools that drive many identities use it).
   */
  example(n: { index: number; name: string; label: string }): Record<string, unknown>;
  /**
   * Moves the creation and last-use times of its identities (those of `ids`, else all) `ms` into the
   * past, in the vendor's own fields, as if they were made and used that much earlier; returns how
   * many it moved. Absent where the vendor keeps no such times.
   */
  age?(state: S, ms: number, ids?: ReadonlySet<string>): number;
}

export interface VendorModule<S extends VendorState = VendorState, K extends string = string, I extends string = string> {
  /** The vendor's one name, as the provider's registry and the folder spell it. */
  id: I;
  /** The resource kinds this vendor holds. */
  kinds: Readonly<Record<K, HeldKind<S>>>;
  /**
   * Arguments the seeded emulator answers for each of the provider's lookups at this vendor, by the
   * lookup's name (the tests call every lookup of the registry with them).
   */
  lookupArguments?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Authentication: HTTP Basic on every request, or a token or login the client reuses. */
  auth: "basic" | "token";
  /** URL prefix in the sandbox, e.g. `/uptrends`. */
  prefix: string;
  /** The seeded state: admin credentials, roles, operators, groups… */
  seed(): S;
  routes: Route<S>[];
  /**
   * Generations of the vendor's API this emulator can play (for example "current" and "legacy");
   * the first is the default. Absent: one generation, called "default".
   */
  profiles?: readonly string[];
  /** Entry of `GET /_sandbox/config` for this vendor, given its base URL. */
  config(baseUrl: string, state: S): Record<string, string>;
  /** Environment variables pointing the provider at this vendor in the sandbox. */
  env(baseUrl: string, state: S): Record<string, string>;
  /** The vendor's own error body for a status (used by fault injection and unknown routes). */
  errorResponse(status: number, message: string): SandboxResponse;
  /** Makes every token this vendor issued invalid now (fault `expireTokens`). */
  expireTokens(state: S): void;
  /** The vendor's published rate limits, which the sandbox enforces when asked (`--rate-limits`); absent when it publishes none. */
  rateLimits?: SandboxRateLimits;
}

/** A vendor's published rate limits: per call class (the methods counted together) and tenant. */
export interface SandboxRateLimits {
  /** The tenant a request below the vendor prefix counts against; undefined for a request the limits do not cover. */
  tenantOf(path: string): string | undefined;
  limits: readonly { methods: readonly string[]; requests: number; windowSeconds: number }[];
}
