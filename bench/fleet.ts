// The identities each contender declares: N spread evenly over a list of kinds, identity i of kind
// kinds[i % kinds.length], named `bench-<i>`. `generation` goes into one property of every identity
// that updates in place, so the second `up` (generation "v2") is an update of every identity.
// Every value is literal: no lookup in the program, so only the provider calls the vendors.

import { exampleInputs, type Kind } from "../sandbox/kinds.js";
import { TEXTBOOK_KINDS as TEXTBOOK } from "./textbook/kinds.js";

export { SANDBOX_KINDS, VENDOR_OF, type Kind } from "../sandbox/kinds.js";

/** The two kinds of the textbook comparison. */
export const TEXTBOOK_KINDS: readonly Kind[] = TEXTBOOK;

export interface Member {
  kind: Kind;
  name: string;
  args: Record<string, unknown>;
}

/** `size` identities over `kinds`, each with the inputs the sandbox's vendor module gives for it. */
export function members(size: number, kinds: readonly Kind[], generation: string): Member[] {
  return Array.from({ length: size }, (_, index): Member => {
    const kind = kinds[index % kinds.length]!;
    const name = `bench-${index}`;
    return { kind, name, args: exampleInputs(kind, { index, name, label: `bench ${index} ${generation}` }) };
  });
}
