import { describe, expect, it } from "vitest";
import { noSettings } from "../../../test/settings.js";
import { uptrendsApiAccount } from "./handler.js";

const h = uptrendsApiAccount.with(noSettings());
import type { UptrendsApiAccountOutputs } from "./inputs.js";

const OP = "2f3c9a1e-6b7d-4e58-9a0c-1d2e3f4a5b6c";
const olds: UptrendsApiAccountOutputs = {
  apiUserGuid: "11111111-2222-4333-8444-555555555555",
  username: "abc",
  password: "pw-secret",
  operatorGuid: OP,
  description: "API",
  accessType: "Generic",
  createdDate: "2025-01-01T00:00:00.000Z",
  lastUsed: "",
};

describe("UptrendsApiAccount diff", () => {
  it("no change for the same inputs", async () => {
    expect(await h.diff("id", olds, { operatorGuid: OP, description: "API" })).toMatchObject({ changes: false, replaces: [] });
  });

  it("no change for a GUID that differs only in case", async () => {
    expect((await h.diff("id", olds, { operatorGuid: OP.toUpperCase(), description: "API" })).changes).toBe(false);
  });

  it("no change between an omitted, empty or 'API' description (the vendor stores 'API')", async () => {
    for (const description of [undefined, "", "  ", "API"]) {
      expect((await h.diff("id", olds, { operatorGuid: OP, description })).changes).toBe(false);
    }
    expect((await h.diff("id", { ...olds, description: "" }, { operatorGuid: OP })).changes).toBe(false);
  });

  it("a description change updates in place", async () => {
    const d = await h.diff("id", olds, { operatorGuid: OP, description: "robot" });
    expect(d).toMatchObject({ changes: true, replaces: [], changed: ["description"] });
  });

  it("a description is compared exactly otherwise (case matters)", async () => {
    expect((await h.diff("id", { ...olds, description: "Robot" }, { operatorGuid: OP, description: "robot" })).changed).toEqual(["description"]);
  });

  it("an operator change replaces", async () => {
    const d = await h.diff("id", olds, { operatorGuid: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", description: "API" });
    expect(d).toMatchObject({ changes: true, replaces: ["operatorGuid"], changed: ["operatorGuid"] });
  });

  it("importId never causes a diff", async () => {
    expect((await h.diff("id", olds, { operatorGuid: OP, description: "API", importId: "11111111-2222-4333-8444-555555555555" })).changes).toBe(false);
    expect((await h.diff("id", { ...olds, importId: "11111111-2222-4333-8444-555555555555" }, { operatorGuid: OP })).changes).toBe(false);
  });

  it("lastUsed and the other outputs never cause a diff", async () => {
    const used = { ...olds, lastUsed: "2025-06-01T00:00:00.000Z", createdDate: "x", username: "other", password: "" };
    expect((await h.diff("id", used, { operatorGuid: OP, description: "API" })).changes).toBe(false);
  });

  it("declares password secret and operatorGuid as the replacing input", () => {
    expect(uptrendsApiAccount.secretOutputs).toEqual(["password"]);
    expect(uptrendsApiAccount.replaceOnChanges).toEqual(["operatorGuid", "profile"]);
  });
});
