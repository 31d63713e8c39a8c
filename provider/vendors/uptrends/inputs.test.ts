import { describe, expect, it } from "vitest";
import { noSettings } from "../../../test/settings.js";
import { uptrendsApiAccount } from "./handler.js";

const h = uptrendsApiAccount.with(noSettings());

const OP = "2f3c9a1e-6b7d-4e58-9a0c-1d2e3f4a5b6c";

async function failures(news: unknown) {
  return (await h.check(undefined, news)).failures;
}

describe("UptrendsApiAccount check", () => {
  it("accepts a minimal input and canonicalises it (GUID lower case, vendor default description)", async () => {
    const r = await h.check(undefined, { operatorGuid: OP.toUpperCase(), __provider: "x" });
    expect(r.failures).toEqual([]);
    expect(r.inputs).toEqual({ operatorGuid: OP, description: "API" });
  });

  it("keeps a description and lower-cases importId", async () => {
    const r = await h.check(undefined, { operatorGuid: OP, description: "ci robot", importId: "7D4E1C2B-3A5F-4B6C-8D9E-0F1A2B3C4D5E" });
    expect(r.inputs).toEqual({ operatorGuid: OP, description: "ci robot", importId: "7d4e1c2b-3a5f-4b6c-8d9e-0f1a2b3c4d5e" });
  });

  it("an empty or blank description means the vendor default", async () => {
    expect((await h.check(undefined, { operatorGuid: OP, description: "" })).inputs.description).toBe("API");
    expect((await h.check(undefined, { operatorGuid: OP, description: "   " })).inputs.description).toBe("API");
  });

  it("requires operatorGuid", async () => {
    const f = await failures({ description: "x" });
    expect(f).toHaveLength(1);
    expect(f[0]!.property).toBe("operatorGuid");
    expect(f[0]!.reason).toMatch(/operatorGuid must be a string/);
  });

  it("rejects an operatorGuid that is not a GUID, saying what is allowed", async () => {
    for (const bad of ["admin@example.com", "2f3c9a1e6b7d4e589a0c1d2e3f4a5b6c", "{2f3c9a1e-6b7d-4e58-9a0c-1d2e3f4a5b6c}", ""]) {
      const f = await failures({ operatorGuid: bad });
      expect(f.map((x) => x.property)).toEqual(["operatorGuid"]);
      expect(f[0]!.reason).toMatch(/must be a GUID in the form/);
    }
  });

  it("rejects a description that is not a string", async () => {
    const f = await failures({ operatorGuid: OP, description: 42 });
    expect(f).toEqual([{ property: "description", reason: "description must be a string" }]);
  });

  it("rejects an importId that is not a GUID", async () => {
    const f = await failures({ operatorGuid: OP, importId: "5a1d2b3c4e5f60718293a4b5c6d7e8f9" });
    expect(f.map((x) => x.property)).toEqual(["importId"]);
    expect(f[0]!.reason).toMatch(/ApiUserGuid/);
  });

  it("passes values not known yet during preview (the engine's unknown placeholder is GUID-shaped)", async () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    expect((await h.check(undefined, { operatorGuid: unknown, description: unknown })).failures).toEqual([]);
  });

  it("reports every bad property at once", async () => {
    const f = await failures({ operatorGuid: "nope", description: false, importId: 1 });
    expect(f.map((x) => x.property).sort()).toEqual(["description", "importId", "operatorGuid"]);
  });
});
