// Pacing to the vendors' rate limits through the real pulumi CLI, against the in-process sandbox
// enforcing UiPath Identity Server's published limits with its windows divided by TIME_SCALE (the
// provider is told the same scale). 600 robot accounts: an update and a destroy of 3.75 times the
// PUT/DELETE budget of 160, a refresh of twice the GET budget of 300, all with no failed resource and
// few 429s, each phase's paced calls spread over no less than the limit allows and at most 1.2 times
// that; the same update with pacing off fails as it did before pacing. Then a vendor that publishes
// no limit (Uptrends) answers 429 with Retry-After 2 for a while, and the phase completes by slowing
// down. Last, the provider plugin (a YAML program) paces 170 updates and destroys the same way and
// writes its note to the engine's log. Every figure is printed. Each phase starts with empty windows
// at the sandbox: a fresh period.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import type { VendorModule } from "../../sandbox/types.js";
import { vendorModules } from "../../sandbox/vendors/index.js";
import { uipath as uipathModule } from "../../sandbox/vendors/uipath/index.js";
import { uptrends as uptrendsModule } from "../../sandbox/vendors/uptrends/index.js";
import { PulumiProject } from "./harness.js";
import { pluginProject } from "./plugin-programs.js";

const TIME_SCALE = 25;
/** UiPath's 5-minute window at the sandbox and in the provider. */
const WINDOW_S = 300 / TIME_SCALE;
const N = 600;
const PUT_BUDGET = 160;
const GET_BUDGET = 300;
const ROBOTS_GROUP = "5a6b1e7c-4f8b-4c2e-9a05-7d9e6b1f2c05";
const ROBOT = "/{organization}/identity_/api/RobotAccount";

let sb: Sandbox;
let p: PulumiProject;

/** Requests of a vendor since the last clear: "METHOD route status" → count. */
function calls(vendor: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of sb.requests()) if (r.vendor === vendor) out[`${r.method} ${r.route} ${r.status}`] = (out[`${r.method} ${r.route} ${r.status}`] ?? 0) + r.count;
  return out;
}

const sumOf = (vendor: string, method: string, status?: number) =>
  sb.requests().filter((r) => r.vendor === vendor && r.method === method && (status === undefined || r.status === status)).reduce((a, r) => a + r.count, 0);

/**
 * When the sandbox let each call through, by "vendor METHOD": the time its route handler was
 * reached. The sandbox answers a call over its rate limit before the handler, so these are the
 * arrivals its rolling windows counted, stamped as they happen (a poll of the counters can miss the
 * last calls of a phase that ends a few ms after them, and stamps its own ticks, not the calls).
 */
const arrivals = new Map<string, number[]>();

/** `m` with every handler noting the time of the call it answers in `arrivals`. */
function stamped(m: VendorModule): VendorModule {
  return {
    ...m,
    routes: m.routes.map((r) => ({
      ...r,
      handler: (req, ctx) => {
        const key = `${m.id} ${req.method}`;
        const times = arrivals.get(key) ?? [];
        times.push(Date.now());
        arrivals.set(key, times);
        return r.handler(req, ctx);
      },
    })),
  };
}

/**
 * Runs `phase`: the time from the first `method` call the sandbox let through to the last (every
 * such call is stamped, as many as the sandbox counted), and the phase's wall time.
 */
async function timed<T>(vendor: string, method: string, phase: () => Promise<T>): Promise<{ result: T; spanS: number; wallS: number }> {
  sb.clearRequests();
  arrivals.clear();
  const started = Date.now();
  const result = await phase();
  const wallS = (Date.now() - started) / 1000;
  const times = arrivals.get(`${vendor} ${method}`) ?? [];
  expect(times.length, `stamped ${method} calls to ${vendor} vs those the sandbox let through`).toBe(sumOf(vendor, method) - sumOf(vendor, method, 429));
  return { result, spanS: times.length > 1 ? (times[times.length - 1]! - times[0]!) / 1000 : 0, wallS };
}

/** A stamp is taken right after the sandbox's admission, which may fall in the next millisecond. */
const STAMP_TOLERANCE_S = 0.01;

/** The least time `n` calls take under a rolling limit of `budget` per window: every budget after the first waits a window. */
const floorS = (n: number, budget: number) => (Math.ceil(n / budget) - 1) * WINDOW_S;

const robotsProgram = `
import * as pulumi from "@pulumi/pulumi";
import { UiPathRobotAccount } from "pulumi-apiidentity";
const label = new pulumi.Config().require("label");
const inputs = ${JSON.stringify(Array.from({ length: N }, (_, index) => uipathModule.kinds.UiPathRobotAccount.example({ index, name: `rl-${index}`, label: "LABEL" })))};
inputs.forEach((a, i) => new UiPathRobotAccount("bot-" + i, { ...a, displayName: a.displayName.replace("LABEL", label + " " + i) }));
`;

const failedResources = (out: string) => Number(/(\d+) errored/.exec(out)?.[1] ?? 0);

/**
 * How many times the provider wrote a note matching `re`: counted in the closing Diagnostics section,
 * as the CLI also shows each provider message while the phase runs.
 */
function notesIn(out: string, re: RegExp): string[] {
  const at = out.lastIndexOf("Diagnostics:");
  return (at < 0 ? out : out.slice(at)).split("\n").filter((line) => re.test(line));
}

beforeAll(async () => {
  sb = await startSandbox({ modules: vendorModules.map(stamped), rateLimits: { vendors: ["uipath"], timeScale: TIME_SCALE } });
  p = new PulumiProject({
    program: robotsProgram,
    // The engine's checkpoints after every step cost O(N²) at this size; they are not what is measured here.
    env: { ...sb.config().env, APIIDENTITY_RATE_LIMIT_TIME_SCALE: String(TIME_SCALE), PULUMI_SKIP_CHECKPOINTS: "true" },
  });
  await p.init();
  await p.setConfig("label", "first");
  expect(uipathModule.kinds.UiPathRobotAccount.example({ index: 0, name: "x", label: "y" })).toMatchObject({ groupIds: [ROBOTS_GROUP] });
}, 120_000);

afterAll(async () => {
  p?.cleanup();
  await sb?.close();
});

describe(`UiPath at its published limits, windows divided by ${TIME_SCALE} (${WINDOW_S} s)`, () => {
  it(`up creates ${N} robot accounts (POST budget 24,000: not paced)`, async () => {
    const { spanS, wallS } = await timed("uipath", "POST", () => p.up());
    const c = calls("uipath");
    process.stdout.write(`rate-limits e2e: up of ${N}: ${wallS.toFixed(1)} s wall, POSTs over ${spanS.toFixed(1)} s, ${c[`POST ${ROBOT} 201`]} created, ${sumOf("uipath", "POST", 429)} refused\n`);
    expect(c[`POST ${ROBOT} 201`]).toBe(N);
    expect(sumOf("uipath", "POST", 429)).toBe(0);
  }, 240_000);

  it(`update of ${N} (${(N / PUT_BUDGET).toFixed(2)}x the PUT budget): 0 failed, few 429s, paced calls spread over the limit's least time and at most 1.2x it, one note`, async () => {
    await p.setConfig("label", "second");
    sb.setRateLimits({ vendors: ["uipath"], timeScale: TIME_SCALE });
    const { result, spanS, wallS } = await timed("uipath", "PUT", () => p.up());
    const refused = sumOf("uipath", "PUT", 429);
    const floor = floorS(N, PUT_BUDGET);
    process.stdout.write(`rate-limits e2e: update of ${N}: ${wallS.toFixed(1)} s wall, PUTs over ${spanS.toFixed(1)} s (least ${floor} s, at most ${(1.2 * floor).toFixed(1)} s), ${sumOf("uipath", "PUT", 200)} updated, ${refused} refused with 429\n`);
    expect(failedResources(result.stdout)).toBe(0);
    expect(sumOf("uipath", "PUT", 200)).toBe(N);
    expect(refused).toBeLessThanOrEqual(8);
    expect(spanS).toBeGreaterThanOrEqual(floor - STAMP_TOLERANCE_S);
    expect(spanS).toBeLessThanOrEqual(1.2 * floor);
    const notes = notesIn(result.stdout + result.stderr, /pacing PUT calls to the vendor's published limit of 160 per 5 minutes per organization/);
    process.stdout.write(`rate-limits e2e: the update's note: ${notes[0]?.trim()}\n`);
    expect(notes).toHaveLength(1);
  }, 240_000);

  it(`preview --refresh of ${N} (${N / GET_BUDGET}x the GET budget) completes, paced`, async () => {
    sb.setRateLimits({ vendors: ["uipath"], timeScale: TIME_SCALE });
    const { result, spanS, wallS } = await timed("uipath", "GET", () => p.run(["preview", "--refresh", "--expect-no-changes"]));
    const floor = floorS(N, GET_BUDGET);
    process.stdout.write(`rate-limits e2e: preview --refresh of ${N}: ${wallS.toFixed(1)} s wall, GETs over ${spanS.toFixed(1)} s (least ${floor} s, at most ${(1.2 * floor).toFixed(1)} s), ${sumOf("uipath", "GET", 200)} read, ${sumOf("uipath", "GET", 429)} refused with 429\n`);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(sumOf("uipath", "GET", 200)).toBe(N);
    expect(sumOf("uipath", "GET", 429)).toBeLessThanOrEqual(8);
    expect(spanS).toBeGreaterThanOrEqual(floor - STAMP_TOLERANCE_S);
    expect(spanS).toBeLessThanOrEqual(1.2 * floor);
  }, 240_000);

  it("the same update with pacing off fails part-way, as it did before pacing", async () => {
    await p.setConfig("label", "unpaced");
    sb.setRateLimits({ vendors: ["uipath"], timeScale: TIME_SCALE });
    const { result, wallS } = await timed("uipath", "PUT", () => p.run(["up", "--yes", "--skip-preview"], { APIIDENTITY_RATE_LIMIT_PACING: "off" }));
    const out = result.stdout + result.stderr;
    process.stdout.write(`rate-limits e2e: update of ${N} with pacing off: exit ${result.code} after ${wallS.toFixed(1)} s, ${sumOf("uipath", "PUT", 200)} updated, ${failedResources(out)} failed, ${sumOf("uipath", "PUT", 429)} refused with 429\n`);
    expect(result.code).not.toBe(0);
    expect(out).toContain("failed with HTTP 429");
    expect(sumOf("uipath", "PUT", 200)).toBeLessThan(N);
  }, 240_000);

  it(`destroy of ${N} (${(N / PUT_BUDGET).toFixed(2)}x the DELETE budget): 0 failed, few 429s, within 1.2x the limit's least time`, async () => {
    sb.setRateLimits({ vendors: ["uipath"], timeScale: TIME_SCALE });
    const { result, spanS, wallS } = await timed("uipath", "DELETE", () => p.destroy());
    const floor = floorS(N, PUT_BUDGET);
    const refused = sumOf("uipath", "DELETE", 429);
    process.stdout.write(`rate-limits e2e: destroy of ${N}: ${wallS.toFixed(1)} s wall, DELETEs over ${spanS.toFixed(1)} s (least ${floor} s, at most ${(1.2 * floor).toFixed(1)} s), ${sumOf("uipath", "DELETE", 204)} deleted, ${refused} refused with 429\n`);
    expect(failedResources(result.stdout)).toBe(0);
    expect(sumOf("uipath", "DELETE", 204)).toBe(N);
    expect(refused).toBeLessThanOrEqual(8);
    expect(spanS).toBeGreaterThanOrEqual(floor - STAMP_TOLERANCE_S);
    expect(spanS).toBeLessThanOrEqual(1.2 * floor);
  }, 240_000);
});

describe("a vendor that publishes no limit: adaptive", () => {
  it("Uptrends answering 429 with Retry-After 2 for 12 s: the phase completes by slowing down", async () => {
    const n = 40;
    const accounts = Array.from({ length: n }, (_, index) => uptrendsModule.kinds.UptrendsApiAccount.example({ index, name: `rl-${index}`, label: `paced ${index}` }));
    const q = new PulumiProject({
      program: `
import { UptrendsApiAccount } from "pulumi-apiidentity";
${JSON.stringify(accounts)}.forEach((a, i) => new UptrendsApiAccount("acct-" + i, a));
`,
      env: { ...sb.config().env },
    });
    try {
      await q.init();
      // Longer than the four retries of 2 s each that an unpaced call would make.
      sb.faults.add({ vendor: "uptrends", method: "POST", forSeconds: 12, effect: { type: "rateLimit", retryAfterSeconds: 2 } });
      const { result, spanS, wallS } = await timed("uptrends", "POST", () => q.run(["up", "--yes", "--skip-preview"]));
      const out = result.stdout + result.stderr;
      const created = sumOf("uptrends", "POST", 201);
      const refused = sumOf("uptrends", "POST", 429);
      process.stdout.write(`rate-limits e2e: adaptive, ${n} Uptrends accounts, 429 Retry-After 2 for 12 s: exit ${result.code} after ${wallS.toFixed(1)} s, POSTs over ${spanS.toFixed(1)} s, ${created} created, ${refused} refused with 429 (unpaced, each of ${n} calls would be refused up to 5 times: ${5 * n})\n`);
      expect(result.code, out).toBe(0);
      expect(created).toBe(n);
      // Refused while the vendor refuses everything: about one call per pause of 2 s, plus those in flight at the first.
      expect(refused).toBeGreaterThan(0);
      expect(refused).toBeLessThan(2 * n);
      const notes = notesIn(out, /refused a POST call for its rate \(HTTP 429\)/);
      process.stdout.write(`rate-limits e2e: the adaptive note: ${notes[0]?.trim()}\n`);
      expect(notes).toHaveLength(1);
      await q.destroy();
    } finally {
      sb.faults.clear();
      q.cleanup();
    }
  }, 240_000);
});

describe("through the provider plugin (a YAML program)", () => {
  it("an update and a destroy of 170 robot accounts (PUT/DELETE budget 160) wait a window instead of being refused; one note in the engine's log", async () => {
    const n = 170;
    const scale = 100;
    const windowS = 300 / scale;
    const dir = mkdtempSync(join(tmpdir(), "apiidentity-rl-yaml-"));
    const resources = Array.from({ length: n }, (_, index) => {
      const a = uipathModule.kinds.UiPathRobotAccount.example({ index, name: `rly-${index}`, label: "" });
      return `  bot-${index}:\n    type: apiidentity:index:UiPathRobotAccount\n    properties:\n      name: ${String(a.name)}\n      displayName: \${label} ${index}\n      groupIds: [${(a.groupIds as string[]).join(", ")}]\n`;
    });
    writeFileSync(join(dir, "Pulumi.yaml"), `name: rate-limits-yaml\nruntime: yaml\nconfig:\n  label:\n    type: string\nresources:\n${resources.join("")}`);
    const q = pluginProject({ programDir: dir, stack: "plugin", env: { ...sb.config().env, APIIDENTITY_RATE_LIMIT_TIME_SCALE: String(scale), PULUMI_SKIP_CHECKPOINTS: "true" } });
    try {
      await q.init();
      await q.setConfig("label", "first");
      sb.setRateLimits({ vendors: [] });
      await q.up();
      await q.setConfig("label", "second");
      for (const [phase, method, ok, run] of [
        ["update", "PUT", 200, () => q.up()],
        ["destroy", "DELETE", 204, () => q.destroy()],
      ] as const) {
        sb.setRateLimits({ vendors: ["uipath"], timeScale: scale });
        const { result, spanS, wallS } = await timed("uipath", method, run);
        const notes = notesIn(result.stdout + result.stderr, new RegExp(`pacing ${method} calls to the vendor's published limit of 160 per 5 minutes per organization`));
        process.stdout.write(`rate-limits e2e: plugin ${phase} of ${n}, windows of ${windowS} s: ${wallS.toFixed(1)} s wall, ${method}s over ${spanS.toFixed(1)} s (least ${windowS} s), ${sumOf("uipath", method, ok)} done, ${sumOf("uipath", method, 429)} refused with 429, ${notes.length} note\n`);
        expect(sumOf("uipath", method, ok)).toBe(n);
        expect(sumOf("uipath", method, 429)).toBe(0);
        expect(spanS).toBeGreaterThanOrEqual(windowS - STAMP_TOLERANCE_S);
        expect(notes).toHaveLength(1);
      }
    } finally {
      sb.setRateLimits({ vendors: [] });
      q.cleanup();
    }
  }, 240_000);
});
