// What the SDK needs to advise on a resource's inputs in the program process: the kind's input
// schema and its advise rules, loaded per kind on first use from the vendor's inputs module alone.
// A program then never loads the vendor clients, the HTTP transport or the other vendors' code
// (provider/handlers.ts loads all of them; measured in docs/performance.md, findings).
import type { ResourceHandler } from "./resource.js";

/** The part of a handler that advice needs: the same input schema and advise rules. */
export type KindAdvice = Pick<ResourceHandler, "inputs" | "advise">;

/** Kinds whose handler has advise rules, each with a loader of just those rules and its schema. */
const loaders: Readonly<Record<string, () => Promise<KindAdvice>>> = {
  IseApiUser: async () => {
    const m = await import("./vendors/ivanti/inputs.js");
    return { inputs: m.iseApiUserInputs, advise: (i) => m.adviseInputs(i as Record<string, unknown>) };
  },
  UptrendsApiAccount: async () => {
    const m = await import("./vendors/uptrends/inputs.js");
    return { inputs: m.uptrendsApiAccountInputs, advise: (i) => m.adviseInputs(i) };
  },
  ControlRoomUser: async () => {
    const m = await import("./vendors/automation-anywhere/inputs.js");
    return { inputs: m.inputs, advise: (i) => m.advise(i) };
  },
  VerifyApiClient: async () => {
    const m = await import("./vendors/ibm-verify/inputs.js");
    return { inputs: m.verifyApiClientInputs, advise: (i) => m.adviseInputs(i) };
  },
  UiPathRobotAccount: async () => {
    const m = await import("./vendors/uipath/inputs.js");
    return { inputs: m.robotAccountInputs, advise: (i) => m.adviseInputs(i) };
  },
};

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
