// What a program pays to load the SDK: importing the built package must not load the vendor
// clients, the HTTP transport (undici) or the provider's handlers. Advice on inputs loads one
// kind's input module when a resource of that kind is declared; lookups load their client when
// called. Measured in a fresh node process with a module loading hook, as a user's program loads it.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./harness.js";

const run = promisify(execFile);

/** Every module URL a fresh node process loads while running `body` (an ES module body). */
async function loadedBy(body: string, env: Record<string, string> = {}): Promise<string[]> {
  const script = `
import { registerHooks } from "node:module";
const seen = [];
registerHooks({ load(url, context, next) { seen.push(url); return next(url, context); } });
${body}
process.stdout.write(JSON.stringify(seen));
`;
  const { stdout, stderr } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: repoRoot, env: { ...process.env, ...env } });
  lastStderr = stderr;
  return JSON.parse(stdout) as string[];
}

let lastStderr = "";
const dist = pathToFileURL(join(repoRoot, "dist")).href;
const ours = (urls: string[]) => urls.filter((u) => u.startsWith(dist + "/")).map((u) => u.slice(dist.length + 1));
const sdk = pathToFileURL(join(repoRoot, "dist/sdk/index.js")).href;

describe("loading the SDK in a program", () => {
  it("loads no vendor client, no HTTP transport and no handler", async () => {
    const urls = await loadedBy(`const m = await import(${JSON.stringify(sdk)});
if (typeof m.IseApiUser !== "function" || typeof m.getUiPathGroup !== "function") throw new Error("the SDK exports are missing");`);
    const mine = ours(urls);
    expect(mine).toContain("sdk/index.js");
    expect(mine).toContain("sdk/uipath-robot-account.js");
    expect(mine.filter((u) => u.startsWith("provider/http/"))).toEqual([]);
    expect(mine.filter((u) => /^provider\/vendors\/[^/]+\/(client|handler)\.js$/.test(u))).toEqual([]);
    expect(mine.filter((u) => ["provider/handlers.js", "provider/lifecycle.js", "provider/settings.js"].includes(u))).toEqual([]);
    expect(urls.filter((u) => u.includes("/node_modules/undici/"))).toEqual([]);
  });

  it("advice on one kind loads that kind's input module only, still no client", async () => {
    const advice = pathToFileURL(join(repoRoot, "dist/provider/advice.js")).href;
    const urls = await loadedBy(`const { adviceOf } = await import(${JSON.stringify(advice)});
const a = await adviceOf("UiPathRobotAccount");
if (!a?.advise || a.advise({ name: "robot with spaces" }).length !== 1) throw new Error("no advice on a name with spaces");`);
    const vendors = ours(urls).filter((u) => u.startsWith("provider/vendors/"));
    expect(vendors).toContain("provider/vendors/uipath/inputs.js");
    expect(vendors.filter((u) => !u.startsWith("provider/vendors/uipath/"))).toEqual([]);
    expect(vendors.filter((u) => /\/(client|handler)\.js$/.test(u))).toEqual([]);
    expect(ours(urls).filter((u) => u.startsWith("provider/http/"))).toEqual([]);
  });

  it("advice through the SDK comes from the one bundled file, loaded on the first advised resource: no vendor module, no client", async () => {
    const cache = mkdtempSync(join(tmpdir(), "apiidentity-sdk-load-"));
    try {
      const advice = pathToFileURL(join(repoRoot, "dist/sdk/advice.js")).href;
      const body = `const { adviceOf, ADVISED_KINDS } = await import(${JSON.stringify(advice)});
if (!ADVISED_KINDS.includes("UiPathRobotAccount")) throw new Error("UiPathRobotAccount is not advised");
const a = await adviceOf("UiPathRobotAccount");
if (!a?.advise || a.advise({ name: "robot with spaces" }).length !== 1) throw new Error("no advice on a name with spaces");`;
      const env = { APIIDENTITY_DEBUG: "1", APIIDENTITY_CODE_CACHE: cache };
      const urls = await loadedBy(body, env);
      expect(lastStderr).toMatch(/apiidentity: advice\.cjs: code cache none yet/);
      expect(ours(urls).filter((u) => u.startsWith("provider/vendors/") || u.startsWith("provider/http/"))).toEqual([]);
      expect(urls.filter((u) => u.includes("/node_modules/zod/") || u.includes("/node_modules/undici/"))).toEqual([]);
      // The next program starts from the compiled code the first one left.
      await loadedBy(body, env);
      expect(lastStderr).toMatch(/apiidentity: advice\.cjs: code cache used/);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
