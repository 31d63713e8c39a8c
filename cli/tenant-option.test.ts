import { describe, expect, it } from "vitest";
import { chosenTenant, providerNamed } from "./tenant-option.js";

const P = "pulumi:providers:apiidentity";
const state = [
  { urn: "urn:pulumi:dev::p::pulumi:providers:apiidentity::default_1_0_0", type: P },
  { urn: "urn:pulumi:dev::p::pulumi:providers:apiidentity::prod", type: P, inputs: { uptrendsBaseUrl: "https://prod.example.com" } },
];

describe("--provider NAME", () => {
  it("finds the explicit provider of that name in state", () => {
    expect(providerNamed(state, "prod", "dev").inputs).toEqual({ uptrendsBaseUrl: "https://prod.example.com" });
  });
  it("a name not there fails, listing the explicit providers (never the default one) and what to do", () => {
    expect(() => providerNamed(state, "staging", "dev")).toThrow("stack dev has no explicit provider named 'staging': it has 'prod'. Name one of them with --provider, or a settings profile with --profile.");
  });
});

describe("chosenTenant", () => {
  it("neither option: the environment's settings stay (undefined)", async () => {
    expect(await chosenTenant({ cwd: "." })).toBeUndefined();
  });
  it("both options: refused", async () => {
    await expect(chosenTenant({ cwd: ".", profile: "eu", provider: "prod" })).rejects.toThrow("give --profile or --provider, not both");
  });
});
