import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { currentUrn, forwardNotes, isEngineAddress } from "./notes.js";

function fakeStream(): { stream: NodeJS.WriteStream; written: () => string } {
  const s = new PassThrough();
  let out = "";
  s.on("data", (d: Buffer) => (out += d.toString()));
  return { stream: s as unknown as NodeJS.WriteStream, written: () => out };
}

describe("notes to the engine", () => {
  it("forwards the lifecycle's 'apiidentity: ' lines with the URN of the call that wrote them, and still writes everything", async () => {
    const { stream, written } = fakeStream();
    const got: [string, string | undefined][] = [];
    const undo = forwardNotes((m, urn) => got.push([m, urn]), stream);
    await currentUrn.run("urn:pulumi:dev::p::apiidentity:index:UptrendsApiAccount::a", async () => {
      await Promise.resolve();
      stream.write("apiidentity: adopted UptrendsApiAccount 123; changed: description\n");
    });
    stream.write("apiidentity plugin: Create failed: something\nother line\n");
    stream.write(Buffer.from("apiidentity: outside any call\n"));
    undo();
    stream.write("apiidentity: after undo\n");
    await new Promise((r) => setImmediate(r));
    expect(got).toEqual([
      ["adopted UptrendsApiAccount 123; changed: description", "urn:pulumi:dev::p::apiidentity:index:UptrendsApiAccount::a"],
      ["outside any call", undefined],
    ]);
    expect(written()).toContain("apiidentity plugin: Create failed: something\nother line\n");
    expect(written()).toContain("apiidentity: after undo\n");
  });

  it("a failing sink never stops the write", () => {
    const { stream } = fakeStream();
    const undo = forwardNotes(() => {
      throw new Error("engine gone");
    }, stream);
    expect(stream.write("apiidentity: note\n")).toBe(true);
    undo();
  });

  it("recognises the engine's address among the plugin's arguments", () => {
    expect(isEngineAddress("127.0.0.1:43123")).toBe(true);
    expect(isEngineAddress("localhost:1")).toBe(true);
    expect(isEngineAddress("--logtostderr")).toBe(false);
    expect(isEngineAddress(undefined)).toBe(false);
  });
});
