// The declarations of every shipped resource kind and lookup, in one list: the source the
// generators (schema.json, SDK classes, docs tables) and the CLI's secret handling read, so that no
// caller guesses a secret from its name. Derived from the vendor modules (provider/vendors/index.ts).
import type * as z from "zod";
import { secretsOf, shapeOf, writeOnlyOf } from "./property-facts.js";
import { VENDORS } from "./vendors/index.js";

export { SETTING_FACTS, type SettingFacts } from "./setting-facts.js";
export { defaultSentenceOf, factsOf, replacesOf, secretsOf, shapeOf, updatableOf, writeOnlyOf, type OnChange, type PropertyFacts } from "./property-facts.js";

export interface ResourceDeclaration {
  /** Resource type name (token `apiidentity:index:<kind>`). */
  readonly kind: string;
  /** The vendor folder under provider/vendors/ (the vendor's one name). */
  readonly folder: string;
  /** The SDK module under sdk/ that holds the generated class. */
  readonly sdkModule: string;
  readonly inputs: z.ZodObject;
  readonly outputs: z.ZodObject;
}

export interface LookupDeclaration {
  /** Function name in the SDK (token `apiidentity:index:<name>`). */
  readonly name: string;
  readonly folder: string;
  readonly inputs: z.ZodObject;
  readonly outputs: z.ZodObject;
}

/** The shipped resources, in the registry's order. */
export const RESOURCES: readonly ResourceDeclaration[] = VENDORS.flatMap((v) =>
  v.kinds.map((k) => ({ kind: k.kind, folder: v.name, sdkModule: k.sdkModule, inputs: k.inputs, outputs: k.outputs })),
);

/** The lookups a program calls to find the ids resources take. */
export const LOOKUPS: readonly LookupDeclaration[] = VENDORS.flatMap((v) => v.lookups.map((l) => ({ name: l.name, folder: v.name, inputs: l.inputs, outputs: l.outputs })));

export function declarationOf(kind: string): ResourceDeclaration | undefined {
  return RESOURCES.find((r) => r.kind === kind);
}

/** Every property (input or output) of `kind` that Pulumi keeps as a secret; empty for an unknown kind. */
export function secretPropertiesOf(kind: string): ReadonlySet<string> {
  const d = declarationOf(kind);
  return new Set(d ? [...secretsOf(d.inputs), ...secretsOf(d.outputs)] : []);
}

/**
 * Secret inputs the vendor never returns (passwords a user sets): a read cannot recover them, so
 * a declaration written from what the vendor holds must take them from elsewhere (stack config).
 */
export function writeOnlyInputsOf(kind: string): readonly string[] {
  const d = declarationOf(kind);
  return d ? writeOnlyOf(d.inputs) : [];
}

/** Inputs a program must set for `kind` (neither optional nor defaulted); empty for an unknown kind. */
export function requiredInputsOf(kind: string): readonly string[] {
  const d = declarationOf(kind);
  if (!d) return [];
  return Object.entries(shapeOf(d.inputs))
    .filter(([, s]) => !s.safeParse(undefined).success)
    .map(([name]) => name);
}
