// Two tenants of every vendor in one TypeScript program of the dynamic classes, through the real
// engine: two settings profiles in the stack config (`apiidentity:profiles`, credentials set with
// --secret --path) and one identity of every kind per profile. Each tenant holds exactly its own,
// counted at each sandbox; a refresh sees an out-of-band change at one tenant only and `apiidentity
// drift` names that tenant; new credentials in a profile change no resource; destroy leaves both
// tenants as they were; `pulumi stack export` holds no setting secret in plain text. A profile that
// does not exist fails before any vendor call.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleInputs } from "../../sandbox/kinds.js";
import type { Sandbox } from "../../sandbox/server.js";
import { PulumiProject, repoRoot, resourcesOfType, type PreviewStep, type StateResource } from "./harness.js";
import { drift, editUptrendsDescription, PROGRAM_KINDS, type Kind } from "./plugin-programs.js";
import { heldIds, plainSecretsIn, startTwoTenants, tenantSettings, type TwoTenants } from "./two-tenants.js";

const TENANTS = ["a", "b"] as const;
type Tenant = (typeof TENANTS)[number];

let t: TwoTenants;
beforeAll(async () => {
  t = await startTwoTenants();
});
afterAll(() => t?.close());

const sandboxOf = (tenant: Tenant): Sandbox => (tenant === "a" ? t.a : t.b);
const requestsAt = (sb: Sandbox) => sb.requests().reduce((n, r) => n + r.count, 0);

/** The inputs of the one identity of `kind` each tenant gets; names differ between the tenants. */
const inputsOf = (tenant: Tenant, kind: Kind) => exampleInputs(kind, { index: TENANTS.indexOf(tenant), name: `profiles-${tenant}`, label: `profile ${tenant}` });

/** One identity of every kind per tenant, each naming its tenant's profile. */
const program = (profiles: readonly string[]) => `
import * as apiidentity from "pulumi-apiidentity";
const inputs = ${JSON.stringify(Object.fromEntries(TENANTS.map((tenant) => [tenant, Object.fromEntries(PROGRAM_KINDS.map((k) => [k, inputsOf(tenant, k)]))])))};
for (const profile of ${JSON.stringify(profiles)}) {
  for (const [kind, props] of Object.entries(inputs[profile in inputs ? profile : "a"])) new apiidentity[kind](profile + "-" + kind, { ...props, profile });
}
`;

/** Each tenant's settings as one profile of `apiidentity:profiles`, credentials as secrets, in one call. */
async function configureProfiles(p: PulumiProject): Promise<void> {
  const args = TENANTS.flatMap((tenant) =>
    Object.entries(tenantSettings(sandboxOf(tenant))).flatMap(([name, s]) => [s.secret ? "--secret" : "--plaintext", `apiidentity:profiles.${tenant}.${name}=${s.value}`]),
  );
  await p.ok(["config", "set-all", "--path", ...args]);
}

/** Runs the built `apiidentity` CLI on the project's stack. */
const cli = (p: PulumiProject, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((res) =>
    execFile(process.execPath, [join(repoRoot, "bin/apiidentity.js"), ...args, "--cwd", p.dir, "--stack", p.stack], { env: p.env }, (err, stdout, stderr) =>
      res({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    ),
  );

const resourceOf = (resources: StateResource[], tenant: Tenant, kind: Kind) => resourcesOfType(resources, kind).find((r) => r.urn.endsWith(`::${tenant}-${kind}`));

/** The program's resources in a preview that do something (not `same`, not the refresh's own read), as `<op> <name>`. */
const changes = (steps: PreviewStep[]) =>
  steps
    .filter((s) => s.urn.includes("dynamic/apiidentity:") && s.op !== "same" && s.op !== "refresh")
    .map((s) => `${s.op} ${s.urn.split("::").pop()}`)
    .sort();

describe("two tenants of every vendor, settings profiles of the dynamic classes", () => {
  it("each tenant holds its own, drift names the tenant, new credentials change nothing, no plain secret, destroy", async () => {
    const p = new PulumiProject({ program: program(TENANTS), stack: "profiles" });
    try {
      await p.init();
      await configureProfiles(p);
      const before = { a: heldIds(t.a), b: heldIds(t.b) };
      await p.up();

      // Each tenant holds exactly its own: one new identity of each kind, the one its resource holds.
      const { resources } = await p.exportStack();
      for (const tenant of TENANTS) {
        const now = heldIds(sandboxOf(tenant));
        for (const kind of PROGRAM_KINDS) {
          const made = now[kind].filter((id) => !before[tenant][kind].includes(id));
          const r = resourceOf(resources, tenant, kind);
          expect(r?.inputs?.profile, `${tenant} ${kind}`).toBe(tenant);
          expect(made, `${kind} at tenant ${tenant}`).toEqual([r?.id]);
        }
      }
      // State keeps the profile's name: the __provider holds no setting of it (an output may hold the
      // tenant's own id, as UiPath's partitionGlobalId), and no credential is anywhere in the resource.
      const settings = TENANTS.flatMap((tenant) => Object.values(tenantSettings(sandboxOf(tenant))));
      for (const r of resources.filter((x) => x.type.startsWith("pulumi-nodejs:dynamic/apiidentity:"))) {
        const provider = JSON.stringify([r.inputs?.__provider, r.outputs?.__provider]);
        for (const s of settings) expect(provider.includes(s.value), `${r.urn}: __provider holds a profile setting`).toBe(false);
        const held = JSON.stringify([r.inputs, r.outputs]);
        for (const s of settings.filter((x) => x.secret)) expect(held.includes(s.value), `${r.urn} holds a profile credential`).toBe(false);
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
      expect(items.map((i) => [i.name, i.property, i.tenant])).toEqual([["a-UptrendsApiAccount", "description", "profile a"]]);
      await p.up({ refresh: true });
      expect(heldIds(t.a).UptrendsApiAccount).toContain(account.id);

      // New credentials in profile b change no resource.
      const b = tenantSettings(t.b);
      await p.ok(["config", "set", "--path", "apiidentity:profiles.b.uptrendsPassword", "another-password", "--secret"]);
      const credentials = await p.preview();
      expect(credentials.code, credentials.raw.stderr).toBe(0);
      expect(changes(credentials.steps)).toEqual([]);
      await p.ok(["config", "set", "--path", "apiidentity:profiles.b.uptrendsPassword", b.uptrendsPassword!.value, "--secret"]);

      // The CLI per tenant: check, discover and orphans with --profile address that tenant alone.
      const checked = await cli(p, ["check", "uptrends", "--profile", "b"]);
      expect(checked.code, checked.stdout + checked.stderr).toBe(0);
      expect(checked.stdout).toMatch(/^Tenant: profile b\n/);
      const found = await cli(p, ["discover", "uptrends", "--profile", "a"]);
      expect(found.code, found.stderr).toBe(0);
      expect(found.stderr).toContain("(tenant profile a)");
      expect(found.stdout).toContain(resourceOf(resources, "a", "UptrendsApiAccount")!.id);
      expect(found.stdout).not.toContain(resourceOf(resources, "b", "UptrendsApiAccount")!.id);
      expect(found.stdout).toContain('profile: "a",');
      const orphans = await cli(p, ["orphans", "--json"]);
      expect(orphans.code, orphans.stdout + orphans.stderr).toBe(0);
      const scanned = (JSON.parse(orphans.stdout) as { vendors: { status: string; tenant?: string }[] }).vendors.filter((v) => v.status === "checked").map((v) => v.tenant);
      expect(scanned).toEqual(["profile a", "profile b"]);

      // No setting secret of either tenant is plain in state; the stack's config file holds them encrypted.
      const { raw } = await p.exportStack();
      expect([...plainSecretsIn(raw, t.a), ...plainSecretsIn(raw, t.b)]).toEqual([]);

      await p.destroy();
      expect(resourcesOfType((await p.exportStack()).resources, "UptrendsApiAccount")).toHaveLength(0);
      expect(heldIds(t.a)).toEqual(before.a);
      expect(heldIds(t.b)).toEqual(before.b);
    } finally {
      p.cleanup();
    }
  });

  it("a profile that does not exist fails before any vendor call, naming the profile", async () => {
    const p = new PulumiProject({ program: program(["a", "c"]), stack: "missing" });
    try {
      await p.init();
      await configureProfiles(p);
      t.a.clearRequests();
      t.b.clearRequests();
      const r = await p.run(["preview"]);
      expect(r.code).not.toBe(0);
      expect(r.stdout + r.stderr).toContain("the settings profile 'c' does not exist: the stack config 'apiidentity:profiles' holds 'a', 'b'");
      expect(requestsAt(t.a) + requestsAt(t.b)).toBe(0);
    } finally {
      p.cleanup();
    }
  });
});
