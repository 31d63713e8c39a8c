import { describe, expect, it } from "vitest";
import { isEngineAddress } from "./notes.js";

describe("notes to the engine", () => {
  it("recognises the engine's address among the plugin's arguments", () => {
    expect(isEngineAddress("127.0.0.1:43123")).toBe(true);
    expect(isEngineAddress("localhost:1")).toBe(true);
    expect(isEngineAddress("--logtostderr")).toBe(false);
    expect(isEngineAddress(undefined)).toBe(false);
  });
});
