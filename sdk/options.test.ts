// What adviseOn shows: the handler's advice on the inputs the input schema accepts. A property the
// static schema refuses but the provider may accept (an Ivanti role under the tenant's own name,
// from the provider setting ivantiIseRoleName) must not hide the advice on the others.
import { describe, expect, it } from "vitest";
import * as z from "zod";
import type { KindAdvice } from "../provider/advice.js";
import { handlerFor } from "../provider/handlers.js";
import { adviceFor } from "./options.js";

const ise = handlerFor("IseApiUser");
const long = "x".repeat(300);

describe("adviceFor", () => {
  it("advises on valid inputs (an over-long displayName at Ivanti)", () => {
    expect(adviceFor(ise, { emailAddress: "ise@example.com", password: "Ise-Passw0rd-4k2q", displayName: long })).toEqual([
      "displayName has 300 characters; Ivanti may refuse more than 255 (a guess, not documented).",
    ]);
  });
  it("still advises when a role goes by the tenant's own name (ivantiIseRoleName), which only the provider's check knows", () => {
    expect(adviceFor(ise, { emailAddress: "ise@example.com", password: "Ise-Passw0rd-4k2q", displayName: long, roles: ["ISE Ops (tenant name)"] })).toEqual([
      "displayName has 300 characters; Ivanti may refuse more than 255 (a guess, not documented).",
    ]);
  });
  it("says nothing about inputs the schema refuses as a whole (the engine's check names them)", () => {
    expect(adviceFor(ise, { password: "Ise-Passw0rd-4k2q", displayName: long })).toEqual([]);
  });
  it("engine-internal keys (the create key) are no input", () => {
    expect(adviceFor(ise, { emailAddress: "ise@example.com", password: "Ise-Passw0rd-4k2q", displayName: long, __createKey: "p/s/IseApiUser/a" })).toEqual([
      "displayName has 300 characters; Ivanti may refuse more than 255 (a guess, not documented).",
    ]);
    // The shipped schemas drop unknown keys themselves; a schema that keeps or refuses them shows
    // that adviceFor removes the engine's keys (and undefined values) before judging.
    const sees = (inputs: z.ZodObject): KindAdvice => ({ inputs, advise: (i) => Object.keys(i as object) });
    const engine = { name: "a", note: undefined, __createKey: "p/s/Kind/a", __provider: "urn:provider" };
    expect(adviceFor(sees(z.looseObject({ name: z.string() })), engine)).toEqual(["name"]);
    expect(adviceFor(sees(z.strictObject({ name: z.string(), note: z.string().optional() })), engine)).toEqual(["name"]);
  });
});
