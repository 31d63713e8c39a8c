// The bench's options: --quick runs the head-to-head pair (textbook, apiidentity-2kinds) three times.
import { describe, expect, it } from "vitest";
import { parseOptions, type BenchOptions } from "./options.js";

const parse = (argv: string[]) => parseOptions(argv) as BenchOptions;

describe("bench options", () => {
  it("--quick: 10 identities, 5 ms, every contender once and the head-to-head pair three times", () => {
    expect(parse(["--quick"])).toMatchObject({ quick: true, resources: 10, latencyMs: 5, repeat: 1, pairRepeat: 3 });
  });
  it("a full run repeats the pair as often as every contender, and never fewer times than --repeat", () => {
    expect(parse([])).toMatchObject({ resources: 200, latencyMs: 20, repeat: 1, pairRepeat: 1 });
    expect(parse(["--repeat", "5"])).toMatchObject({ repeat: 5, pairRepeat: 5 });
    expect(parse(["--quick", "--repeat", "5"])).toMatchObject({ repeat: 5, pairRepeat: 5 });
  });
  it("refuses a repeat count out of range", () => {
    expect(() => parse(["--repeat", "0"])).toThrow(/--repeat 0/);
  });
});
