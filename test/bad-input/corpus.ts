// The shape of the bad-input corpus: per resource kind, a valid set of
// inputs and the invalid variants of it that `pulumi preview` must refuse, each naming the property
// the refusal must name. Only documented rules belong here: an input that breaks a rule we merely
// guessed is accepted with a warning, so it is listed apart (`warned`), with the warning it gets.

/** What kind of bad input an entry is, so the corpus can show it covers each kind the issue names. */
export type Category =
  | "wrong type"
  | "missing"
  | "empty"
  | "whitespace"
  | "over-long"
  | "bad e-mail"
  | "password rule"
  | "unknown role"
  | "bad GUID"
  | "bad id"
  | "control character"
  | "unusual Unicode"
  | "injection"
  | "rule";

export interface BadInput {
  /** Unique in its corpus; the Pulumi resource is named `<prefix>-<id>`. */
  id: string;
  category: Category;
  /** Inputs set over the valid ones; a key set to `undefined` leaves that input out. */
  set: Record<string, unknown>;
  /** The property the refusal names (its first path segment, e.g. `groupIds` for `groupIds.1`). */
  property: string;
  /**
   * Judged by a read-only vendor look-up during check (the Control Room's roles list), not by a
   * local rule: the unit test proves no local rule refuses it, the e2e test that the look-up does.
   */
  lookup?: boolean;
  /**
   * Judged by a rule across properties (a password is required unless a domain is set, a scope name
   * listed twice), which the schema applies only once every single property passed: previewed only
   * with other such entries.
   */
  crossProperty?: boolean;
}

/** Valid inputs that break only a guessed (INFERRED) vendor rule: accepted, with a warning. */
export interface WarnedInput {
  id: string;
  set: Record<string, unknown>;
  /** A pattern the warning matches (it names the property). */
  warning: RegExp;
}

/** What the valid inputs need from the vendor being talked to. */
export interface VendorFacts {
  /** An Uptrends operator's GUID. */
  uptrendsOperatorGuid: string;
  /** The UiPath organization's GUID. */
  uipathPartitionGlobalId: string;
}

export interface Corpus {
  kind: string;
  /** SDK class name exported by pulumi-apiidentity. */
  className: string;
  /** Prefix of the Pulumi resource names. */
  prefix: string;
  valid(facts: VendorFacts): Record<string, unknown>;
  invalid: BadInput[];
  warned: WarnedInput[];
}

/** The valid inputs with an entry's changes applied (an `undefined` value removes the input). */
export function inputsOf(c: Corpus, entry: { set: Record<string, unknown> }, facts: VendorFacts): Record<string, unknown> {
  const out: Record<string, unknown> = { ...c.valid(facts) };
  for (const [k, v] of Object.entries(entry.set)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/**
 * The corpus of one kind in as few previews as its rules allow. The engine stops a preview at the
 * first resource that fails check, but reports every failure of that resource: so one resource
 * carries several bad inputs, none touching a property another one touches (each failure then names
 * exactly one entry's property). Look-up entries share one resource (the look-up names every unknown
 * role); cross-property entries share resources only with each other.
 */
export function previewGroups(c: Corpus): BadInput[][] {
  const lookups = c.invalid.filter((e) => e.lookup);
  return [
    ...(lookups.length ? [lookups] : []),
    ...disjoint(c.invalid.filter((e) => e.crossProperty && !e.lookup)),
    ...disjoint(c.invalid.filter((e) => !e.crossProperty && !e.lookup)),
  ];
}

/** Entries in groups where no two touch the same input or name the same property. */
function disjoint(entries: readonly BadInput[]): BadInput[][] {
  const groups: BadInput[][] = [];
  for (const e of entries) {
    const touched = (x: BadInput) => [x.property, ...Object.keys(x.set)];
    const fits = groups.find((g) => g.every((o) => !touched(o).some((k) => touched(e).includes(k))));
    if (fits) fits.push(e);
    else groups.push([e]);
  }
  return groups;
}

/** The inputs of one preview group: every entry's changes over the valid inputs (look-ups: their role names together). */
export function groupInputs(c: Corpus, group: readonly BadInput[], facts: VendorFacts): Record<string, unknown> {
  if (group.every((e) => e.lookup)) {
    const roles = group.flatMap((e) => e.set.roles as unknown[]);
    return inputsOf(c, { set: { roles } }, facts);
  }
  return inputsOf(c, { set: Object.assign({}, ...group.map((e) => e.set)) as Record<string, unknown> }, facts);
}

// Mutations of a well-formed GUID, shared by the corpora of the kinds that take GUIDs.
const G = "2f3c9a1e-6b7d-4e58-9a0c-1d2e3f4a5b6c";
export const guidVariants = {
  valid: G,
  short: G.slice(0, -1),
  long: G + "d",
  nonHex: G.replace("2f3c", "2g3c"),
  braces: `{${G}}`,
  noDashes: G.replace(/-/g, ""),
  trailingNewline: `${G}\n`,
  withNul: G.replace("-6b7d", "\u0000-6b7d"),
  fullwidthDigits: G.replace("2f3c", "\uff12f\uff13c"),
  zeroWidthSpace: G.replace("-4e58", "\u200b-4e58"),
  cyrillicA: G.replace("9a1e", "9\u04301e"),
  sqlInjection: `${G}' OR '1'='1`,
  odataInjection: `${G}' or Name ne '`,
  pathTraversal: `${G}/../../Operator`,
  padded: ` ${G} `,
};
