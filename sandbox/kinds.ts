// The resource kinds the sandbox's vendors hold and the vendor that holds each, derived from the
// vendor list, for the tools that drive many identities through it and count them per vendor
// (bench/, test/reliability/).
import type { HeldIdentity, VendorId, VendorState } from "./types.js";
import { VENDOR_LIST, vendorModules } from "./vendors/index.js";

export type Kind = (typeof VENDOR_LIST)[number] extends infer M ? (M extends { kinds: Readonly<Record<infer K, unknown>> } ? K & string : never) : never;

export const SANDBOX_KINDS: readonly Kind[] = vendorModules.flatMap((m) => Object.keys(m.kinds)) as Kind[];

/** The sandbox vendor that holds each kind. */
export const VENDOR_OF: Readonly<Record<Kind, VendorId>> = Object.fromEntries(vendorModules.flatMap((m) => Object.keys(m.kinds).map((k) => [k, m.id]))) as Record<Kind, VendorId>;

/** Every identity of `kind` in its vendor's state (as `GET /_sandbox/state` shows it). */
export function heldIdentities(kind: Kind, vendorState: VendorState): HeldIdentity[] {
  const m = vendorModules.find((x) => x.id === VENDOR_OF[kind])!;
  return m.kinds[kind]!.held(vendorState);
}

/** Inputs of identity `index` of `kind` that the seeded sandbox accepts (see `HeldKind.example`). */
export function exampleInputs(kind: Kind, n: { index: number; name: string; label: string }): Record<string, unknown> {
  const m = vendorModules.find((x) => x.id === VENDOR_OF[kind])!;
  return m.kinds[kind]!.example(n);
}

/** Sandbox vendors that authenticate with a token or login, and those that send HTTP Basic on every request. */
export const TOKEN_VENDORS: readonly VendorId[] = vendorModules.filter((m) => m.auth === "token").map((m) => m.id as VendorId);
export const BASIC_VENDORS: readonly VendorId[] = vendorModules.filter((m) => m.auth === "basic").map((m) => m.id as VendorId);
