import { describe, expect, it } from "vitest";
import { declarations, pythonDeclarations, pythonName, yamlDeclarations, type Discovered } from "./discover.js";

const ise: Discovered = {
  kind: "IseApiUser",
  name: "legacy-ise-example-com",
  id: "10003",
  inputs: { emailAddress: "legacy-ise@example.com", firstName: "Legacy", roles: ["Cisco ISE Operations"], enabled: true },
  secretInputs: [],
  keptSecretInputs: ["password"],
};
/** A kind whose declaration must set a write-only secret even when it adopts (none of the five today). */
const needsSecret: Discovered = {
  kind: "SecretKind",
  name: "legacy-secret",
  id: "7",
  inputs: { name: "legacy" },
  secretInputs: ["password"],
  keptSecretInputs: [],
};
const verify: Discovered = {
  kind: "VerifyApiClient",
  name: "2fa-reports",
  id: "077929dd-f540-4d10-8b6c-337422b2c7a9",
  inputs: { clientName: "reports: \"nightly\"", entitlements: ["readReports"], enabled: false, ipFilterOp: "allow", scopes: [{ name: "reports.read", description: "Read" }] },
  secretInputs: [],
  keptSecretInputs: [],
};

describe("discover --format yaml", () => {
  const out = yamlDeclarations([ise, verify], "ise");
  it("declares each identity with its schema token, its inputs and the import option", () => {
    expect(out).toContain(
      [
        "  legacy-ise-example-com:",
        "    type: apiidentity:index:IseApiUser",
        "    properties:",
        '      importId: "10003"',
        '      emailAddress: "legacy-ise@example.com"',
        '      firstName: "Legacy"',
        '      roles: ["Cisco ISE Operations"]',
        "      enabled: true",
        "      # password: not declared: the vendor never returns it, and the adopted identity keeps the one it has. To set one: pulumi config set --secret legacyIseExampleComPassword, declare legacyIseExampleComPassword under config: (type: string, secret: true), and add password: ${legacyIseExampleComPassword}",
        "    options:",
        '      import: "10003"',
      ].join("\n"),
    );
    expect(out).toContain('      clientName: "reports: \\"nightly\\""');
    expect(out).toContain('      scopes: [{"name":"reports.read","description":"Read"}]');
    expect(out).toContain('      import: "077929dd-f540-4d10-8b6c-337422b2c7a9"');
  });
  it("declares no config for a password an adoption keeps", () => {
    expect(out).not.toMatch(/^config:/m);
    expect(out.split("\n")[0]).toBe("# 2 existing identities found by 'apiidentity discover ise --format yaml'.");
  });
  it("declares a write-only secret the kind needs even on adoption as secret config", () => {
    const withSecret = yamlDeclarations([needsSecret], "x");
    expect(withSecret).toContain(["config:", "  legacySecretPassword:", "    type: string", "    secret: true", "resources:"].join("\n"));
    expect(withSecret).toContain("      password: ${legacySecretPassword} # the vendor never returns it: pulumi config set --secret legacySecretPassword");
  });
  it("nothing found is still a valid program fragment", () => {
    const none = yamlDeclarations([], "uipath");
    expect(none).not.toContain("config:");
    expect(none).toContain("resources: {}\n");
  });
});

describe("discover --format python", () => {
  const out = pythonDeclarations([ise, verify], "ise");
  it("uses the generated SDK's module, classes and snake_case names, with import_", () => {
    expect(out).toContain("import pulumi\nimport pulumi_apiidentity as apiidentity\n");
    expect(out).toContain(
      [
        "legacy_ise_example_com = apiidentity.IseApiUser(",
        '    "legacy-ise-example-com",',
        '    import_id="10003",',
        '    email_address="legacy-ise@example.com",',
        '    first_name="Legacy",',
        '    roles=["Cisco ISE Operations"],',
        "    enabled=True,",
        '    # password: not declared: the vendor never returns it, and the adopted identity keeps the one it has. To set one: pulumi config set --secret legacyIseExampleComPassword, and add password=pulumi.Config().require_secret("legacyIseExampleComPassword"),',
        '    opts=pulumi.ResourceOptions(import_="10003"),',
        ")",
      ].join("\n"),
    );
    expect(out).not.toContain("config = pulumi.Config()");
    const withSecret = pythonDeclarations([needsSecret], "x");
    expect(withSecret).toContain("config = pulumi.Config()");
    expect(withSecret).toContain('    password=config.require_secret("legacySecretPassword"),  # the vendor never returns it: pulumi config set --secret legacySecretPassword');
  });
  it("writes Python literals and valid variable names", () => {
    expect(out).toContain("r_2fa_reports = apiidentity.VerifyApiClient(");
    expect(out).toContain("    enabled=False,");
    expect(out).toContain('    ip_filter_op="allow",');
    expect(out).toContain('    scopes=[{"name": "reports.read", "description": "Read"}],');
    expect(out).toContain('    client_name="reports: \\"nightly\\"",');
  });
  it("needs no config when no identity has a write-only secret", () => {
    expect(pythonDeclarations([verify], "verify")).not.toContain("pulumi.Config()");
  });
});

describe("pythonName", () => {
  it("matches the names of the generated Python SDK", () => {
    const cases: [string, string][] = [
      ["emailAddress", "email_address"],
      ["operatorGuid", "operator_guid"],
      ["partitionGlobalId", "partition_global_id"],
      ["ipFilterOp", "ip_filter_op"],
      ["licenseFeatures", "license_features"],
      ["enableAutoLogin", "enable_auto_login"],
      ["name", "name"],
    ];
    for (const [camel, snake] of cases) expect(pythonName(camel), camel).toBe(snake);
  });
});

describe("discover --format ts", () => {
  it("is unchanged: importId, no import option", () => {
    const out = declarations([ise], "ise");
    expect(out).toContain('  importId: "10003",');
    expect(out).not.toContain("import_");
  });
  it("leaves out a password an adoption keeps, with a comment on how to set one", () => {
    const out = declarations([ise], "ise");
    expect(out).toContain(
      '  // password: not declared: the vendor never returns it, and the adopted identity keeps the one it has. To set one: pulumi config set --secret legacyIseExampleComPassword, and add password: new pulumi.Config().requireSecret("legacyIseExampleComPassword"),',
    );
    expect(out).not.toContain("config.requireSecret(");
    expect(declarations([needsSecret], "x")).toContain('  password: config.requireSecret("legacySecretPassword"), // the vendor never returns it: pulumi config set --secret legacySecretPassword');
  });
});

describe("declarations for an explicit provider (--provider NAME)", () => {
  const one: Discovered = { kind: "VerifyApiClient", name: "ci", id: "abc", inputs: { clientName: "ci" }, secretInputs: [], keptSecretInputs: [] };
  it("YAML passes the provider with the import option", () => {
    expect(yamlDeclarations([one], "ibm-verify", "prod")).toContain('    options:\n      import: "abc"\n      provider: ${prod}\n');
  });
  it("Python passes the provider variable with import_, and says which variable it is", () => {
    const out = pythonDeclarations([one], "ibm-verify", "prod-eu");
    expect(out).toContain('opts=pulumi.ResourceOptions(import_="abc", provider=prod_eu),');
    expect(out).toContain("# prod_eu: the program's explicit provider 'prod-eu'");
  });
  it("without a provider the declarations stay as they were", () => {
    expect(yamlDeclarations([one], "ibm-verify")).not.toContain("provider:");
    expect(pythonDeclarations([one], "ibm-verify")).not.toContain("provider=");
  });
});
