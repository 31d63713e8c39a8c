import { describe, expect, it } from "vitest";
import type { DiffKind } from "@pulumi/pulumi/automation/index.js";
import { collectDrift, formatDrift, MASK, runDrift, type DriftStep, type StateResourceJson } from "./drift.js";

const T = "pulumi-nodejs:dynamic/apiidentity:";
const urn = (kind: string, name: string) => `urn:pulumi:dev::p::${T}${kind}::${name}`;
const state: StateResourceJson[] = [
  { urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", type: "pulumi:pulumi:Stack" },
  { urn: urn("ControlRoomUser", "bot"), type: `${T}ControlRoomUser`, id: "17", inputs: { __provider: "x", disabled: false, roles: ["A"], password: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "zz" } } },
  { urn: urn("VerifyApiClient", "gone"), type: `${T}VerifyApiClient`, id: "abc", inputs: { clientName: "c" } },
  { urn: urn("UiPathRobotAccount", "same"), type: `${T}UiPathRobotAccount`, id: "r", inputs: { name: "n" } },
  { urn: urn("UptrendsApiAccount", "pw"), type: `${T}UptrendsApiAccount`, id: "g", inputs: { description: "old", password: "plain-old", operatorGuid: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: '"plain-op"' } } },
];
const steps: DriftStep[] = [
  { op: "refresh", urn: urn("ControlRoomUser", "bot"), old: { id: "17" }, new: { id: "17" } },
  {
    op: "update",
    urn: urn("ControlRoomUser", "bot"),
    old: { id: "17", inputs: { __provider: "y", disabled: true, roles: ["A"], password: "[secret]" } },
    new: { inputs: { disabled: false, roles: ["A"], password: "[secret]" } },
  },
  { op: "create", urn: urn("VerifyApiClient", "gone"), new: { inputs: { clientName: "c" } } },
  { op: "same", urn: urn("UiPathRobotAccount", "same"), old: { id: "r", inputs: { name: "n" } } },
  { op: "update", urn: urn("UptrendsApiAccount", "pw"), old: { id: "g", inputs: { description: "new", password: "plain-new" } } },
  { op: "create", urn: urn("UiPathRobotAccount", "brand-new"), new: { inputs: { name: "x" } } },
];

describe("collectDrift", () => {
  const items = collectDrift(state, steps);
  it("compares state before the refresh with what the vendor holds, property by property", () => {
    expect(items.filter((i) => i.kind === "ControlRoomUser")).toEqual([
      { vendor: "Automation Anywhere", kind: "ControlRoomUser", name: "bot", id: "17", property: "disabled", inState: false, atVendor: true },
    ]);
    expect(items.some((i) => i.name === "same")).toBe(false);
  });
  it("reports an identity deleted at the vendor, but not a resource new in the program", () => {
    expect(items).toContainEqual({ vendor: "IBM Verify", kind: "VerifyApiClient", name: "gone", id: "abc", property: "(identity)", inState: "exists", atVendor: "deleted" });
    expect(items.some((i) => i.name === "brand-new")).toBe(false);
  });
  it("masks the properties a resource declares secret and never prints secret values", () => {
    const pw = items.filter((i) => i.name === "pw");
    expect(pw.map((i) => i.property)).toEqual(["description", "password"]);
    expect([pw[1]!.inState, pw[1]!.atVendor]).toEqual([MASK, MASK]);
    expect(JSON.stringify(items)).not.toMatch(/plain-|ciphertext|zz/);
  });
  it("does not guess secrets from a property's name", () => {
    const st: StateResourceJson[] = [{ urn: urn("UiPathRobotAccount", "r"), type: `${T}UiPathRobotAccount`, id: "1", inputs: { tokenNote: "a" } }];
    const found = collectDrift(st, [{ op: "update", urn: urn("UiPathRobotAccount", "r"), old: { id: "1", inputs: { tokenNote: "b" } } }]);
    expect(found).toEqual([expect.objectContaining({ property: "tokenNote", inState: "a", atVendor: "b" })]);
  });
});

describe("formatDrift", () => {
  const items = collectDrift(state, steps);
  it("text names identity, vendor, property and both values", () => {
    const t = formatDrift(items, "text", "dev");
    expect(t).toContain("Drift in stack dev: 3 identities");
    expect(t).toContain("ControlRoomUser bot (Automation Anywhere, id 17)");
    expect(t).toContain("disabled: in state false, at the vendor true");
  });
  it("markdown is a table for a pull-request comment", () => {
    const m = formatDrift(items, "markdown", "dev");
    expect(m).toContain("| Vendor | Resource | Property | In state | At the vendor |");
    expect(m).toContain("| Automation Anywhere | ControlRoomUser `bot` | `disabled` | false | true |");
  });
  it("json carries the items and a count", () => {
    const j = JSON.parse(formatDrift(items, "json", "dev")) as { drifted: number; items: unknown[] };
    expect(j.drifted).toBe(3);
    expect(j.items).toHaveLength(items.length);
  });
  it("says so when there is no drift", () => {
    expect(formatDrift([], "text", "dev")).toBe("No drift in stack dev.\n");
    expect(formatDrift([], "markdown", "dev")).toContain("No drift");
  });
});

describe("runDrift", () => {
  it("without a runnable pulumi CLI fails with one line that says what to do", async () => {
    const err = await runDrift({ cwd: ".", stack: "dev", pulumi: "/nonexistent/bin/pulumi" }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^the pulumi CLI could not be run \(.*ENOENT\): install it and put it on PATH$/);
    expect((err as Error).cause).toBeDefined();
  });
});

describe("collectDrift with the provider plugin's detailedDiff", () => {
  const P = "apiidentity:index:";
  const purn = (kind: string, name: string) => `urn:pulumi:dev::p::${P}${kind}::${name}`;
  const pstate: StateResourceJson[] = [
    { urn: purn("UptrendsApiAccount", "mon"), type: `${P}UptrendsApiAccount`, id: "g", inputs: { operatorGuid: "ABC-1", description: "mine", importId: "g" } },
    { urn: purn("ControlRoomUser", "bot"), type: `${P}ControlRoomUser`, id: "17", inputs: { username: "bot", disabled: false, roles: ["A", "B"] } },
    { urn: purn("VerifyApiClient", "gone"), type: `${P}VerifyApiClient`, id: "abc", inputs: { clientName: "c" } },
  ];
  const psteps: DriftStep[] = [
    {
      op: "update",
      urn: purn("UptrendsApiAccount", "mon"),
      // At the vendor: the GUID's case differs (no change for the handler) and the description was
      // edited; the engine's diff lists only the description.
      old: { id: "g", inputs: { operatorGuid: "abc-1", description: "edited", importId: "g" } },
      new: { inputs: { operatorGuid: "ABC-1", description: "mine" } },
      detailedDiff: { description: { diffKind: "update" as DiffKind, inputDiff: true } },
    },
    {
      op: "replace",
      urn: purn("ControlRoomUser", "bot"),
      // The roles came back in another order (a set: no change); the username was changed at the
      // vendor, which only a replacement puts back; `disabled` was edited in the program, not at the vendor.
      old: { id: "17", inputs: { username: "bot-renamed", disabled: false, roles: ["B", "A"] } },
      new: { inputs: { username: "bot", disabled: true, roles: ["A", "B"] } },
      detailedDiff: { username: { diffKind: "update-replace" as DiffKind, inputDiff: true }, disabled: { diffKind: "update" as DiffKind, inputDiff: true } },
    },
    { op: "create", urn: purn("VerifyApiClient", "gone"), new: { inputs: { clientName: "c" } } },
  ];
  const items = collectDrift(pstate, psteps);

  it("reports only the properties the engine's diff lists, with the change that puts them back", () => {
    expect(items.filter((i) => i.name === "mon")).toEqual([
      { vendor: "Uptrends", kind: "UptrendsApiAccount", name: "mon", id: "g", property: "description", inState: "mine", atVendor: "edited", change: "update" },
    ]);
  });
  it("leaves out what differs only between the program and state (not drift) and what the handler sees as equal", () => {
    expect(items.filter((i) => i.name === "bot")).toEqual([
      { vendor: "Automation Anywhere", kind: "ControlRoomUser", name: "bot", id: "17", property: "username", inState: "bot", atVendor: "bot-renamed", change: "replace" },
    ]);
  });
  it("reports an identity deleted at the vendor", () => {
    expect(items).toContainEqual({ vendor: "IBM Verify", kind: "VerifyApiClient", name: "gone", id: "abc", property: "(identity)", inState: "exists", atVendor: "deleted" });
  });
  it("the text report says which drift only a replacement puts back", () => {
    expect(formatDrift(items, "text", "dev")).toContain("username: in state bot, at the vendor bot-renamed (pulumi up replaces the identity)");
  });
  it("a nested path in detailedDiff counts for its top-level property", () => {
    const found = collectDrift(pstate.slice(0, 1), [
      { ...psteps[0]!, old: { id: "g", inputs: { operatorGuid: "ABC-1", description: "x" } }, detailedDiff: { "description[0]": { diffKind: "update" as DiffKind, inputDiff: true } } },
    ]);
    expect(found.map((i) => i.property)).toEqual(["description"]);
  });
});

describe("collectDrift per tenant", () => {
  const P = "apiidentity:index:";
  const sig = "4dabf18193072939515e22adb298388d";
  const prodUrn = "urn:pulumi:dev::p::pulumi:providers:apiidentity::prod";
  const tstate: StateResourceJson[] = [
    { urn: prodUrn, type: "pulumi:providers:apiidentity", id: "pid", inputs: { ibmVerifyTenantUrl: "https://prod.example.com", ibmVerifyClientSecret: { [sig]: "1b47061264138c4ac30d75fd1eb44270", plaintext: '"s3cr3t-value"' } } },
    { urn: "urn:pulumi:dev::p::pulumi:providers:apiidentity::default_0_1_0", type: "pulumi:providers:apiidentity", id: "did", inputs: {} },
    { urn: `urn:pulumi:dev::p::${P}VerifyApiClient::prod-client`, type: `${P}VerifyApiClient`, id: "a", inputs: { clientName: "c" }, provider: `${prodUrn}::pid` },
    { urn: `urn:pulumi:dev::p::${P}VerifyApiClient::default-client`, type: `${P}VerifyApiClient`, id: "b", inputs: { clientName: "d" }, provider: "urn:pulumi:dev::p::pulumi:providers:apiidentity::default_0_1_0::did" },
    { urn: urn("UiPathRobotAccount", "eu-bot"), type: `${T}UiPathRobotAccount`, id: "r", inputs: { name: "n", profile: "eu" } },
  ];
  const tsteps: DriftStep[] = [
    { op: "create", urn: `urn:pulumi:dev::p::${P}VerifyApiClient::prod-client` },
    { op: "create", urn: `urn:pulumi:dev::p::${P}VerifyApiClient::default-client` },
    { op: "update", urn: urn("UiPathRobotAccount", "eu-bot"), old: { id: "r", inputs: { name: "m", profile: "eu" } } },
  ];
  const items = collectDrift(tstate, tsteps);

  it("names the explicit provider and the tenant URL its state holds, the profile of a dynamic resource, nothing for the stack's own settings", () => {
    expect(items.find((i) => i.name === "prod-client")?.tenant).toBe("provider prod (https://prod.example.com)");
    expect(items.find((i) => i.name === "eu-bot")).toEqual(expect.objectContaining({ property: "name", tenant: "profile eu" }));
    expect(items.find((i) => i.name === "default-client")).not.toHaveProperty("tenant");
  });
  it("the reports say which tenant each identity belongs to and never show a provider secret", () => {
    const t = formatDrift(items, "text", "dev");
    expect(t).toContain("VerifyApiClient prod-client (IBM Verify, id a, tenant provider prod (https://prod.example.com))");
    expect(t).toContain("UiPathRobotAccount eu-bot (UiPath, id r, tenant profile eu)");
    expect(t).toContain("VerifyApiClient default-client (IBM Verify, id b, the stack's settings)");
    expect(t).toMatch(/Tenants: 3\n/);
    const m = formatDrift(items, "markdown", "dev");
    expect(m).toContain("| Tenant | Vendor | Resource | Property | In state | At the vendor |");
    expect(m).toContain("| profile eu | UiPath | UiPathRobotAccount `eu-bot` | `name` | n | m |");
    expect(JSON.parse(formatDrift(items, "json", "dev")).items).toContainEqual(expect.objectContaining({ name: "prod-client", tenant: "provider prod (https://prod.example.com)" }));
    for (const f of ["text", "markdown", "json"] as const) expect(formatDrift(items, f, "dev")).not.toContain("s3cr3t");
  });
  it("without any tenant the reports stay as they were", () => {
    expect(formatDrift(collectDrift(state, steps), "markdown", "dev")).toContain("| Vendor | Resource | Property | In state | At the vendor |");
    expect(formatDrift(collectDrift(state, steps), "text", "dev")).not.toContain("Tenants");
  });
});
