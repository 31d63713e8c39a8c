import { describe, expect, it } from "vitest";
import { RESOURCES } from "../provider/declare.js";
import { markedClients } from "../provider/vendors/ibm-verify/orphans.js";
import { noSettings } from "../test/settings.js";
import { formatOrphans, managedIds, orphansAmong, scanOrphans, scanTenants, settingsForStacks, settingsFromConfig, tenantsOfStacks } from "./orphans.js";

const T = "pulumi-nodejs:dynamic/apiidentity:";

describe("orphans", () => {
  it("collects the managed ids per kind, ignoring other resources", () => {
    const m = managedIds([
      { type: `${T}VerifyApiClient`, id: "a" },
      { type: `${T}VerifyApiClient`, id: "b" },
      { type: `${T}IseApiUser`, id: "7" },
      { type: "pulumi:pulumi:Stack", id: "x" },
      { type: `${T}VerifyApiClient` },
    ]);
    expect([...m.get("VerifyApiClient")!]).toEqual(["a", "b"]);
    expect([...m.get("IseApiUser")!]).toEqual(["7"]);
    expect(m.has("Stack")).toBe(false);
  });

  it("an IBM Verify client is an orphan only when it carries the marker and no state holds it", () => {
    const marked = markedClients([
      { id: "a", clientName: "kept", description: "x [apiidentity:k0123456789abcdefs1]" },
      { id: "b", clientName: "lost", description: "[apiidentity:0f1e2d3c-aaaa-bbbb-cccc-111122223333]" },
      { id: "c", clientName: "by hand", description: "made in the console" },
      { id: "d", clientName: "no description" },
    ]);
    expect(marked.length).toBe(2);
    expect(orphansAmong("IBM Verify", "VerifyApiClient", marked, new Set(["a"]))).toEqual([{ vendor: "IBM Verify", kind: "VerifyApiClient", id: "b", name: "lost", mark: "[apiidentity:0f1e2d3c-aaaa-bbbb-cccc-111122223333]" }]);
  });

  it("reports every kind of the registry: not configured, or storing no mark", async () => {
    const r = await scanOrphans(noSettings(), ["dev"], []);
    expect(r.vendors.map((v) => v.kind).sort()).toEqual(RESOURCES.map((d) => d.kind).sort());
    expect(r.vendors.find((v) => v.kind === "VerifyApiClient")?.status).toBe("not configured");
    expect(r.vendors.filter((v) => v.status === "no mark").map((v) => v.kind).sort()).toEqual(["ControlRoomUser", "IseApiUser", "UiPathRobotAccount", "UptrendsApiAccount"]);
  });

  it("says what it checked, what it could not, and how to clean up", () => {
    const text = formatOrphans(
      {
        stacks: ["dev", "prod"],
        vendors: [
          { vendor: "IBM Verify", kind: "VerifyApiClient", status: "checked", marked: 3 },
          { vendor: "UiPath", kind: "UiPathRobotAccount", status: "no mark", marked: 0 },
        ],
        orphans: [{ vendor: "IBM Verify", kind: "VerifyApiClient", id: "b", name: "lost", mark: "[apiidentity:x]" }],
      },
      false,
    );
    expect(text).toContain("1 orphan: marked by this provider, in no state of stacks dev, prod");
    expect(text).toContain(`VerifyApiClient 'lost' (IBM Verify, id b, [apiidentity:x]): adopt it with importId: "b" or delete it`);
    expect(text).toContain("IBM Verify (VerifyApiClient): 3 marked identities checked");
    expect(text).toContain("UiPath (UiPathRobotAccount): stores no mark of this provider, cannot be attributed");
    expect(formatOrphans({ stacks: ["dev"], vendors: [], orphans: [] }, false)).toContain("No orphans: every marked identity is in the state of stack dev.");
    expect(JSON.parse(formatOrphans({ stacks: ["dev"], vendors: [], orphans: [] }, true))).toEqual({ stacks: ["dev"], vendors: [], orphans: [] });
  });
  it("takes the provider settings from the stack's config first, then the environment, as the provider does", () => {
    const s = settingsFromConfig(
      { "apiidentity:ibmVerifyTenantUrl": { value: "https://config.example" }, "apiidentity:ibmVerifyClientSecret": { value: "from-config" }, "other:ibmVerifyClientId": { value: "not ours" } },
      { IBM_VERIFY_TENANT_URL: "https://env.example", IBM_VERIFY_CLIENT_ID: "from-env" },
    );
    expect([s.ibmVerifyTenantUrl, s.ibmVerifyClientId, s.ibmVerifyClientSecret]).toEqual(["https://config.example", "from-env", "from-config"]);
  });
  it("knows this package's resources by either type token: dynamic (TypeScript SDK) and provider plugin", () => {
    expect(managedIds([
      { type: "apiidentity:index:IseApiUser", id: "7" },
      { type: `${T}IseApiUser`, id: "8" },
      { type: "apiidentity:index:VerifyApiClientScope", id: "s" },
      { type: "other:index:IseApiUser", id: "9" },
    ]).get("IseApiUser")).toEqual(new Set(["7", "8"]));
  });

  describe("several stacks", () => {
    const at = (tenant: string | undefined, clientId = "c") => settingsFromConfig(tenant === undefined ? {} : { "apiidentity:ibmVerifyTenantUrl": { value: tenant }, "apiidentity:ibmVerifyClientId": { value: clientId } }, {});

    it("scans with the settings of the stacks' one IBM Verify tenant, whatever their credentials", () => {
      const dev = at("acme.verify.ibm.com", "dev-client");
      const chosen = settingsForStacks([
        { stack: "dev", settings: dev },
        { stack: "prod", settings: at("https://acme.verify.ibm.com/", "prod-client") },
      ]);
      expect(chosen).toBe(dev);
    });

    it("a stack without IBM Verify settings does not decide the tenant", () => {
      const prod = at("acme.verify.ibm.com");
      expect(settingsForStacks([{ stack: "other", settings: at(undefined) }, { stack: "prod", settings: prod }])).toBe(prod);
    });

    it("refuses stacks of different IBM Verify tenants, naming both and what to run instead", () => {
      expect(() =>
        settingsForStacks([
          { stack: "dev", settings: at("dev.verify.ibm.com") },
          { stack: "prod", settings: at("prod.verify.ibm.com") },
        ]),
      ).toThrow("stacks dev and prod manage different IBM Verify tenants (https://dev.verify.ibm.com, https://prod.verify.ibm.com): an identity is an orphan only against the stacks of its own tenant. Run 'apiidentity orphans' once per tenant, with a --stack for each stack of it.");
    });
  });
});

describe("orphans per tenant", () => {
  it("scans each tenant with its own settings, counts as managed only that tenant's resources, and names the tenant", async () => {
    const { startSandbox } = await import("../sandbox/server.js");
    const { sandboxSettings } = await import("../test/settings.js");
    const { CREATE_KEY } = await import("../provider/lifecycle.js");
    const { verifyApiClient } = await import("../provider/vendors/ibm-verify/handler.js");
    const [a, b] = await Promise.all([startSandbox(), startSandbox()]);
    try {
      const make = async (sb: typeof a, name: string) => {
        const h = verifyApiClient.with(sandboxSettings(sb));
        return (await h.create((await h.check(undefined, { clientName: name, entitlements: ["readUsers"], [CREATE_KEY]: `p/dev/VerifyApiClient/${name}` })).inputs)).id;
      };
      const managedAtA = await make(a, "orph-a-managed");
      const lostAtA = await make(a, "orph-a-lost");
      const lostAtB = await make(b, "orph-b-lost");
      const T = "pulumi-nodejs:dynamic/apiidentity:VerifyApiClient";
      // The same id in state under the other tenant does not make b's client managed.
      const resources = [
        { urn: "urn:pulumi:dev::p::" + T + "::m", type: T, id: managedAtA, inputs: { profile: "a" } },
        { urn: "urn:pulumi:dev::p::" + T + "::x", type: T, id: lostAtB, inputs: { profile: "a" } },
      ];
      const report = await scanTenants(
        [
          { tenant: "profile a", settings: sandboxSettings(a) },
          { tenant: "profile b", settings: sandboxSettings(b) },
        ],
        ["dev"],
        resources,
      );
      expect(report.orphans.map((o) => [o.id, o.tenant])).toEqual([
        [lostAtA, "profile a"],
        [lostAtB, "profile b"],
      ]);
      expect(report.vendors.filter((v) => v.status === "checked").map((v) => v.tenant)).toEqual(["profile a", "profile b"]);
      const text = formatOrphans(report, false);
      expect(text).toContain(`id ${lostAtB}, tenant profile b`);
      expect(text).toContain("IBM Verify (VerifyApiClient, tenant profile a): 2 marked identities checked");
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("the tenants of the stacks: the stack's own settings, each profile and each explicit provider their resources name", () => {
    const T = "pulumi-nodejs:dynamic/apiidentity:VerifyApiClient";
    const prov = "urn:pulumi:dev::p::pulumi:providers:apiidentity::prod";
    const config = { "apiidentity:profiles": { value: JSON.stringify({ eu: { ibmVerifyTenantUrl: "https://eu.example.com" } }) } };
    // State order is not the report's: the tenants come in the order of their names.
    const tenants = tenantsOfStacks(
      [{ stack: "dev", settings: noSettings(), config }],
      [
        { urn: prov, type: "pulumi:providers:apiidentity", inputs: { ibmVerifyTenantUrl: "https://prod.example.com" } },
        { urn: "urn:pulumi:dev::p::apiidentity:index:VerifyApiClient::q", type: "apiidentity:index:VerifyApiClient", provider: `${prov}::id` },
        { urn: "urn:pulumi:dev::p::" + T + "::e", type: T, inputs: { profile: "eu" } },
      ],
    );
    expect(tenants.map((t) => [t.tenant, t.settings.ibmVerifyTenantUrl])).toEqual([
      [undefined, undefined],
      ["profile eu", "https://eu.example.com"],
      ["provider prod", "https://prod.example.com"],
    ]);
  });
});
