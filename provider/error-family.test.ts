// Every error the product throws on purpose descends from ApiIdentityError and keeps its cause, and
// none is recognised by its name string: the classes are checked one by one, and the sources for
// a class outside the family or a bare `throw new Error(`.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CommandRunError, UsageError } from "../cli/errors.js";
import { ProbeCannotRun } from "./probe.js";
import { ApiIdentityError, ConfigurationError, CreatedButFailedError } from "./error-root.js";
import { AdoptionError, LookupError, LostCreateError, OutcomeUnknownError, VendorCallError, describeFailure, reworded } from "./errors.js";
import { TokenError, TransportError, UnexpectedAnswerError, VendorError } from "./http/index.js";
import { UnknownRolesError } from "./vendors/automation-anywhere/roles.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cause = new Error("underneath");
const refused = { vendor: "Acme", method: "POST", pathTemplate: "/things", status: 400, vendorMessage: "no" };
const lost = { vendor: "Acme", method: "POST", pathTemplate: "/things", code: "CONNECTION" as const, detail: "reset", outcomeUnknown: true };
const badAnswer = z.object({ id: z.string() }).safeParse({}).error!;

/** One instance of each exported error class, made with `cause` wherever its constructor takes one. */
const family: [string, Error, boolean][] = [
  ["ApiIdentityError", new ApiIdentityError("m", { cause }), true],
  ["ConfigurationError", new ConfigurationError("m", { cause }), true],
  ["CreatedButFailedError", new CreatedButFailedError("m", "7", {}, { cause }), true],
  ["VendorCallError", new VendorCallError("m", { cause }), true],
  ["OutcomeUnknownError", new OutcomeUnknownError("m", { cause }), true],
  ["LookupError", new LookupError("m", { cause }), true],
  ["AdoptionError", new AdoptionError("K", "7", "gone", "check it", { cause }), true],
  ["LostCreateError", new LostCreateError("K", "creating", "look", { cause }), true],
  ["TokenError", new TokenError("m", { cause }), true],
  ["TransportError", new TransportError({ ...lost, cause }), true],
  ["ProbeCannotRun", new ProbeCannotRun("m", { cause }), true],
  ["UsageError", new UsageError("m", { cause }), true],
  ["CommandRunError", new CommandRunError("m", { cause }), true],
  // These two are the vendor's or the schema's answer itself: nothing underneath to keep.
  ["VendorError", new VendorError(refused), false],
  ["UnexpectedAnswerError", new UnexpectedAnswerError("Acme", "GET /things", badAnswer), false],
  ["UnknownRolesError", new UnknownRolesError(["r"], "(none)"), false],
];

describe("one error family", () => {
  it.each(family)("%s descends from ApiIdentityError, is named for its class and keeps its cause", (name, e, hasCause) => {
    expect(e).toBeInstanceOf(ApiIdentityError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe(name);
    if (hasCause) expect(e.cause).toBe(cause);
  });

  it("the user-facing wording keeps the error underneath as cause, and its kind", () => {
    const v = new VendorError(refused);
    const worded = describeFailure("K", "creating", v);
    expect(worded).toBeInstanceOf(VendorCallError);
    expect(worded.cause).toBe(v);
    const again = reworded(worded, "more words");
    expect(again).toBeInstanceOf(VendorCallError);
    expect(again.cause).toBe(v);
    const t = new TransportError({ ...lost, cause });
    expect(reworded(t, "x").cause).toBe(t);
    expect(reworded(new ConfigurationError("m"), "x")).toBeInstanceOf(ConfigurationError);
    // A class whose constructor takes more than a message is reworded as the root, never half-built.
    expect(reworded(new AdoptionError("K", "7", "a", "b"), "x").message).toBe("x");
  });

  const sources = ["provider", "sdk", "cli"]
    .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: "utf8" }).map((f) => `${dir}/${f}`))
    .filter((f) => /\.c?ts$/.test(f) && !/\.test\.ts$|test-server\.ts$/.test(f));

  it("no product class extends Error except the root, and nothing throws a bare Error", () => {
    const found: string[] = [];
    for (const f of sources) {
      const text = readFileSync(join(root, f), "utf8");
      for (const m of text.matchAll(/class (\w+) extends Error\b/g)) if (f !== "provider/error-root.ts") found.push(`${f}: ${m[1]} extends Error`);
      if (/throw new Error\(/.test(text)) found.push(`${f}: throw new Error(`);
    }
    expect(found).toEqual([]);
  });

  it("no error is recognised by its name string", () => {
    const found: string[] = [];
    for (const f of sources) {
      const text = readFileSync(join(root, f), "utf8");
      for (const m of text.matchAll(/\.name\s*[!=]==\s*"(\w*Error\w*)"/g)) found.push(`${f}: ${m[0]}`);
    }
    // The network library's abort (a DOMException, no class of ours) is the one known by its name.
    expect(found).toEqual(['provider/http/client.ts: .name === "AbortError"']);
  });
});
