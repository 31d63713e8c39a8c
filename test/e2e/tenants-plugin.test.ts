// Two tenants of every vendor in one program, through the provider plugin and the real engine: a
// TypeScript program with a `Provider` of `pulumi-apiidentity/plugin` per tenant, a Python program
// with an `apiidentity.Provider` per tenant and a Pulumi YAML program with a
// `pulumi:providers:apiidentity` per tenant. Each makes one identity of every kind at
// each tenant: each tenant holds exactly its own, counted at each sandbox; a refresh sees an
// out-of-band change at one tenant only and `apiidentity drift` names that tenant; a new tenant URL
// replaces that provider's resources and new credentials change none (the plugin's DiffConfig);
// destroy leaves both tenants as they were; `pulumi stack export` holds no setting secret in plain text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SETTINGS } from "../../provider/config.js";
import { exampleInputs } from "../../sandbox/kinds.js";
import { repoRoot, type PulumiProject, type StateResource } from "./harness.js";
import { drift, editUptrendsDescription, pluginProject, pluginResources, pluginResourceSteps, PROGRAM_KINDS, pythonVenv, type Kind } from "./plugin-programs.js";
import { heldIds, plainSecretsIn, pythonName, startTwoTenants, tenantSettings, type TwoTenants } from "./two-tenants.js";

const TENANTS = ["a", "b"] as const;
type Tenant = (typeof TENANTS)[number];

let t: TwoTenants;
beforeAll(async () => {
  if (!existsSync(join(repoRoot, "dist/plugin-sdk/index.js"))) throw new Error("dist/plugin-sdk is not built: run `node scripts/gen-plugin-sdk.mjs --build` (npm test builds it)");
  t = await startTwoTenants();
});
afterAll(() => t?.close());

const sandboxOf = (tenant: Tenant) => (tenant === "a" ? t.a : t.b);

/** The inputs of the one identity of `kind` each tenant gets; names differ between the tenants. */
const inputsOf = (tenant: Tenant, kind: Kind) => exampleInputs(kind, { index: TENANTS.indexOf(tenant), name: `tenants-${tenant}`, label: `tenant ${tenant}` });

/** The settings each provider takes, with whether each is a credential (the same for both tenants). */
const settingNames = () => Object.entries(tenantSettings(t.a)).map(([name, s]) => [name, s.secret] as const);

/** Each tenant's settings as the program's own stack config, `<tenant>_<setting>` (credentials as secrets), in one call. */
async function configureTenants(p: PulumiProject): Promise<void> {
  const args = TENANTS.flatMap((tenant) => Object.entries(tenantSettings(sandboxOf(tenant))).flatMap(([name, s]) => [s.secret ? "--secret" : "--plaintext", `${tenant}_${name}=${s.value}`]));
  await p.ok(["config", "set-all", ...args]);
}

/**
 * A credential of tenant b that comes to its provider as plain text, not from secret config: from the
 * environment in the TypeScript program, as a literal in the YAML program.
 */
const PLAIN_IN_PROGRAM = "uptrendsPassword";

const tsProgram = () => `
import * as pulumi from "@pulumi/pulumi";
import * as apiidentity from "pulumi-apiidentity/plugin";
const cfg = new pulumi.Config();
const settings = ${JSON.stringify(settingNames())};
const inputs = ${JSON.stringify(Object.fromEntries(TENANTS.map((tenant) => [tenant, Object.fromEntries(PROGRAM_KINDS.map((k) => [k, inputsOf(tenant, k)]))])))};
for (const tenant of ["a", "b"]) {
  // Tenant b's Uptrends password is left to the environment variable, which the SDK's Provider reads.
  const given = settings.filter(([name]) => !(tenant === "b" && name === ${JSON.stringify(PLAIN_IN_PROGRAM)}));
  const args = Object.fromEntries(given.map(([name, secret]) => [name, secret ? cfg.requireSecret(tenant + "_" + name) : cfg.require(tenant + "_" + name)]));
  const provider = new apiidentity.Provider("tenant-" + tenant, args);
  for (const [kind, props] of Object.entries(inputs[tenant])) new apiidentity[kind](tenant + "-" + kind, props, { provider });
}
`;

const yamlProgram = () =>
  [
    "name: e2e",
    "runtime: yaml",
    "config:",
    ...TENANTS.flatMap((tenant) => settingNames().map(([name, secret]) => `  ${tenant}_${name}: { type: string${secret ? ", secret: true" : ""} }`)),
    "resources:",
    ...TENANTS.flatMap((tenant) => [
      `  tenant-${tenant}:`,
      "    type: pulumi:providers:apiidentity",
      "    properties:",
      // Tenant b's Uptrends password as a plain literal: the plugin keeps it secret all the same.
      ...settingNames().map(([name]) => `      ${name}: ${tenant === "b" && name === PLAIN_IN_PROGRAM ? JSON.stringify(tenantSettings(t.b)[name]!.value) : `\${${tenant}_${name}}`}`),
      ...PROGRAM_KINDS.flatMap((kind) => [
        `  ${tenant}-${kind}:`,
        `    type: apiidentity:index:${kind}`,
        `    properties: ${JSON.stringify(inputsOf(tenant, kind))}`,
        "    options:",
        `      provider: \${tenant-${tenant}}`,
      ]),
    ]),
  ].join("\n") + "\n";

const pythonProgram = () => {
  const settings = settingNames().map(([name, secret]) => [name, pythonName(name), secret]);
  const inputs = Object.fromEntries(
    TENANTS.map((tenant) => [tenant, Object.fromEntries(PROGRAM_KINDS.map((k) => [k, Object.fromEntries(Object.entries(inputsOf(tenant, k)).map(([n, v]) => [pythonName(n), v]))]))]),
  );
  return [
    "import json",
    "import pulumi",
    "import pulumi_apiidentity as apiidentity",
    "",
    "cfg = pulumi.Config()",
    `settings = json.loads(${JSON.stringify(JSON.stringify(settings))})`,
    `inputs = json.loads(${JSON.stringify(JSON.stringify(inputs))})`,
    'for tenant in ["a", "b"]:',
    "    # Tenant b's Uptrends password is left to the environment variable, which the SDK's Provider reads.",
    `    given = [s for s in settings if not (tenant == "b" and s[0] == ${JSON.stringify(PLAIN_IN_PROGRAM)})]`,
    '    args = {py: (cfg.require_secret if secret else cfg.require)(f"{tenant}_{name}") for name, py, secret in given}',
    '    provider = apiidentity.Provider(f"tenant-{tenant}", **args)',
    "    for kind, props in inputs[tenant].items():",
    '        getattr(apiidentity, kind)(f"{tenant}-{kind}", **props, opts=pulumi.ResourceOptions(provider=provider))',
    "",
  ].join("\n");
};

/** The resource of `kind` that the program declared for `tenant`, in exported state. */
const resourceOf = (resources: StateResource[], tenant: Tenant, kind: Kind): StateResource | undefined => pluginResources(resources, kind).find((r) => r.urn.endsWith(`::${tenant}-${kind}`));

/** The program's plugin resources in a preview that do something (not `same`), as `<op> <name>`. */
const changes = (steps: Parameters<typeof pluginResourceSteps>[0]) =>
  pluginResourceSteps(steps)
    .filter((s) => s.op !== "same")
    .map((s) => `${s.op} ${s.urn.split("::").pop()}`)
    .sort();

/** Sets one program config value (the plugin's DiffConfig sees the provider input it feeds). */
const setTenantSetting = (p: PulumiProject, tenant: Tenant, name: string, value: string, secret: boolean) => p.setConfig(`${tenant}_${name}`, value, secret);

/**
 * Through the engine, the plugin's DiffConfig: new credentials at tenant b update its provider and
 * change no resource; a new tenant URL replaces tenant b's resources, and only those.
 */
async function settingsChanges(p: PulumiProject): Promise<void> {
  const b = tenantSettings(t.b);
  const providerStep = (steps: Parameters<typeof pluginResourceSteps>[0]) => steps.find((s) => s.urn.endsWith("pulumi:providers:apiidentity::tenant-b"))?.op;
  await setTenantSetting(p, "b", "uipathClientSecret", "another-client-secret", true);
  await setTenantSetting(p, "b", "ibmVerifyClientSecret", "another-verify-secret", true);
  const credentials = await p.preview();
  expect(credentials.code, credentials.raw.stderr).toBe(0);
  expect(providerStep(credentials.steps)).toBe("update");
  expect(changes(credentials.steps)).toEqual([]);
  await setTenantSetting(p, "b", "uipathClientSecret", b.uipathClientSecret!.value, true);
  await setTenantSetting(p, "b", "ibmVerifyClientSecret", b.ibmVerifyClientSecret!.value, true);
  await setTenantSetting(p, "b", "uptrendsBaseUrl", b.uptrendsBaseUrl!.value.replace("/uptrends/", "/elsewhere/"), false);
  const moved = await p.preview();
  expect(moved.code, moved.raw.stderr).toBe(0);
  expect(providerStep(moved.steps)).toBe("replace");
  expect(changes(moved.steps)).toEqual(PROGRAM_KINDS.map((kind) => `replace b-${kind}`).sort());
  await setTenantSetting(p, "b", "uptrendsBaseUrl", b.uptrendsBaseUrl!.value, false);
  const back = await p.preview({ expectNoChanges: true });
  expect(back.code, back.raw.stdout + back.raw.stderr).toBe(0);
}

/** The walk of one program, its project made and initialised; `settingsChanges` adds the DiffConfig previews (one program is enough). */
async function walk(p: PulumiProject, opts: { settingsChanges?: boolean } = {}): Promise<void> {
  await configureTenants(p);
  const before = { a: heldIds(t.a), b: heldIds(t.b) };
  await p.up();

  // Each tenant holds exactly its own: one new identity of each kind, the one its provider's resource holds.
  const { resources } = await p.exportStack();
  const providers = resources.filter((r) => r.type === "pulumi:providers:apiidentity").map((r) => r.urn.split("::").pop());
  expect(providers.sort()).toEqual(["tenant-a", "tenant-b"]);
  for (const tenant of TENANTS) {
    const now = heldIds(sandboxOf(tenant));
    for (const kind of PROGRAM_KINDS) {
      const made = now[kind].filter((id) => !before[tenant][kind].includes(id));
      const r = resourceOf(resources, tenant, kind);
      expect(r?.provider ?? "", `${tenant} ${kind}`).toContain(`::tenant-${tenant}::`);
      expect(made, `${kind} at tenant ${tenant}`).toEqual([r?.id]);
    }
  }
  const settled = await p.preview({ expectNoChanges: true });
  expect(settled.code, settled.raw.stdout + settled.raw.stderr).toBe(0);

  // Out of band at tenant a only: the refresh sees it there, and nothing at tenant b.
  const account = resourceOf(resources, "a", "UptrendsApiAccount")!;
  editUptrendsDescription(t.a, account.id!, "edited at tenant a");
  const refreshed = await p.preview({ refresh: true });
  expect(refreshed.code, refreshed.raw.stderr).toBe(0);
  expect(changes(refreshed.steps)).toEqual(["update a-UptrendsApiAccount"]);
  const report = await drift(p);
  expect(report.code, report.stderr).toBe(1);
  const items = (JSON.parse(report.stdout) as { items: { name: string; property: string; tenant?: string }[] }).items;
  expect(items.map((i) => [i.name, i.property])).toEqual([["a-UptrendsApiAccount", "description"]]);
  expect(items[0]!.tenant).toBe(`provider tenant-a (${t.a.config().vendors.uptrends!.baseUrl})`);
  // The refresh and the declared value put back, at tenant a only.
  await p.up({ refresh: true });
  expect(heldIds(t.a).UptrendsApiAccount).toContain(account.id);

  if (opts.settingsChanges) await settingsChanges(p);

  // No setting secret of either tenant is plain in state.
  const { raw } = await p.exportStack();
  expect([...plainSecretsIn(raw, t.a), ...plainSecretsIn(raw, t.b)]).toEqual([]);

  await p.destroy();
  expect(pluginResources((await p.exportStack()).resources)).toHaveLength(0);
  expect(heldIds(t.a)).toEqual(before.a);
  expect(heldIds(t.b)).toEqual(before.b);
}

describe("two tenants of every vendor, explicit providers of the plugin", () => {
  it("TypeScript with pulumi-apiidentity/plugin: each tenant holds its own, drift at one tenant, replace on a new URL only, no plain secret, destroy", async () => {
    const p = pluginProject({ program: tsProgram(), stack: "tenants-ts", env: { [SETTINGS[PLAIN_IN_PROGRAM]]: tenantSettings(t.b)[PLAIN_IN_PROGRAM]!.value } });
    try {
      await p.init();
      await walk(p, { settingsChanges: true });
    } finally {
      p.cleanup();
    }
  });

  it("docs/tenants.md: its TypeScript program typechecks against pulumi-apiidentity/plugin as installed", async () => {
    const p = pluginProject({ program: "", stack: "tenants-doc" });
    try {
      const doc = readFileSync(join(repoRoot, "docs/tenants.md"), "utf8");
      const source = /```ts\n([\s\S]*?)```/.exec(doc)?.[1];
      expect(source).toContain('from "pulumi-apiidentity/plugin"');
      writeFileSync(join(p.dir, "index.ts"), source!);
      const tsconfig = { compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ["index.ts"] };
      writeFileSync(join(p.dir, "tsconfig.json"), JSON.stringify(tsconfig));
      const r = spawnSync(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", p.dir], { encoding: "utf8" });
      expect(r.status, r.stdout + r.stderr).toBe(0);
    } finally {
      p.cleanup();
    }
  });

  it("Python with apiidentity.Provider: each tenant holds its own, drift at one tenant, no plain secret, destroy", async () => {
    const venv = await pythonVenv(); // the first run generates the SDK and installs from PyPI: about a minute
    const env = { VIRTUAL_ENV: venv, [SETTINGS[PLAIN_IN_PROGRAM]]: tenantSettings(t.b)[PLAIN_IN_PROGRAM]!.value };
    const p = pluginProject({ program: "", stack: "tenants-python", env });
    p.env.PATH = `${join(venv, "bin")}:${p.env.PATH}`;
    try {
      writeFileSync(join(p.dir, "Pulumi.yaml"), "name: e2e\nruntime: python\n");
      writeFileSync(join(p.dir, "__main__.py"), pythonProgram());
      await p.init();
      await walk(p);
    } finally {
      p.cleanup();
    }
  }, 900_000);

  it("Pulumi YAML with pulumi:providers:apiidentity: each tenant holds its own, drift at one tenant, no plain secret, destroy", async () => {
    const p = pluginProject({ program: "", stack: "tenants-yaml" });
    try {
      writeFileSync(join(p.dir, "Pulumi.yaml"), yamlProgram());
      await p.init();
      await walk(p);
    } finally {
      p.cleanup();
    }
  });
});
