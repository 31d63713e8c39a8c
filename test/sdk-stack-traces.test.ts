// @pulumi/pulumi keeps a formatted stack trace on four promises of every property a resource
// registers, read only for leak reports under PULUMI_DEBUG_PROMISE_LEAKS. Formatting them through the
// program's formatter (source-map-support, which Pulumi installs) was most of a program's CPU in
// `preview --refresh`. Our constructors must keep those traces off that formatter, and only those:
// the resource's source position and every error still go through it.
// It runs against the build (dist/), as a program does: the SDK source imports its providers as .cts.
import * as pulumi from "@pulumi/pulumi";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ControlRoomUser, IseApiUser, UiPathRobotAccount, UptrendsApiAccount, VerifyApiClient } from "../dist/sdk/index.js";
import { lightLeakTraces } from "../dist/sdk/stack-traces.js";
import { ADVISED_KINDS, adviceOf } from "../dist/provider/advice.js";

beforeAll(() => {
  pulumi.runtime.setMocks(
    { newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: (a) => a.inputs },
    "proj",
    "stack",
    false,
  );
});

// Each constructor starts loading its kind's advice module in the background; wait for those loads
// so none is still importing when the test environment is torn down (an unhandled rejection).
afterAll(async () => {
  await Promise.all(ADVISED_KINDS.map((kind) => adviceOf(kind)));
});

type Format = (err: Error, frames: NodeJS.CallSite[]) => unknown;
const programFormat = Error.prepareStackTrace;
afterEach(() => {
  if (programFormat) Error.prepareStackTrace = programFormat;
  else delete (Error as { prepareStackTrace?: Format }).prepareStackTrace;
  delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
});

/** Stands in for the program's formatter and counts what reaches it. */
function countingFormat() {
  const seen = { leakTraces: 0, others: 0 };
  const format: Format = (err, frames) => {
    if (frames[0]?.getFunctionName() === "debuggablePromise") seen.leakTraces++;
    else seen.others++;
    return `${String(err)}\n${frames.map((f) => `    at ${f.toString()}`).join("\n")}`;
  };
  return { format, seen };
}

const declare: Record<string, () => pulumi.CustomResource> = {
  IseApiUser: () => new IseApiUser("ise", { emailAddress: "ise@example.com", password: "Ise-Passw0rd-4k2q" }),
  UptrendsApiAccount: () => new UptrendsApiAccount("up", { operatorGuid: "5f3a4b1e-8b7c-4d2a-9f10-2c3d4e5f6a7b", description: "ci" }),
  ControlRoomUser: () => new ControlRoomUser("cr", { username: "bot-1", email: "bot-1@example.com", roles: ["AAE_Basic"], password: "Cr-Passw0rd-4k2q" }),
  VerifyApiClient: () => new VerifyApiClient("vc", { clientName: "ci", entitlements: ["readUsers"] }),
  UiPathRobotAccount: () => new UiPathRobotAccount("rb", { name: "robot-1" }),
};

describe("stack traces while our resources register", () => {
  for (const [kind, make] of Object.entries(declare)) {
    it(`${kind}: no leak-report trace reaches the program's formatter; the source position still does`, () => {
      const { format, seen } = countingFormat();
      Error.prepareStackTrace = format;
      make();
      expect(seen.leakTraces).toBe(0);
      expect(seen.others).toBeGreaterThan(0);
      expect(Error.prepareStackTrace).toBe(format);
    });
  }

  it("with PULUMI_DEBUG_PROMISE_LEAKS set, leak-report traces are formatted as the program formats them", () => {
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
    const { format, seen } = countingFormat();
    Error.prepareStackTrace = format;
    declare.VerifyApiClient!();
    expect(seen.leakTraces).toBeGreaterThan(0);
  });

  it("the program's formatter is back when the constructor throws", () => {
    const { format } = countingFormat();
    Error.prepareStackTrace = format;
    const notAResource = {} as unknown as pulumi.Resource;
    expect(() => new VerifyApiClient("bad-parent", { clientName: "ci", entitlements: [] }, { parent: notAResource })).toThrow(/parent/);
    expect(Error.prepareStackTrace).toBe(format);
  });

  it("an error made while the light formatter is in place but read after gets the program's formatter (how Pulumi's pre-allocated registration error is read)", () => {
    const { format, seen } = countingFormat();
    Error.prepareStackTrace = format;
    const restore = lightLeakTraces();
    const early = new Error("made during registration");
    restore();
    expect(early.stack).toMatch(/made during registration\n {4}at /);
    expect(seen.others).toBe(1);
  });

  it("without a formatter installed, none is installed after", () => {
    delete (Error as { prepareStackTrace?: Format }).prepareStackTrace;
    declare.UiPathRobotAccount!();
    expect(Error.prepareStackTrace).toBeUndefined();
  });
});
