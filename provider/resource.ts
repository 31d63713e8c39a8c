// The handler contract shared by all five resources (DESIGN.md, "The handler contract"), and the
// generic pieces every handler uses: zod-based check, normalised diff, user-facing errors.
import type { z } from "zod";
import { TransportError, VendorError } from "./http/index.js";
import { ConfigError } from "./config.js";

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckResult<I> {
  inputs: I;
  failures: CheckFailure[];
}

export interface DiffResult {
  changes: boolean;
  replaces: string[];
  /** Properties that changed (for messages and tests; not forwarded by the dynamic provider). */
  changed: string[];
  deleteBeforeReplace?: boolean;
}

export interface CreateResult<O> {
  id: string;
  outs: O;
}

export interface ReadResult<I, O> {
  /** Undefined when the identity no longer exists at the vendor. */
  id?: string;
  props?: O;
  inputs?: I;
}

export interface ResourceHandler<I extends object = object, O extends object = object> {
  /** Resource type name, e.g. `UptrendsApiAccount`. */
  readonly kind: string;
  /** Vendor display name, e.g. `Uptrends`. */
  readonly vendor: string;
  /** Input schema: the single source of validation, types and schema.json. */
  readonly inputs: z.ZodType<I>;
  /** Output schema (for schema.json and documentation). */
  readonly outputs: z.ZodType<O>;
  /** Outputs stored as Pulumi secrets. */
  readonly secretOutputs: readonly string[];
  /** Inputs whose change replaces the identity. */
  readonly replaceOnChanges: readonly string[];
  check(news: unknown, olds?: unknown): Promise<CheckResult<I>>;
  /**
   * Warnings about valid inputs that break a rule we only guessed at (INFERRED in the vendor's
   * contract): shown to the user, never a refusal. Each names the property and the guessed rule.
   */
  advise?(inputs: I): string[];
  diff(id: string, olds: O, news: I): Promise<DiffResult>;
  create(inputs: I): Promise<CreateResult<O>>;
  read(id: string, props: O): Promise<ReadResult<I, O>>;
  update(id: string, olds: O, news: I): Promise<O>;
  delete(id: string, props: O): Promise<void>;
}

/** The value the engine passes during preview for an input that is not known yet. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when a value is, or contains, a not-yet-known input. */
export function holdsUnknown(v: unknown): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(holdsUnknown);
  return v !== null && typeof v === "object" && Object.values(v).some(holdsUnknown);
}

/**
 * Zod issues as check failures: the property path and a sentence a person can act on. A property
 * whose value is not known yet (preview) is not judged now: the engine checks again once it is.
 */
export function checkWith<S extends z.ZodType>(schema: S, news: unknown): CheckResult<z.output<S>> {
  const raw = stripInternal(news);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { inputs: parsed.data, failures: [] };
  const pending = new Set(Object.entries(raw).filter(([, v]) => holdsUnknown(v)).map(([k]) => k));
  return {
    inputs: raw as z.output<S>,
    failures: parsed.error.issues
      // A cross-property rule (a refinement) may read an unknown value: judged once all are known.
      .filter((i) => !pending.has(String(i.path[0])) && !(pending.size > 0 && i.code === "custom"))
      .map((i) => ({
        property: i.path.length ? i.path.map(String).join(".") : "(inputs)",
        reason: i.message,
      })),
  };
}

/** Drops engine-internal keys (`__provider`) and undefined values before validation. */
export function stripInternal(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) if (!k.startsWith("__") && v !== undefined) out[k] = v;
  }
  return out;
}

export type Normaliser = (value: unknown) => unknown;

/** Order and case do not matter (sets of names or GUIDs). */
export const asSet: Normaliser = (v) =>
  Array.isArray(v) ? [...new Set(v.map((x) => (typeof x === "string" ? x.toLowerCase() : x)))].sort() : v;
/** Case does not matter (GUIDs). */
export const caseless: Normaliser = (v) => (typeof v === "string" ? v.toLowerCase() : v);

export interface DiffSpec<I> {
  /** Inputs compared between old outputs and new inputs. */
  properties: readonly (keyof I & string)[];
  replaceOnChanges: readonly (keyof I & string)[];
  normalise?: Partial<Record<keyof I & string, Normaliser>>;
  /** Value a missing property stands for (the vendor's default), so omitting it is no change. */
  defaults?: Partial<Record<keyof I & string, unknown>>;
}

/** Compares old outputs with new inputs property by property, after normalisation. */
export function diffProperties<I extends object>(olds: object, news: I, spec: DiffSpec<I>): DiffResult {
  const changed: string[] = [];
  const o = olds as Record<string, unknown>;
  const n = news as Record<string, unknown>;
  for (const p of spec.properties) {
    const norm = spec.normalise?.[p] ?? ((v: unknown) => v);
    const dflt = spec.defaults?.[p];
    const a = norm(o[p] ?? dflt);
    const b = norm(n[p] ?? dflt);
    if (!deepEqual(a, b)) changed.push(p);
  }
  const replaces = changed.filter((p) => (spec.replaceOnChanges as readonly string[]).includes(p));
  return { changes: changed.length > 0, replaces, changed };
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === undefined || a === null || a === "") && (b === undefined || b === null || b === "")) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

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
 * message and status, and what to do. Never includes a secret (VendorError messages are redacted).
 */
export function describeFailure(kind: string, action: string, e: unknown): Error {
  if (e instanceof VendorError) {
    const hint = HINTS[e.status] ?? (e.status >= 500 ? "The vendor failed; try again later." : "");
    return new Error(`${kind}: ${action} failed: ${sentence(e.message)}${hint ? " " + hint : ""}`);
  }
  if (e instanceof TransportError) {
    return new Error(`${kind}: ${action} failed: ${sentence(e.message)} Check the base URL setting and network access to the vendor.`);
  }
  if (e instanceof ConfigError) return new Error(`${kind}: ${e.message}`);
  const msg = e instanceof Error ? e.message : String(e);
  return new Error(msg.startsWith(`${kind}:`) ? msg : `${kind}: ${action} failed: ${msg}`);
}

/** Ends a message with exactly one full stop. */
function sentence(msg: string): string {
  const t = msg.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Runs a vendor step and rethrows any failure as a user-facing error naming the step. */
export async function step<T>(kind: string, action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw describeFailure(kind, action, e);
  }
}
