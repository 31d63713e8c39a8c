// Property values between Pulumi's wire form (a protobuf Struct whose objects may be "signed": a
// secret, a resource reference) and the plain values the handlers take. Secrets are unwrapped on
// the way in, with a note of which properties held one, and wrapped again on the way out; the
// unknown value of a preview stays the plain sentinel string the handlers already recognise.
import { struct } from "./proto.js";
import type { JavaScriptValue, Struct } from "google-protobuf/google/protobuf/struct_pb.js";

/** The key that marks a signed object, and the signatures this plugin reads or writes. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

export type Values = Record<string, unknown>;

/** A secret as the engine sends and keeps it. */
export interface SecretValue {
  [SIG_KEY]: typeof SECRET_SIG;
  value: unknown;
}

const isObject = (v: unknown): v is Values => v !== null && typeof v === "object" && !Array.isArray(v);

export function isSecret(v: unknown): v is SecretValue {
  return isObject(v) && v[SIG_KEY] === SECRET_SIG;
}

export function secret(value: unknown): SecretValue {
  return { [SIG_KEY]: SECRET_SIG, value };
}

/** A Struct as plain values (an absent Struct is an empty object). */
export function fromStruct(s: Struct | undefined): Values {
  return s ? (s.toJavaScript() as Values) : {};
}

/** Plain values as a Struct; undefined values are left out (a Struct has no such value). */
export function toStruct(values: Values): Struct {
  return struct.Struct.fromJavaScript(defined(values) as Record<string, JavaScriptValue>);
}

function defined(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(defined);
  if (!isObject(v)) return v;
  const out: Values = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = defined(x);
  return out;
}

/**
 * A value without its secret wrappers, and with a resource reference taken as the id of the
 * resource it names (its URN when it has no id yet): what a handler can act on.
 */
export function reveal(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reveal);
  if (!isObject(v)) return v;
  if (v[SIG_KEY] === SECRET_SIG) return reveal(v.value);
  if (v[SIG_KEY] === RESOURCE_SIG) return typeof v.id === "string" && v.id !== "" ? v.id : v.urn;
  const out: Values = {};
  for (const [k, x] of Object.entries(v)) if (!wrapsNothing(x)) out[k] = reveal(x);
  return out;
}

/**
 * A secret of nothing (no value, or null): what the engine sends for an ignored property (ignoreChanges)
 * that the old state lacks, wrapped as the program's new value was. It stands for an absent property.
 */
export function wrapsNothing(v: unknown): boolean {
  return isSecret(v) && (v.value === undefined || v.value === null);
}

/** Whether a value is, or holds, a secret. */
export function holdsSecret(v: unknown): boolean {
  if (isSecret(v)) return true;
  if (Array.isArray(v)) return v.some(holdsSecret);
  return isObject(v) && Object.values(v).some(holdsSecret);
}

export interface Unwrapped {
  /** The values with every secret unwrapped. */
  values: Values;
  /** The properties that were, or held, a secret. */
  secrets: Set<string>;
}

/** Top-level properties unwrapped, with the names of those that held a secret. */
export function unwrap(values: Values): Unwrapped {
  const out: Values = {};
  const secrets = new Set<string>();
  for (const [k, v] of Object.entries(values)) {
    if (wrapsNothing(v)) continue;
    if (holdsSecret(v)) secrets.add(k);
    out[k] = reveal(v);
  }
  return { values: out, secrets };
}

/** The values with each named property (when set) wrapped as a secret; others as they are. */
export function withSecrets(values: Values, names: Iterable<string>): Values {
  const out: Values = { ...values };
  for (const k of names) {
    const v = out[k];
    if (v !== undefined && v !== null && !isSecret(v)) out[k] = secret(v);
  }
  return out;
}
