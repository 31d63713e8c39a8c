import { describe, expect, it } from "vitest";
import { createKeyOfUrn, kindOfPluginToken, parseUrn } from "./urn.js";

describe("URN", () => {
  it("names stack, project, type and name", () => {
    expect(parseUrn("urn:pulumi:dev::infra::apiidentity:index:UptrendsApiAccount::monitoring")).toEqual({
      stack: "dev",
      project: "infra",
      type: "apiidentity:index:UptrendsApiAccount",
      name: "monitoring",
    });
  });

  it("takes the resource's own type after its parents' types", () => {
    expect(parseUrn("urn:pulumi:dev::infra::my:index:Team$apiidentity:index:IseApiUser::ise").type).toBe("apiidentity:index:IseApiUser");
  });

  it("keeps a name that holds '::'", () => {
    expect(parseUrn("urn:pulumi:dev::infra::apiidentity:index:IseApiUser::a::b").name).toBe("a::b");
  });

  it("refuses what is no URN", () => {
    expect(() => parseUrn("apiidentity:index:IseApiUser")).toThrow(/not a Pulumi URN/);
    expect(() => parseUrn("urn:pulumi:dev::infra")).toThrow(/not a Pulumi URN/);
  });
});

describe("create key", () => {
  it("is project/stack/Kind/name, as the TypeScript SDK's createKey builds it", () => {
    expect(createKeyOfUrn("urn:pulumi:prod::identities::apiidentity:index:VerifyApiClient::hr-sync")).toBe("identities/prod/VerifyApiClient/hr-sync");
  });

  it("is the same for a resource with a parent", () => {
    expect(createKeyOfUrn("urn:pulumi:prod::identities::pkg:index:Comp$apiidentity:index:UiPathRobotAccount::bot")).toBe("identities/prod/UiPathRobotAccount/bot");
  });

  it("a type of another package is refused, naming the tokens this provider serves", () => {
    expect(() => kindOfPluginToken("pulumi-nodejs:dynamic:Resource")).toThrow(/apiidentity:index:<Kind>/);
  });
});
