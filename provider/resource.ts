// The handler contract shared by all resources (ARCHITECTURE.md, "The path of a `pulumi up`"), and the
// generic pieces every handler uses: zod-based check and normalised diff. The result shapes are
// @pulumi/pulumi/dynamic's own (type-only import: no Pulumi code runs here), narrowed where the
// handlers always fill a field.
import type * as dynamic from "@pulumi/pulumi/dynamic/index.js";
import type * as z from "zod";
import { UNKNOWN } from "./dynamic/unknown.js";
import type { Notes } from "./notes.js";
import type { Settings } from "./settings.js";

export { UNKNOWN };
export type { Settings };

export type CheckFailure = dynamic.CheckFailure;

export interface CheckResult<I> extends dynamic.CheckResult<I> {
  readonly inputs: I;
  readonly failures: CheckFailure[];
}

export interface DiffResult extends dynamic.DiffResult {
  changes: boolean;
  replaces: string[];
  /** Properties that changed (for messages and tests; not forwarded by the dynamic provider). */
  changed: string[];
  deleteBeforeReplace?: boolean;
}

export interface CreateResult<O> extends dynamic.CreateResult<O> {
  readonly outs: O;
}

/** Pulumi's ReadResult, with the refreshed inputs typed as inputs. */
export interface ReadResult<I, O> extends Omit<dynamic.ReadResult<O>, "inputs"> {
  /** Undefined when the identity no longer exists at the vendor. */
  readonly id?: string;
  readonly props?: O;
  readonly inputs?: I;
}

/** A resource's methods bound to the provider settings they run with: what the adapter calls. */
export interface ResourceMethods<I extends object = object, O extends object = object> {
  /** Pulumi's argument order: the inputs in state (undefined at the first create), then the new ones. */
  check(olds: unknown, news: unknown): Promise<CheckResult<I>>;
  diff(id: string, olds: O, news: I): Promise<DiffResult>;
  create(inputs: I): Promise<CreateResult<O>>;
  read(id: string, props: O): Promise<ReadResult<I, O>>;
  update(id: string, olds: O, news: I): Promise<O>;
  delete(id: string, props: O): Promise<void>;
}

export interface ResourceHandler<I extends object = object, O extends object = object> {
  /** Resource type name, as the vendor module declares the kind. */
  readonly kind: string;
  /** Vendor display name (the vendor module's `displayName`). */
  readonly vendor: string;
  /** Input schema: the single source of validation, types and schema.json. */
  readonly inputs: z.ZodType<I>;
  /** Output schema (for schema.json and documentation). */
  readonly outputs: z.ZodType<O>;
  /** Outputs stored as Pulumi secrets. */
  readonly secretOutputs: readonly string[];
  /** Inputs whose change replaces the identity. */
  readonly replaceOnChanges: readonly string[];
  /**
   * Warnings about valid inputs that break a rule we only guessed at (INFERRED in the vendor's
   * contract): shown to the user, never a refusal. Each names the property and the guessed rule.
   */
  advise?(inputs: I): string[];
  /**
   * The methods with these provider settings: the only way a handler learns its settings (the
   * provider resolves them once per process; tests and the CLI pass their own). What the user should
   * see besides results and errors goes to `notes` (default: stderr, as the dynamic provider shows it).
   */
  with(settings: Settings, notes?: Notes): ResourceMethods<I, O>;
}

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

/** How a diff compares: derived from the declarations by `diffSpecOf` (provider/property-facts.ts). */
export interface DiffSpec<I> {
  /** Inputs compared between old outputs and new inputs. */
  properties: readonly (keyof I & string)[];
  replaceOnChanges: readonly (keyof I & string)[];
  normalise?: Partial<Record<keyof I & string, Normaliser>>;
  /** Value a missing property stands for (the vendor's default), so omitting it is no change. */
  defaults?: Partial<Record<keyof I & string, unknown>>;
  /** A missing property stands for this other property's value (e.g. a display name for the name). */
  defaultsTo?: Partial<Record<keyof I & string, keyof I & string>>;
}

/** Compares old outputs with new inputs property by property, after normalisation. */
export function diffProperties<I extends object>(olds: object, news: I, spec: DiffSpec<I>): DiffResult {
  const changed: string[] = [];
  const o = olds as Record<string, unknown>;
  const n = news as Record<string, unknown>;
  for (const p of spec.properties) {
    const norm = spec.normalise?.[p] ?? ((v: unknown) => v);
    const from = spec.defaultsTo?.[p];
    const dflt = spec.defaults?.[p];
    const a = norm(isAbsent(o[p]) && from !== undefined ? o[from] : (o[p] ?? dflt));
    const b = norm(isAbsent(n[p]) && from !== undefined ? n[from] : (n[p] ?? dflt));
    if (!deepEqual(a, b)) changed.push(p);
  }
  const replaces = changed.filter((p) => (spec.replaceOnChanges as readonly string[]).includes(p));
  return { changes: changed.length > 0, replaces, changed };
}

/** No value, for diff purposes: unset, null and the empty string are the same. */
export const isAbsent = (v: unknown): boolean => v === undefined || v === null || v === "";

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isAbsent(a) && isAbsent(b)) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
