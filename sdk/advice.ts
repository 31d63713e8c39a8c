// The advice rules and input schemas the SDK checks in the program process. Built into dist/, they
// come from the bundle dist/provider/bundles/advice.cjs (scripts/bundle.mjs), loaded with a code
// cache on the first advised resource: one file instead of zod's and the kinds' ~100 modules, which
// every `pulumi up` and preview would otherwise load before the program is done. Run from the
// TypeScript source (the unit tests), there is no bundle and provider/advice.ts is used as it is.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import * as source from "../provider/advice.js";

export type { KindAdvice } from "../provider/advice.js";

type Advice = Pick<typeof source, "adviceOf">;
type Bundles = typeof import("../provider/bundles/load.cjs");

const requireHere = createRequire(import.meta.url);
let chosen: Advice | undefined;

function advice(): Advice {
  if (!chosen) {
    const built = existsSync(fileURLToPath(new URL("../provider/bundles/advice.cjs", import.meta.url)));
    chosen = built ? (requireHere("../provider/bundles/load.cjs") as Bundles).bundle<Advice>("advice") : source;
  }
  return chosen;
}

/** The kinds that have advise rules (the same list in the bundle). */
export const ADVISED_KINDS = source.ADVISED_KINDS;

/** A kind's advice, loaded once; undefined for a kind without advise rules. */
export function adviceOf(kind: string): ReturnType<typeof source.adviceOf> {
  return advice().adviceOf(kind);
}
