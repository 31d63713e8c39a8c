// The facts declared once per property with zod's `.meta()`, and the lists derived from them.
// A vendor's inputs.ts writes `.meta({ description, secret, onChange, … })` on each property;
// the handler's secret and replace lists, schema.json, the SDK classes and the docs tables all
// read these facts, so none of them restates a property by hand.
import { z } from "zod";

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
}

declare module "zod" {
  interface GlobalMeta {
    secret?: boolean;
    writeOnly?: boolean;
    onChange?: OnChange;
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
