// Entitlement names an API client may hold. Unknown names are refused with the documented 400.
import { ENTITLEMENTS } from "../../../provider/vendors/ibm-verify/entitlements.js";

// The documented names are one list, kept with the provider's validation: the emulator accepts exactly
// what the reference documents, and a fix to the list reaches both.
export const KNOWN_ENTITLEMENTS: ReadonlySet<string> = new Set<string>(ENTITLEMENTS);

/** Entitlements that let a caller read API clients; the ones that also reveal `clientSecret`. */
export const READ_CLIENTS = ["manageAPIClients", "readAPIClients", "readAPIClientsAndClientSecret"] as const;
export const READ_SECRETS = ["manageAPIClients", "readAPIClientsAndClientSecret"] as const;
export const MANAGE_CLIENTS = ["manageAPIClients"] as const;
