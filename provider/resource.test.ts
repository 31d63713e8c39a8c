import { describe, expect, it } from "vitest";
import * as z from "zod";
import { VendorError } from "./http/index.js";
import { describeFailure } from "./errors.js";
import { UNKNOWN, asSet, caseless, checkWith, diffProperties, type DiffSpec } from "./resource.js";

const schema = z.object({
  name: z.string().min(3, "name must have at least 3 characters"),
  tags: z.array(z.enum(["a", "b"])).default([]),
  enabled: z.boolean().default(true),
});

describe("checkWith", () => {
  it("returns parsed inputs with defaults and drops engine-internal keys", () => {
    expect(checkWith(schema, { name: "abc", __provider: "x" })).toEqual({ inputs: { name: "abc", tags: [], enabled: true }, failures: [] });
  });
  it("names the property and the rule", () => {
    expect(checkWith(schema, { name: "x", tags: ["c"] }).failures).toEqual([
      { property: "name", reason: "name must have at least 3 characters" },
      expect.objectContaining({ property: "tags.0" }),
    ]);
  });
  it("does not judge values that are not known yet (preview), but still the others", () => {
    const r = checkWith(schema, { name: UNKNOWN, tags: [UNKNOWN], enabled: UNKNOWN });
    expect(r.failures).toEqual([]);
    expect(checkWith(schema, { name: "x", enabled: UNKNOWN }).failures.map((f) => f.property)).toEqual(["name"]);
  });
});

interface Item {
  name?: string;
  tags?: string[];
  guid?: string;
  enabled?: boolean;
}

describe("checkWith with cross-property rules", () => {
  const withRule = z
    .object({ password: z.string().optional(), domain: z.string().optional() })
    .refine((v) => (v.password === undefined) !== (v.domain === undefined), { message: "set password or domain, not both", path: ["password"] });
  it("judges a refinement when every value is known, defers it while one is not", () => {
    expect(checkWith(withRule, { password: "x", domain: "CORP" }).failures).toEqual([{ property: "password", reason: "set password or domain, not both" }]);
    // `domain` comes from another resource's output: the rule is judged at `up`, not in preview.
    expect(checkWith(withRule, { password: "x", domain: UNKNOWN }).failures).toEqual([]);
  });
});

describe("diffProperties", () => {
  const spec: DiffSpec<Item> = { properties: ["name", "tags", "guid", "enabled"], replaceOnChanges: ["name"], normalise: { tags: asSet, guid: caseless }, defaults: { enabled: true } };
  it("no diff for order, case or an omitted default", () => {
    const r = diffProperties<Item>({ name: "n", tags: ["a", "b"], guid: "ABC", enabled: true }, { name: "n", tags: ["b", "a"], guid: "abc" }, spec);
    expect(r).toEqual({ changes: false, replaces: [], changed: [] });
  });
  it("update vs replace", () => {
    expect(diffProperties<Item>({ name: "n", enabled: true }, { name: "n", enabled: false }, spec)).toEqual({ changes: true, replaces: [], changed: ["enabled"] });
    expect(diffProperties<Item>({ name: "n" }, { name: "m" }, spec).replaces).toEqual(["name"]);
  });
});

describe("describeFailure", () => {
  it("one line: kind, action, vendor call, vendor message, status and a hint; one full stop", () => {
    const e = new VendorError({ vendor: "Uptrends", method: "POST", pathTemplate: "/ApiUser", status: 404, vendorMessage: "The specified operator was not found." });
    const m = describeFailure("UptrendsApiAccount", "creating the API account", e).message;
    expect(m).toBe(
      "UptrendsApiAccount: creating the API account failed: Uptrends POST /ApiUser failed with HTTP 404: The specified operator was not found. The vendor does not know this object; it may have been deleted out of band (run 'pulumi refresh').",
    );
    expect(m).not.toContain("..");
  });
});
