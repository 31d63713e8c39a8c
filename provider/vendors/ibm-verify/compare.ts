// How VerifyApiClient inputs compare (declared on each property in inputs.ts): values IBM Verify
// holds alike (sets in another order, "2" and 2) are equal, so diff and read show no false change.
import type { Normaliser } from "../../resource.js";
import type { Scope } from "./inputs.js";

/** A set of case-sensitive names: order and duplicates do not matter; empty = unset. */
export const nameSet: Normaliser = (v) => (Array.isArray(v) && v.length > 0 ? [...new Set(v.map(String))].sort() : undefined);
/** IP addresses/CIDRs: a set, and IPv6 hex digits are case-insensitive. */
export const ipSet: Normaliser = (v) => nameSet(Array.isArray(v) ? v.map((x) => String(x).toLowerCase()) : v);
/** Scopes: a set keyed by name; an empty description is no description. */
export const scopeSet: Normaliser = (v) =>
  Array.isArray(v) && v.length > 0
    ? (v as Scope[])
        .map((s) => ({ name: s.name, description: s.description || undefined }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    : undefined;
/** `secretRotation` takes strings or numbers: 2 and "2" are the same value. */
export const asText: Normaliser = (v) => (v === undefined || v === null ? undefined : String(v));
