// Every vendor folder names its exports by one rule (ARCHITECTURE.md, "The vendor module contract"):
// what is found in one folder is found by the same name in the next, the sixth vendor's included.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VENDORS } from "../provider/vendors/index.js";

const root = join(import.meta.dirname, "..");
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The values a module of a vendor folder exports. */
const exportsOf = async (path: string) => (await import(/* @vite-ignore */ join(root, path))) as Record<string, unknown>;

describe.each(VENDORS.map((v) => [v.name, v] as const))("the vendor folder %s", (name, vendor) => {
  it("index.ts exports vendor, the registry's module", async () => {
    expect((await exportsOf(`provider/vendors/${name}/index.ts`)).vendor).toBe(vendor);
  });

  it("handler.ts exports each kind's handler, named as the kind with a lower-case first letter", async () => {
    const handler = await exportsOf(`provider/vendors/${name}/handler.ts`);
    for (const k of vendor.kinds) expect(handler[lowerFirst(k.kind)], k.kind).toBe(k.handler);
  });

  it("client.ts exports <Product>Client, <product>Client, <product>Settings and describe<Product>Error", async () => {
    const client = await exportsOf(`provider/vendors/${name}/client.ts`);
    const classes = Object.keys(client).filter((n) => /^[A-Z]\w*Client$/.test(n) && typeof client[n] === "function");
    expect(classes, "one <Product>Client class").toHaveLength(1);
    const product = classes[0]!.slice(0, -"Client".length);
    for (const n of [`${lowerFirst(product)}Client`, `${lowerFirst(product)}Settings`, `describe${product}Error`]) expect(typeof client[n], n).toBe("function");
  });

  it("probe.ts exports probe, the registry's", async () => {
    expect((await exportsOf(`provider/vendors/${name}/probe.ts`)).probe).toBe(vendor.probe);
  });

  it("its emulator's test-helpers.ts exports startHarness", async () => {
    const path = `sandbox/vendors/${name}/test-helpers.ts`;
    expect(existsSync(join(root, path)), path).toBe(true);
    expect(typeof (await exportsOf(path)).startHarness).toBe("function");
  });
});
