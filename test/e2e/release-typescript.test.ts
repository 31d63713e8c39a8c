// The TypeScript SDK of the provider plugin as a TypeScript user has it: `npm pack` of the built
// checkout installed into a fresh project (dependencies from the npm registry or its cache), a program
// that uses `pulumi-apiidentity/plugin` (typechecked against the installed package, run as JavaScript),
// and the plugin binary from the released linux-amd64 archive, installed with
// `pulumi plugin install resource apiidentity <version> --file <archive>` into a fresh PULUMI_HOME.
// The package's own npm bin is nowhere on PATH, so the engine can only run the binary. The walk is
// the YAML and Python one, with a second tenant (a second sandbox) behind an explicit `Provider` and
// one identity through it: up, each tenant holding exactly its own, no changes, an update whose
// `preview --json` carries detailedDiff, an out-of-band change that `preview --refresh` and
// `pulumi refresh` show, and destroy, which leaves both tenants as they were. While the identities
// exist, the installed package's `apiidentity audit --format json` names each managed one with the
// stack and URN under its own tenant (plugin type tokens, the explicit provider's tenant from state).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { auditReportSchema } from "../../cli/audit-report.js";
import { releaseArtefacts, type ReleaseArtefacts } from "../release/artefacts.js";
import { engine, repoRoot } from "./harness.js";
import type { PulumiProject } from "./harness.js";
import { pluginResources, VENDOR_KEYS } from "./plugin-programs.js";
import { installArchive, releasedWalk, releaseProject } from "./release-programs.js";
import { SECOND_PROVIDER, secondTenantTypeScript, viaSecondTenant } from "./second-tenant.js";

const run = promisify(execFile);

let sb: Sandbox;
/** The second tenant, which the walk's explicit provider addresses. */
let sbB: Sandbox;
let built: ReleaseArtefacts;
const scratch = mkdtempSync(join(tmpdir(), "apiidentity-release-ts-"));
let tarball: string;
/** npm and the program's language host run this Node; nothing else of the machine's PATH. */
const nodeDir = dirname(process.execPath);
const npmEnv = { PATH: `${nodeDir}:/usr/bin:/bin`, HOME: process.env.HOME ?? scratch, npm_config_update_notifier: "false" };

// examples/yaml in TypeScript through the plugin SDK (no type annotations: the same text runs as JavaScript).
const SOURCE = `import * as pulumi from "@pulumi/pulumi";
import * as apiidentity from "pulumi-apiidentity/plugin";

const config = new pulumi.Config();
const operator = apiidentity.getUptrendsOperatorOutput({ email: config.require("uptrendsOperatorEmail") });
const robots = apiidentity.getUiPathGroupOutput({ name: "Robots" });

const ise = new apiidentity.IseApiUser("ise-integration", {
  emailAddress: "ise-integration@example.com",
  firstName: "Cisco",
  lastName: "ISE",
  displayName: "Cisco ISE integration",
  password: config.requireSecret("iseApiPassword"),
  roles: ["Cisco ISE Operations"],
});
const monitoring = new apiidentity.UptrendsApiAccount("monitoring-pipeline", { operatorGuid: operator.operatorGuid, description: "Synthetic-monitoring pipeline" });
const bot = new apiidentity.ControlRoomUser("bot-runner", {
  username: "svc-bot-runner",
  email: "bot-runner@example.com",
  firstName: "Bot",
  lastName: "Runner",
  password: config.requireSecret("botRunnerPassword"),
  roles: ["Bot_Runner"],
  licenseFeatures: ["RUNTIME"],
});
const reporting = new apiidentity.VerifyApiClient("reporting", {
  clientName: "reporting-export",
  description: config.get("reportingDescription") ?? "Nightly export of sign-in reports",
  entitlements: ["readReports", "readUsers"],
});
const robot = new apiidentity.UiPathRobotAccount("invoice-robot", { name: "invoice-robot", displayName: "Invoice processing robot", groupIds: [robots.id] });

export const iseAccountId = ise.accountId;
export const uptrendsPassword = monitoring.password;
export const controlRoomUserId = bot.userId;
export const verifyClientId = reporting.clientId;
export const uipathRobotAccountId = robot.robotAccountId;
`;

beforeAll(async () => {
  if (!existsSync(join(repoRoot, "dist/plugin-sdk/index.js"))) throw new Error("dist/plugin-sdk is not built: run `node scripts/gen-plugin-sdk.mjs --build` (npm test builds it)");
  built = await releaseArtefacts();
  [sb, sbB] = await Promise.all([startSandbox(), startSandbox()]);
  // What is built (npm test builds first); --ignore-scripts: no second build here.
  const pack = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", scratch, "--loglevel=error"], { cwd: repoRoot, env: npmEnv, maxBuffer: 16 << 20 });
  tarball = join(scratch, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);
}, 900_000);
afterAll(async () => {
  await Promise.all([sb?.close(), sbB?.close()]);
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * The installed package's `apiidentity audit --format json` on the walk's stack (the environment holds
 * tenant a's settings, the state tenant b's provider): it parses with the report's schema, audits every
 * vendor at both tenants, names each managed identity's stack and URN under its own tenant and no other
 * (both sandboxes hand out the Control Room id 2001), and, with nothing at either tenant but the
 * provider's logins and the stack's identities, finds nothing but the `unknown` notes: exit 0, as
 * docs/audit.md says.
 */
async function auditFromPackage(p: PulumiProject): Promise<void> {
  const r = await run(join(p.dir, "node_modules", ".bin", "apiidentity"), ["audit", "--format", "json", "--stack", p.stack, "--cwd", p.dir], { env: p.env, maxBuffer: 16 << 20, timeout: 120_000 }).then(
    (ok) => ({ code: 0, ...ok }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" }),
  );
  const report = auditReportSchema.parse(JSON.parse(r.stdout || "null"));
  expect(report.schemaVersion).toBe(1);
  expect(report.stacks).toEqual([p.stack]);
  const tenantOf = (t: { tenant: string | null }) => (t.tenant?.startsWith(sb.url) ? "a" : t.tenant?.startsWith(sbB.url) ? "b" : undefined);
  expect(report.tenants.map((t) => [tenantOf(t), t.status]).sort(), r.stderr).toEqual(VENDOR_KEYS.flatMap(() => [["a", "audited"], ["b", "audited"]]).sort());
  const sourcesAt = (tenant: "a" | "b") => new Set(report.tenants.filter((t) => tenantOf(t) === tenant).flatMap((t) => t.sources));
  expect([sourcesAt("a"), sourcesAt("b")]).toEqual([new Set([`stack ${p.stack}`]), new Set([`provider ${SECOND_PROVIDER}`])]);
  const { resources } = await p.exportStack();
  const expected = pluginResources(resources)
    .map((res) => `${viaSecondTenant(res) ? "b" : "a"} ${res.type.split(":").pop()} ${res.id} ${p.stack} ${res.urn}`)
    .sort();
  const named = report.identities.flatMap((i) => i.managedBy.map((m) => `${tenantOf(i)} ${i.kind} ${i.id} ${m.stack} ${m.urn}`)).sort();
  expect(named).toEqual(expected);
  expect(report.identities.filter((i) => !i.self && i.managedBy.length === 0)).toEqual([]);
  expect(report.findings.filter((f) => f.rule !== "unknown")).toEqual([]);
  expect(r.code, r.stderr).toBe(0);
}

describe("the packed npm package's plugin SDK with the released plugin binary", () => {
  it("installed from the tarball into a fresh project, the program with a second tenant's explicit Provider typechecks; plugin install --file; up, each tenant its own, the package's audit, no changes, an update with detailedDiff, drift on preview --refresh and refresh, destroy", async () => {
    const source = SOURCE + secondTenantTypeScript(sbB);
    // The package's npm bin (node_modules/.bin/pulumi-resource-apiidentity) is not on PATH, nor go.
    const p = releaseProject({ program: source, env: sb.config().env, stack: "typescript", path: [engine(), nodeDir], absent: ["go"] });
    try {
      writeFileSync(join(p.dir, "package.json"), JSON.stringify({ name: "apiidentity-typescript", private: true, type: "module", main: "index.js" }));
      await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline", "--fetch-timeout=30000", "--fetch-retries=3", tarball], {
        cwd: p.dir,
        env: npmEnv,
        timeout: 300_000,
        maxBuffer: 16 << 20,
      });
      expect(existsSync(join(p.dir, "node_modules", "pulumi-apiidentity", "dist", "plugin-sdk", "index.js"))).toBe(true);
      expect(existsSync(join(p.dir, "node_modules", ".bin", "pulumi-resource-apiidentity"))).toBe(true);

      writeFileSync(join(p.dir, "index.ts"), source);
      const tsconfig = { compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ["index.ts"] };
      // Not tsconfig.json: with one, the Node.js language host would compile the program with its own ts-node.
      writeFileSync(join(p.dir, "tsconfig.check.json"), JSON.stringify(tsconfig));
      const typecheck = await run(join(repoRoot, "node_modules/.bin/tsc"), ["-p", join(p.dir, "tsconfig.check.json")]).catch((e: { stdout?: string }) => ({ stdout: e.stdout || "tsc failed" }));
      expect(typecheck.stdout).toBe("");

      await installArchive(p, built.version, built.archive);
      await releasedWalk(p, sb, { second: sbB, whileUp: () => auditFromPackage(p) });
    } finally {
      p.cleanup();
    }
  });
});
