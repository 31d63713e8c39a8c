// The second tenant of the released-artefact walks: a second sandbox that one explicit provider of
// the program, `tenant-b`, addresses with every setting from the stack's config (`b_<setting>`,
// credentials as secrets), and the one identity the program makes through it. The same lines in each
// language: a TypeScript `Provider` of `pulumi-apiidentity/plugin`, a Python `apiidentity.Provider`,
// a YAML `pulumi:providers:apiidentity`.
import { expect } from "vitest";
import { exampleInputs } from "../../sandbox/kinds.js";
import type { Sandbox } from "../../sandbox/server.js";
import type { PulumiProject, StateResource } from "./harness.js";
import { identities, pluginResources, PROGRAM_KINDS, type Kind } from "./plugin-programs.js";
import { pythonName, tenantSettings } from "./two-tenants.js";

/** The explicit provider's resource name, and the identity made through it. */
export const SECOND_PROVIDER = "tenant-b";
export const SECOND_KIND: Kind = "ControlRoomUser";
export const SECOND_RESOURCE = "tenant-b-bot";

/** The inputs of the identity made at the second tenant. */
export const secondInputs = (): Record<string, unknown> => exampleInputs(SECOND_KIND, { index: 1, name: "tenant-b-bot", label: "made through the tenant-b provider" });

/** The stack config key of one of tenant b's settings. */
const configKey = (setting: string) => `b_${setting}`;

/** Every setting the provider takes, with whether it is a credential. */
const settings = (sb: Sandbox) => Object.entries(tenantSettings(sb)).map(([name, s]) => [name, s.secret] as const);

/** Tenant b's settings as the stack's config, `b_<setting>` (credentials as secrets), in one call. */
export async function configureSecondTenant(p: PulumiProject, sb: Sandbox): Promise<void> {
  await p.ok(["config", "set-all", ...Object.entries(tenantSettings(sb)).flatMap(([name, s]) => [s.secret ? "--secret" : "--plaintext", `${configKey(name)}=${s.value}`])]);
}

/** TypeScript lines appended to a program that has `pulumi`, `apiidentity` (the plugin SDK) and `config` in scope. */
export function secondTenantTypeScript(sb: Sandbox): string {
  const args = settings(sb).map(([name, secret]) => `  ${name}: config.${secret ? "requireSecret" : "require"}(${JSON.stringify(configKey(name))}),`);
  return [
    "",
    "// A second tenant through an explicit provider.",
    `const tenantB = new apiidentity.Provider(${JSON.stringify(SECOND_PROVIDER)}, {`,
    ...args,
    "});",
    `new apiidentity.${SECOND_KIND}(${JSON.stringify(SECOND_RESOURCE)}, ${JSON.stringify(secondInputs())}, { provider: tenantB });`,
    "",
  ].join("\n");
}

/** Python lines appended to a program that has `pulumi`, `apiidentity` (the wheel's package) and `config` in scope. */
export function secondTenantPython(sb: Sandbox): string {
  const args = settings(sb).map(([name, secret]) => `    ${pythonName(name)}=config.${secret ? "require_secret" : "require"}(${JSON.stringify(configKey(name))}),`);
  const props = Object.entries(secondInputs()).map(([name, value]) => `    ${pythonName(name)}=${JSON.stringify(value)},`);
  return [
    "",
    "# A second tenant through an explicit provider.",
    `tenant_b = apiidentity.Provider(`,
    `    ${JSON.stringify(SECOND_PROVIDER)},`,
    ...args,
    ")",
    `apiidentity.${SECOND_KIND}(`,
    `    ${JSON.stringify(SECOND_RESOURCE)},`,
    ...props,
    "    opts=pulumi.ResourceOptions(provider=tenant_b),",
    ")",
    "",
  ].join("\n");
}

/** A Pulumi.yaml with tenant b's config declared, its provider and the identity made through it (before `outputs:`). */
export function secondTenantYaml(text: string, sb: Sandbox): string {
  const declared = settings(sb).flatMap(([name, secret]) => [`  ${configKey(name)}:`, "    type: string", ...(secret ? ["    secret: true"] : [])]);
  const resources = [
    "  # A second tenant through an explicit provider.",
    `  ${SECOND_PROVIDER}:`,
    "    type: pulumi:providers:apiidentity",
    "    properties:",
    ...settings(sb).map(([name]) => `      ${name}: \${${configKey(name)}}`),
    `  ${SECOND_RESOURCE}:`,
    `    type: apiidentity:index:${SECOND_KIND}`,
    `    properties: ${JSON.stringify(secondInputs())}`,
    "    options:",
    `      provider: \${${SECOND_PROVIDER}}`,
    "",
  ];
  expect(text).toMatch(/^config:\n/m);
  expect(text).toMatch(/\noutputs:\n/);
  return text.replace(/^config:\n/m, `config:\n${declared.join("\n")}\n`).replace(/\noutputs:\n/, `\n${resources.join("\n")}\noutputs:\n`);
}

/** Whether the resource went through tenant b's explicit provider. */
export const viaSecondTenant = (r: StateResource): boolean => (r.provider ?? "").includes(`::pulumi:providers:apiidentity::${SECOND_PROVIDER}::`);

/**
 * Each tenant holds exactly its own: the identities made since `before` at tenant a are those of the
 * resources of the default provider, and at tenant b the one of tenant b's provider.
 */
export function eachTenantHoldsItsOwn(resources: StateResource[], a: { sb: Sandbox; before: Record<Kind, string[]> }, b: { sb: Sandbox; before: Record<Kind, string[]> }): void {
  const made = (t: typeof a) => {
    const now = identities(t.sb);
    return Object.fromEntries(PROGRAM_KINDS.map((kind) => [kind, now[kind].filter((id) => !t.before[kind].includes(id))]));
  };
  const held = (via: (r: StateResource) => boolean) => Object.fromEntries(PROGRAM_KINDS.map((kind) => [kind, pluginResources(resources, kind).filter(via).map((r) => r.id!).sort()]));
  const atB = pluginResources(resources).filter(viaSecondTenant);
  expect(atB.map((r) => r.urn.split("::").pop())).toEqual([SECOND_RESOURCE]);
  expect(made(a), "made at tenant a").toEqual(held((r) => !viaSecondTenant(r)));
  expect(made(b), "made at tenant b").toEqual(held(viaSecondTenant));
}
