// The bad-input corpus of every resource kind in the vendor registry: each kind's corpus is the
// module named as its SDK module (`./<sdkModule>.ts`), so a kind added without one fails here.
import { VENDORS } from "../../provider/vendors/index.js";
import type { Corpus } from "./corpus.js";

export * from "./corpus.js";

async function corpusOf(kind: string, module: string): Promise<Corpus> {
  const exported = Object.values((await import(/* @vite-ignore */ `./${module}.js`)) as Record<string, unknown>);
  const found = exported.find((v): v is Corpus => typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === kind);
  if (!found) throw new Error(`test/bad-input/${module}.ts exports no corpus of ${kind}`);
  return found;
}

/** In the registry's order. */
export const corpora: readonly Corpus[] = await Promise.all(VENDORS.flatMap((v) => v.kinds.map((k) => corpusOf(k.kind, k.sdkModule))));
