// The facts declared once per property with zod's `.meta()`, and the lists derived from them.
// A vendor's inputs.ts writes `.meta({ description, secret, onChange, compare, … })` on each
// property; the handler's secret and replace lists, its diff, the defaults check fills in,
// schema.json, the SDK classes and the docs tables all read these facts, so none of them restates a
// property by hand.
import * as z from "zod";
import type { DiffSpec, Normaliser } from "./resource.js";

/** What a change of an input does at the vendor. */
export type OnChange = "update" | "replace" | "none";

export interface PropertyFacts {
  /** Full sentences: what a user needs to know to set or read the property. */
  description: string;
  /** Kept as a Pulumi secret in state (a password, a generated client secret). */
  secret?: boolean;
  /** A secret input the vendor never returns, so a read cannot recover it. */
  writeOnly?: boolean;
  /**
   * Inputs only: `update` (the default) changes the identity in place, `replace` makes a new one
   * (the vendor cannot change it), `none` never causes a diff (e.g. `importId`).
   */
  onChange?: OnChange;
  /** How the diff compares it (e.g. `asSet`, `caseless`); default: as written. */
  compare?: Normaliser;
  /**
   * What an omitted input stands for (the vendor's default), where the schema has no `.default()`:
   * the diff compares with it, and a check that calls `withDeclaredDefaults` fills it in.
   */
  whenOmitted?: unknown;
  /** An omitted input takes the value of this other input (e.g. a display name defaults to the name). */
  defaultsTo?: string;
  /** On a lookup's arguments: the lookup's function name (the SDK's, and the token `apiidentity:index:<lookup>`). */
  lookup?: string;
  /** On a lookup's arguments: the SDK function's documentation. */
  sdkDoc?: string;
  /** On a lookup's arguments or result: the name of its TypeScript type in the SDK. */
  sdkType?: string;
}

declare module "zod" {
  interface GlobalMeta {
    secret?: boolean;
    writeOnly?: boolean;
    onChange?: OnChange;
    compare?: Normaliser;
    whenOmitted?: unknown;
    defaultsTo?: string;
    lookup?: string;
    sdkDoc?: string;
    sdkType?: string;
    /** Names a nested object type (e.g. `<Kind>Scope`) in schema.json and the SDK. */
    typeName?: string;
  }
}

/** The facts of one property schema (the outermost one, as it sits in its object's shape). */
export function factsOf(schema: z.ZodType): Partial<PropertyFacts> {
  return (z.globalRegistry.get(schema) ?? {}) as Partial<PropertyFacts>;
}

/** The property schemas of an object schema, by name. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  throw new TypeError("a resource's inputs and outputs must be declared as a zod object");
}

type Names<S extends z.ZodObject> = Array<keyof S["shape"] & string>;

function namesWhere<S extends z.ZodObject>(schema: S, test: (f: Partial<PropertyFacts>) => boolean): Names<S> {
  return Object.entries(shapeOf(schema))
    .filter(([, s]) => test(factsOf(s)))
    .map(([name]) => name) as Names<S>;
}

/** Properties declared `secret`. */
export function secretsOf<S extends z.ZodObject>(schema: S): Names<S> {
  return namesWhere(schema, (f) => f.secret === true);
}

/** Secret inputs the vendor never returns. */
export function writeOnlyOf<S extends z.ZodObject>(schema: S): Names<S> {
  return namesWhere(schema, (f) => f.secret === true && f.writeOnly === true);
}

/** Inputs whose change replaces the identity. */
export function replacesOf<S extends z.ZodObject>(schema: S): Names<S> {
  return namesWhere(schema, (f) => f.onChange === "replace");
}

/** Inputs updated in place. */
export function updatableOf<S extends z.ZodObject>(schema: S): Names<S> {
  return namesWhere(schema, (f) => (f.onChange ?? "update") === "update");
}

/** Inputs compared by the diff: every one but those declared `onChange: "none"`. */
export function comparedOf<S extends z.ZodObject>(schema: S): Names<S> {
  return namesWhere(schema, (f) => f.onChange !== "none");
}

/** The value an omitted property stands for: its `.default()`, else its declared `whenOmitted`; undefined when neither. */
export function omittedValueOf(property: z.ZodType): unknown {
  const parsed = property.safeParse(undefined);
  if (parsed.success && parsed.data !== undefined) return parsed.data;
  return factsOf(property).whenOmitted;
}

/** The comparison of old outputs with new inputs, as the declarations state it. */
export function diffSpecOf<S extends z.ZodObject>(schema: S): DiffSpec<z.output<S>> {
  type Name = keyof z.output<S> & string;
  const shape = shapeOf(schema);
  const normalise: Partial<Record<Name, Normaliser>> = {};
  const defaults: Partial<Record<Name, unknown>> = {};
  const defaultsTo: Partial<Record<Name, Name>> = {};
  for (const [name, property] of Object.entries(shape) as [Name, z.ZodType][]) {
    const f = factsOf(property);
    if (f.compare) normalise[name] = f.compare;
    const omitted = omittedValueOf(property);
    if (omitted !== undefined) defaults[name] = omitted;
    if (f.defaultsTo) defaultsTo[name] = f.defaultsTo as Name;
  }
  return { properties: comparedOf(schema) as Name[], replaceOnChanges: replacesOf(schema) as Name[], normalise, defaults, defaultsTo };
}

/** Inputs with every declared default filled in: `.default()` and `whenOmitted` values, then the inputs others default to. */
export function withDeclaredDefaults<S extends z.ZodObject, I extends object>(schema: S, inputs: I): I {
  const out: Record<string, unknown> = { ...(inputs as Record<string, unknown>) };
  const shape = shapeOf(schema);
  for (const [name, property] of Object.entries(shape)) {
    const omitted = out[name] === undefined ? omittedValueOf(property) : undefined;
    if (omitted !== undefined) out[name] = structuredClone(omitted);
  }
  for (const [name, property] of Object.entries(shape)) {
    const from = factsOf(property).defaultsTo;
    if (out[name] === undefined && from !== undefined && out[from] !== undefined) out[name] = out[from];
  }
  return out as I;
}

/** The sentence the docs, schema.json and the SDK add to a property's description for its declared default. */
export function defaultSentenceOf(property: z.ZodType): string | undefined {
  const f = factsOf(property);
  if (f.defaultsTo) return `Defaults to \`${f.defaultsTo}\`.`;
  if (f.whenOmitted === undefined) return undefined;
  if (Array.isArray(f.whenOmitted) && f.whenOmitted.length === 0) return "Omitted means none.";
  return `Defaults to \`${JSON.stringify(f.whenOmitted)}\`.`;
}
