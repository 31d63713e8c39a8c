// Helpers for the end-to-end walks of the released artefacts (test/release/artefacts.ts builds them):
// a project in a fresh directory with its own PULUMI_HOME, holding none of this checkout, whose pulumi
// calls see only the environment given and a PATH of the directories given (never one with the
// plugin, nor, unless a TypeScript program needs node, one with node or go).
import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect } from "vitest";
import { PulumiProject, type ProjectOptions } from "./harness.js";
import type { Sandbox } from "../../sandbox/server.js";
import { exampleWalk, identities, pluginResources, viaDefaultProvider } from "./plugin-programs.js";
import { configureSecondTenant, eachTenantHoldsItsOwn } from "./second-tenant.js";

const run = promisify(execFile);

/** Variables a pulumi call keeps from the harness's environment: its backend, passphrase and home, no more. */
const KEPT = /^(PULUMI_|HOME$|NO_COLOR$|TMPDIR$|LANG$)/;

/**
 * A project whose every pulumi call (the CLI, its language host, the plugin) runs with `env` and a
 * PATH of exactly `path`, none of which holds the plugin, nor any of `absent` (by default node, npm
 * and go).
 */
export function releaseProject(opts: ProjectOptions & { path: string[]; absent?: string[] }): PulumiProject {
  const p = new PulumiProject({ ...opts, installPackage: false });
  for (const key of Object.keys(p.env)) if (!KEPT.test(key) && !(key in (opts.env ?? {}))) delete p.env[key];
  p.env.PATH = opts.path.join(":");
  const absent = ["pulumi-resource-apiidentity", ...(opts.absent ?? ["node", "nodejs", "npm", "go"])];
  for (const dir of opts.path) for (const tool of absent) expect(existsSync(join(dir, tool)), `${tool} in ${dir}`).toBe(false);
  return p;
}

/** `pulumi plugin install resource apiidentity <version> --file <archive>` into the project's PULUMI_HOME. */
export async function installArchive(p: PulumiProject, version: string, archive: string): Promise<void> {
  const r = await p.ok(["plugin", "install", "resource", "apiidentity", version, "--file", archive]);
  expect(r.stdout + r.stderr).not.toMatch(/error/i);
  expect(existsSync(join(p.env.PULUMI_HOME!, "plugins", `resource-apiidentity-v${version}`, "pulumi-resource-apiidentity"))).toBe(true);
}

/** Unpacks the plugin archive into `dir` (created), as a user of a local build has the binary. */
export async function unpackArchive(archive: string, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  await run("tar", ["-xzf", archive, "-C", dir]);
  return join(dir, "pulumi-resource-apiidentity");
}

/**
 * The walk of every released-artefact program: the example walk (up, no changes, an update whose
 * preview carries detailedDiff, an out-of-band change that `preview --refresh` shows), then a
 * `pulumi refresh` that takes the console's value into state, and destroy, after which the vendors
 * hold what they held before. With `second`, the program also declares the explicit provider of
 * test/e2e/second-tenant.ts and one identity through it: its config is set, and after the update each
 * tenant holds exactly its own and destroy leaves both as they were. `whileUp` runs once the
 * identities exist, before the refresh.
 */
export async function releasedWalk(p: PulumiProject, sb: Sandbox, opts: { second?: Sandbox; whileUp?: () => Promise<void> } = {}): Promise<void> {
  const before = identities(sb);
  const beforeSecond = opts.second && identities(opts.second);
  await p.init();
  if (opts.second) await configureSecondTenant(p, opts.second);
  const { monitoring } = await exampleWalk(p, sb, before);
  if (opts.second) eachTenantHoldsItsOwn((await p.exportStack()).resources, { sb, before }, { sb: opts.second, before: beforeSecond! });
  await opts.whileUp?.();

  const refreshed = await p.refresh();
  expect(refreshed.stdout).toMatch(/~ +apiidentity:index:UptrendsApiAccount +monitoring-pipeline +(refreshed|updated)/);
  const inState = pluginResources((await p.exportStack()).resources.filter(viaDefaultProvider), "UptrendsApiAccount")[0]!;
  expect(inState.id).toBe(monitoring.id);
  expect(inState.outputs?.description).toBe("edited in the console");

  await p.destroy();
  expect(pluginResources((await p.exportStack()).resources)).toHaveLength(0);
  expect(identities(sb)).toEqual(before);
  if (opts.second) expect(identities(opts.second)).toEqual(beforeSecond);
}
