import { describe, expect, it } from "vitest";
import { engineDiff } from "./diff.js";

describe("engineDiff (detailedDiff from a handler's diff)", () => {
  it("no change: DIFF_NONE, an empty detailedDiff", () => {
    expect(engineDiff({ changes: false, replaces: [], changed: [] }, { a: 1 }, { a: 1 })).toEqual({ changes: false, replaces: [], diffs: [], detailedDiff: {}, deleteBeforeReplace: false });
  });

  it("a changed updatable property is an update, a changed replacing one an update-replace", () => {
    const d = engineDiff({ changes: true, replaces: ["operatorGuid"], changed: ["description", "operatorGuid"] }, { description: "a", operatorGuid: "x" }, { description: "b", operatorGuid: "y" });
    expect(d.detailedDiff).toEqual({ description: { kind: "update", inputDiff: true }, operatorGuid: { kind: "update-replace", inputDiff: true } });
    expect(d.replaces).toEqual(["operatorGuid"]);
    expect(d.diffs).toEqual(["description", "operatorGuid"]);
    expect(d.changes).toBe(true);
  });

  it("a property set only now is an add, one removed a delete (each -replace when it replaces)", () => {
    const d = engineDiff({ changes: true, replaces: ["domain"], changed: ["description", "firstName", "domain"] }, { firstName: "A", description: "" }, { description: "new", domain: "corp" });
    expect(d.detailedDiff).toEqual({
      description: { kind: "add", inputDiff: true },
      firstName: { kind: "delete", inputDiff: true },
      domain: { kind: "add-replace", inputDiff: true },
    });
    const gone = engineDiff({ changes: true, replaces: ["domain"], changed: ["domain"] }, { domain: "corp" }, {});
    expect(gone.detailedDiff).toEqual({ domain: { kind: "delete-replace", inputDiff: true } });
  });

  it("a replacement the handler decided without listing the property as changed still shows", () => {
    const d = engineDiff({ changes: true, replaces: ["partitionGlobalId"], changed: [] }, { partitionGlobalId: "a" }, { partitionGlobalId: "b" });
    expect(d.diffs).toEqual(["partitionGlobalId"]);
    expect(d.detailedDiff.partitionGlobalId?.kind).toBe("update-replace");
  });

  it("deleteBeforeReplace only with a replacement", () => {
    expect(engineDiff({ changes: true, replaces: ["username"], changed: ["username"], deleteBeforeReplace: true }, { username: "a" }, { username: "b" }).deleteBeforeReplace).toBe(true);
    expect(engineDiff({ changes: true, replaces: [], changed: ["email"], deleteBeforeReplace: true }, { email: "a" }, { email: "b" }).deleteBeforeReplace).toBe(false);
  });
});
