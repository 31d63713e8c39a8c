// The declarations are the one source of each property's facts: every property is described, the
// handlers' secret and replace lists are the declared ones, the secret lists drift and discover use
// come from them, and the lookups' declared shapes are the TypeScript types the SDK returns.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { LOOKUPS, RESOURCES, factsOf, replacesOf, requiredInputsOf, secretPropertiesOf, secretsOf, shapeOf, writeOnlyInputsOf } from "./declare.js";
import { allHandlers } from "./handlers.js";
import type { ControlRoomRole } from "./vendors/automation-anywhere/roles.js";
import type { FindGroupArgs, UiPathGroup } from "./vendors/uipath/lookup.js";
import type { getControlRoomRoleInputs, getControlRoomRoleOutputs } from "./vendors/automation-anywhere/inputs.js";
import type { getUiPathGroupInputs, getUiPathGroupOutputs } from "./vendors/uipath/inputs.js";
import type { getUptrendsOperatorInputs, getUptrendsOperatorOutputs } from "./vendors/uptrends/inputs.js";
import { lookupOperator, type UptrendsOperator, type UptrendsOperatorQuery } from "./vendors/uptrends/operators.js";
import { findRole } from "./vendors/automation-anywhere/roles.js";
import { findUiPathGroup } from "./vendors/uipath/lookup.js";
import { startSandbox, type Sandbox } from "../sandbox/server.js";
import { sandboxSettings } from "../test/settings.js";

describe("declarations", () => {
  it("declare all five shipped resources, the same kinds the handlers serve", () => {
    expect(RESOURCES.map((r) => r.kind).sort()).toEqual(allHandlers().map((h) => h.kind).sort());
  });

  it("describe every property and every resource and lookup in full sentences", () => {
    for (const d of [...RESOURCES, ...LOOKUPS]) {
      const name = "kind" in d ? d.kind : d.name;
      expect(factsOf(d.inputs).description, `${name} inputs`).toMatch(/^[A-Z].*\.$/s);
      for (const io of [d.inputs, d.outputs]) {
        for (const [p, s] of Object.entries(shapeOf(io))) expect(factsOf(s).description, `${name}.${p}`).toMatch(/^\S.*[.)]$/s);
      }
    }
  });

  it("give each handler exactly its declared secret outputs and replace-on-change inputs", () => {
    for (const h of allHandlers()) {
      const d = RESOURCES.find((r) => r.kind === h.kind)!;
      expect([...h.secretOutputs].sort(), h.kind).toEqual(secretsOf(d.outputs).sort());
      expect([...h.replaceOnChanges].sort(), h.kind).toEqual(replacesOf(d.inputs).sort());
    }
  });

  it("mark importId as never causing a diff, and secret inputs as secret outputs too", () => {
    for (const d of RESOURCES) {
      expect(factsOf(shapeOf(d.inputs).importId!).onChange, d.kind).toBe("none");
      for (const p of secretsOf(d.inputs)) expect(secretsOf(d.outputs), `${d.kind}.${p}`).toContain(p);
    }
  });

  // Checked by the typecheck (`tsc`), not at run time: the next case is the run-time half.
  it("declare the lookups with the shapes the SDK functions take and return", () => {
    expectTypeOf<z.input<typeof getUptrendsOperatorInputs>>().toEqualTypeOf<UptrendsOperatorQuery>();
    expectTypeOf<z.output<typeof getUptrendsOperatorOutputs>>().toEqualTypeOf<UptrendsOperator>();
    expectTypeOf<z.input<typeof getControlRoomRoleInputs>>().toEqualTypeOf<{ name: string }>();
    expectTypeOf<z.output<typeof getControlRoomRoleOutputs>>().toEqualTypeOf<ControlRoomRole>();
    expectTypeOf<z.input<typeof getUiPathGroupInputs>>().toEqualTypeOf<FindGroupArgs>();
    expectTypeOf<z.output<typeof getUiPathGroupOutputs>>().toEqualTypeOf<UiPathGroup>();
    expect(LOOKUPS.map((l) => l.name)).toEqual(["getUptrendsOperator", "getControlRoomRole", "getUiPathGroup"]);
  });
});

describe("the lookups' declarations against what the lookups do", () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(async () => {
    await sb?.close();
  });

  it("accept the arguments each lookup takes and describe exactly what it returns (schema.json's functions, the plugin's Invoke)", async () => {
    const settings = sandboxSettings(sb);
    const calls: Record<string, { args: Record<string, unknown>; run: (args: never) => Promise<object> }> = {
      getUptrendsOperator: { args: { email: "admin@sandbox.uptrends.test" }, run: (a: UptrendsOperatorQuery) => lookupOperator(settings, a) },
      getControlRoomRole: { args: { name: "bot_runner" }, run: (a: { name: string }) => findRole(settings, a.name) },
      getUiPathGroup: { args: { name: "Robots" }, run: (a: FindGroupArgs) => findUiPathGroup(settings, a) },
    };
    expect(Object.keys(calls).sort()).toEqual(LOOKUPS.map((l) => l.name).sort());
    for (const l of LOOKUPS) {
      const { args, run } = calls[l.name]!;
      const parsed = l.inputs.safeParse(args);
      expect(parsed.error?.issues ?? [], l.name).toEqual([]);
      const answer = await run(parsed.data as never);
      // Every field the lookup returns is declared, and every declared field holds its declared type.
      expect(l.outputs.strict().safeParse(answer).error?.issues ?? [], l.name).toEqual([]);
    }
  });
});

describe("secretPropertiesOf / writeOnlyInputsOf", () => {
  it("lists each kind's secrets, generated and write-only", () => {
    expect([...secretPropertiesOf("IseApiUser")]).toEqual(["password"]);
    expect([...secretPropertiesOf("UptrendsApiAccount")]).toEqual(["password"]);
    expect([...secretPropertiesOf("ControlRoomUser")]).toEqual(["password"]);
    expect([...secretPropertiesOf("VerifyApiClient")]).toEqual(["clientSecret"]);
    expect([...secretPropertiesOf("UiPathRobotAccount")]).toEqual([]);
  });
  it("names as write-only only secrets a user sets (never generated ones)", () => {
    expect(writeOnlyInputsOf("IseApiUser")).toEqual(["password"]);
    expect(writeOnlyInputsOf("ControlRoomUser")).toEqual(["password"]);
    expect(writeOnlyInputsOf("UptrendsApiAccount")).toEqual([]);
    expect(writeOnlyInputsOf("VerifyApiClient")).toEqual([]);
  });
  it("counts no write-only input as required: an adoption (importId) keeps the password it has (Ivanti's, a Control Room user's)", () => {
    expect(requiredInputsOf("IseApiUser")).toEqual(["emailAddress"]);
    expect(requiredInputsOf("ControlRoomUser")).not.toContain("password");
    expect(requiredInputsOf("ControlRoomUser")).toEqual(["username", "email", "roles"]);
    expect(requiredInputsOf("NoSuchKind")).toEqual([]);
  });
  it("knows nothing of a kind that is not shipped", () => {
    expect(secretPropertiesOf("NoSuchKind").size).toBe(0);
    expect(writeOnlyInputsOf("NoSuchKind")).toEqual([]);
  });
});
