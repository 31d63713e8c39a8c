// What the SDK needs to advise on a resource's inputs in the program process: the kind's input
// schema and its advise rules, loaded per kind on first use from the vendor's inputs module alone.
// A program then never loads the vendor clients, the HTTP transport or the other vendors' code
// (provider/handlers.ts loads all of them; measured in docs/performance.md, findings). The loaders
// are generated from the vendor registry (scripts/gen-sdk.mjs), which this module must not load.
import { ADVICE_LOADERS } from "./advice-loaders.js";
import type { ResourceHandler } from "./resource.js";

/** The part of a handler that advice needs: the same input schema and advise rules. */
export type KindAdvice = Pick<ResourceHandler, "inputs" | "advise">;

/** Kinds whose handler has advise rules, each with a loader of just those rules and its schema. */
const loaders: Readonly<Record<string, () => Promise<KindAdvice>>> = ADVICE_LOADERS;

const loaded = new Map<string, Promise<KindAdvice | undefined>>();

/** The kinds that have advise rules (a test checks they are the handlers' own). */
export const ADVISED_KINDS: readonly string[] = Object.keys(loaders);

/** A kind's advice, loaded once; undefined for a kind without advise rules. */
export function adviceOf(kind: string): Promise<KindAdvice | undefined> {
  let p = loaded.get(kind);
  if (!p) {
    p = loaders[kind]?.() ?? Promise.resolve(undefined);
    loaded.set(kind, p);
  }
  return p;
}
