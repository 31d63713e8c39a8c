// The provider process resolves its settings once: at configure (stack config, then environment),
// and hands that one value to every handler call, so every kind shares its vendor clients.
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { registerHandler } from "../handlers.js";
import type { ResourceHandler, Settings } from "../resource.js";
import { stderrNotes, type Notes } from "../notes.js";
import { dispatch } from "./dispatch.js";

const seen: Settings[] = [];
const notesSeen: (Notes | undefined)[] = [];
const recorder = (kind: string): ResourceHandler => ({
  kind,
  vendor: "Recorder",
  inputs: z.object({}),
  outputs: z.object({}),
  secretOutputs: [],
  replaceOnChanges: [],
  with: (settings, notes) => {
    seen.push(settings);
    notesSeen.push(notes);
    return {
      check: async () => ({ inputs: {}, failures: [] }),
      diff: async () => ({ changes: false, replaces: [], changed: [] }),
      create: async () => ({ id: "1", outs: {} }),
      read: async () => ({}),
      update: async () => ({}),
      delete: async () => undefined,
    };
  },
});
registerHandler(recorder("DispatchRecorderA"));
registerHandler(recorder("DispatchRecorderB"));

const stack = (values: Record<string, string>) => ({ config: { get: (key: string) => values[key] } });

describe("dispatch and the provider settings", () => {
  it("hands every call the settings configure resolved from stack config, one value for every kind", async () => {
    await dispatch("DispatchRecorderA", "configure", [stack({ "apiidentity:uipathOrganization": "from-config" })]);
    await dispatch("DispatchRecorderA", "check", [undefined, {}]);
    // The engine configures the next kind's provider object with the same config: nothing changes.
    await dispatch("DispatchRecorderB", "configure", [stack({ "apiidentity:uipathOrganization": "from-config" })]);
    await dispatch("DispatchRecorderB", "read", ["1", {}]);
    expect(seen).toHaveLength(2);
    expect(seen[0]!.uipathOrganization).toBe("from-config");
    expect(seen[1]).toBe(seen[0]);
  });

  it("takes new settings when configure brings different ones", async () => {
    await dispatch("DispatchRecorderA", "configure", [stack({ "apiidentity:uipathOrganization": "changed" })]);
    await dispatch("DispatchRecorderA", "delete", ["1", {}]);
    expect(seen.at(-1)!.uipathOrganization).toBe("changed");
  });
});

describe("dispatch and the user's notes", () => {
  it("gives every call the notes that go to stderr, which the engine shows for a dynamic provider", async () => {
    notesSeen.length = 0;
    await dispatch("DispatchRecorderA", "check", [undefined, {}]);
    await dispatch("DispatchRecorderB", "create", [{}]);
    expect(notesSeen).toEqual([stderrNotes, stderrNotes]);
  });
});
