// The declarations are the one source of each property's facts: every property is described, the
// handlers' secret and replace lists are the declared ones, the secret lists drift and discover use
// come from them, and each lookup's declaration names it, its SDK types and its documentation (the
// TypeScript types of the vendor code are the declarations' own: z.input and z.output).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { LOOKUPS, RESOURCES, factsOf, replacesOf, requiredInputsOf, secretPropertiesOf, secretsOf, shapeOf, updatableOf, writeOnlyInputsOf } from "./declare.js";
import { allHandlers, handlerFor } from "./handlers.js";
import { defineLookup } from "./vendor-module.js";
import { VENDORS } from "./vendors/index.js";
import { exampleInputs, type Kind } from "../sandbox/kinds.js";
import { startSandbox, type Sandbox } from "../sandbox/server.js";
import { vendorModules } from "../sandbox/vendors/index.js";
import { sandboxSettings } from "../test/settings.js";
import { SHIPPED_KINDS, type ShippedTable } from "../test/shipped-kinds.js";

describe("declarations", () => {
  it("declare every kind of the registry, the same kinds the handlers serve, the five shipped among them", () => {
    const declared = RESOURCES.map((r) => r.kind);
    expect([...declared].sort()).toEqual(allHandlers().map((h) => h.kind).sort());
    expect(declared).toEqual(expect.arrayContaining([...SHIPPED_KINDS]));
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

  it("give each shipped handler its known secret outputs and replace-on-change inputs", () => {
    // Written out here, not derived: the handler's lists are derived from the declarations already.
    const expected: ShippedTable<{ secretOutputs: string[]; replaceOnChanges: string[] }> = {
      // `profile` (another settings profile is another tenant) replaces every kind.
      IseApiUser: { secretOutputs: ["password"], replaceOnChanges: ["emailAddress", "profile", "username"] },
      UptrendsApiAccount: { secretOutputs: ["password"], replaceOnChanges: ["operatorGuid", "profile"] },
      ControlRoomUser: { secretOutputs: ["password"], replaceOnChanges: ["domain", "profile", "username"] },
      VerifyApiClient: { secretOutputs: ["clientSecret"], replaceOnChanges: ["profile"] },
      UiPathRobotAccount: { secretOutputs: [], replaceOnChanges: ["name", "partitionGlobalId", "profile"] },
    };
    for (const kind of SHIPPED_KINDS) {
      const h = handlerFor(kind);
      expect({ secretOutputs: [...h.secretOutputs].sort(), replaceOnChanges: [...h.replaceOnChanges].sort() }, kind).toEqual(expected[kind]);
    }
  });

  it("mark importId as never causing a diff, and secret inputs as secret outputs too", () => {
    for (const d of RESOURCES) {
      expect(factsOf(shapeOf(d.inputs).importId!).onChange, d.kind).toBe("none");
      for (const p of secretsOf(d.inputs)) expect(secretsOf(d.outputs), `${d.kind}.${p}`).toContain(p);
    }
  });

  it("declare each lookup once: its name, SDK types and SDK documentation are its arguments' and result's meta", () => {
    for (const l of VENDORS.flatMap((v) => v.lookups)) {
      expect(factsOf(l.inputs).lookup, l.name).toBe(l.name);
      expect(factsOf(l.inputs).sdkDoc, l.name).toMatch(/^[A-Z].*\.$/s);
      expect(factsOf(l.inputs).sdkType, l.name).toMatch(/^[A-Z]\w+$/);
      expect(factsOf(l.outputs).sdkType, l.name).toMatch(/^[A-Z]\w+$/);
    }
    expect(LOOKUPS.map((l) => l.name)).toEqual(VENDORS.flatMap((v) => v.lookups.map((l) => l.name)));
  });

  it("refuse a lookup whose declaration leaves out its name, SDK documentation or SDK types", () => {
    const run = async () => ({});
    expect(() => defineLookup(z.object({}).meta({ description: "D.", sdkDoc: "D.", sdkType: "A" }), z.object({}).meta({ sdkType: "R" }), run)).toThrow(/missing: lookup/);
    expect(() => defineLookup(z.object({}).meta({ lookup: "getX", sdkDoc: "D.", sdkType: "A" }), z.object({}), run)).toThrow(/missing: the result's sdkType/);
    expect(defineLookup(z.object({}).meta({ lookup: "getX", sdkDoc: "D.", sdkType: "A" }), z.object({}).meta({ sdkType: "R" }), run).name).toBe("getX");
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
    // Each sandbox vendor module gives the arguments its seeded state answers, for every lookup of its vendor.
    const argsOf: Record<string, Readonly<Record<string, unknown>>> = Object.assign({}, ...vendorModules.map((m) => m.lookupArguments ?? {}));
    expect(argsOf).toMatchObject({ getUptrendsOperator: { email: "admin@sandbox.uptrends.test" }, getControlRoomRole: { name: "bot_runner" }, getUiPathGroup: { name: "Robots" } });
    const lookups = VENDORS.flatMap((v) => v.lookups);
    expect(Object.keys(argsOf).sort()).toEqual(lookups.map((l) => l.name).sort());
    for (const l of lookups) {
      const parsed = l.inputs.safeParse(argsOf[l.name]);
      expect(parsed.error?.issues ?? [], l.name).toEqual([]);
      const answer = await l.call(settings, parsed.data as Record<string, unknown>);
      // Every field the lookup returns is declared, and every declared field holds its declared type.
      expect(l.outputs.strict().safeParse(answer).error?.issues ?? [], l.name).toEqual([]);
    }
  });
});

describe("each kind's diff against its declarations", () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(async () => {
    await sb?.close();
  });

  it("its own checked inputs are no change; a new value of a declared replace input replaces, of an updatable one changes in place", async () => {
    const settings = sandboxSettings(sb);
    for (const h of allHandlers()) {
      const methods = h.with(settings);
      const d = RESOURCES.find((r) => r.kind === h.kind)!;
      const checked = await methods.check(undefined, exampleInputs(h.kind as Kind, { index: 1, name: "declared-1", label: "Declared 1" }));
      expect(checked.failures, h.kind).toEqual([]);
      const olds = checked.inputs as Record<string, unknown>;
      const diff = (news: Record<string, unknown>) => methods.diff("id", olds as never, news as never);
      expect((await diff(olds)).changed, h.kind).toEqual([]);
      const strings = (names: readonly string[]) => names.filter((p) => typeof olds[p] === "string");
      const replaces = strings(replacesOf(d.inputs));
      const updatable = strings(updatableOf(d.inputs));
      expect(replaces.length + updatable.length, `${h.kind}: the example sets no text input to change`).toBeGreaterThan(0);
      for (const p of replaces) expect((await diff({ ...olds, [p]: `${String(olds[p])}x` })).replaces, `${h.kind}.${p}`).toEqual([p]);
      for (const p of updatable) {
        const r = await diff({ ...olds, [p]: `${String(olds[p])}x` });
        expect([r.changed, r.replaces], `${h.kind}.${p}`).toEqual([[p], []]);
      }
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
