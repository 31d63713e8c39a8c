// UiPathRobotAccount under Identity Server's published rate limits, against a sandbox that enforces
// them with its windows divided by 300 (5 minutes last 1 s): paced, more updates than the PUT budget
// all succeed with no 429 and take at least the window; with pacing off the same burst fails as it
// did before pacing; refusals beyond the wait budget stop the tenant with one explanation.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../../../sandbox/vendors/uipath/test-helpers.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { tally } from "../../../test/tally.js";
import { forgetPacers, RateLimitError, setPacingNotes, VendorError } from "../../http/index.js";
import { TIME_SCALE_ENV } from "../../http/pacing-settings.js";
import { recordingNotes, stderrNotes } from "../../notes.js";
import { uiPathRobotAccount } from "./handler.js";
import type { RobotAccountOutputs } from "./inputs.js";

const SCALE = 300;
const WINDOW_MS = (300 * 1000) / SCALE;
const ROBOTS = "5a6b1e7c-4f8b-4c2e-9a05-7d9e6b1f2c05";
const PUT = "PUT /{organization}/identity_/api/RobotAccount/{robotAccountId}";

const settings = new SettingsUnderTest();
const h = settings.bind(uiPathRobotAccount);
const pacingNotes = recordingNotes();
let sb: Harness;
let seq = 0;

beforeAll(async () => {
  process.env[TIME_SCALE_ENV] = String(SCALE);
  setPacingNotes(pacingNotes);
  sb = await startHarness();
});
afterAll(async () => {
  delete process.env[TIME_SCALE_ENV];
  setPacingNotes(stderrNotes);
  await sb.sandbox.close();
});
beforeEach(() => {
  forgetPacers();
  pacingNotes.clear();
  settings.reset(sb.sandbox.config().env);
  sb.sandbox.setRateLimits({ vendors: [] });
  sb.sandbox.faults.clear();
});

/** `n` robots made without limits in force. */
async function robots(n: number): Promise<{ id: string; outs: RobotAccountOutputs }[]> {
  const made = [];
  for (let i = 0; i < n; i++) {
    const { inputs } = await h.check(undefined, { name: `rl-${++seq}-${Date.now().toString(36)}`, groupIds: [ROBOTS] });
    made.push(await h.create(inputs));
  }
  return made;
}

/** Every robot's display name changed at once, as the engine's parallel steps do. */
function updateAll(made: { id: string; outs: RobotAccountOutputs }[], label: string) {
  return Promise.allSettled(made.map(({ id, outs }) => h.check(outs, { name: outs.name, displayName: label, groupIds: [ROBOTS] }).then((c) => h.update(id, outs, c.inputs))));
}

describe("UiPath rate limits (sandbox windows divided by 300)", () => {
  it("paced: 170 updates against a PUT budget of 160 all succeed with no 429, the last ones one window later, and one note says so", async () => {
    const made = await robots(170);
    sb.sandbox.setRateLimits({ vendors: ["uipath"], timeScale: SCALE });
    sb.sandbox.clearRequests();
    settings.restart();
    const started = Date.now();
    const results = await updateAll(made, "paced");
    const took = Date.now() - started;
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(tally(sb.sandbox, "uipath")[`${PUT} 200`]).toBe(170);
    expect(tally(sb.sandbox, "uipath")[`${PUT} 429`]).toBeUndefined();
    expect(took).toBeGreaterThanOrEqual(WINDOW_MS);
    expect(took).toBeLessThan(3 * WINDOW_MS);
    expect(pacingNotes.recorded).toHaveLength(1);
    expect(pacingNotes.recorded[0]!.text).toContain("pacing PUT calls to the vendor's published limit of 160 per 5 minutes per organization");
  });

  it("pacing off: the same burst is refused beyond the budget, as before pacing", async () => {
    const made = await robots(170);
    sb.sandbox.setRateLimits({ vendors: ["uipath"], timeScale: SCALE });
    sb.sandbox.clearRequests();
    settings.set({ APIIDENTITY_RATE_LIMIT_PACING: "off" });
    const results = await updateAll(made, "unpaced");
    // The lifecycle's error names the resource; its cause is the transport's.
    const failed = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as Error).cause] : []));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((e) => e instanceof VendorError && e.status === 429)).toBe(true);
    expect(tally(sb.sandbox, "uipath")[`${PUT} 429`]).toBeGreaterThan(failed.length);
    expect(pacingNotes.recorded).toEqual([]);
  });

  it("refusals beyond rateLimitWaitSeconds stop the tenant: one error explains, the others point to it, few requests are refused", async () => {
    const made = await robots(20);
    sb.sandbox.clearRequests();
    // 3600 s asked, 60 s allowed (both divided by the time scale: 12 s and 0.2 s).
    sb.sandbox.faults.add({ vendor: "uipath", method: "PUT", effect: { type: "rateLimit", retryAfterSeconds: 12 } });
    settings.set({ APIIDENTITY_RATE_LIMIT_WAIT_SECONDS: "60" });
    const results = await updateAll(made, "stopped");
    const errors = results.map((r) => (r.status === "rejected" ? (r.reason as Error).cause : undefined));
    expect(errors.every((e) => e instanceof RateLimitError)).toBe(true);
    const explained = errors.filter((e) => (e as RateLimitError).first);
    expect(explained).toHaveLength(1);
    expect((explained[0] as Error).message).toContain("UiPath PUT /RobotAccount/{robotAccountId}: UiPath (");
    expect((explained[0] as Error).message).toContain("keeps refusing PUT calls for their rate (HTTP 429; its published limit is 160 PUT calls per 5 minutes per organization)");
    expect((explained[0] as Error).message).toContain("apiidentity:rateLimitWaitSeconds, or APIIDENTITY_RATE_LIMIT_WAIT_SECONDS");
    const pointed = errors.filter((e) => !(e as RateLimitError).first);
    expect(pointed.length).toBeGreaterThan(0);
    expect((pointed[0] as Error).message).toContain("not sent: the vendor's rate limit stopped this run's calls to");
    // Only the calls already in flight when the first refusal came back are refused too.
    expect(tally(sb.sandbox, "uipath")[`${PUT} 429`]).toBeLessThanOrEqual(8);
  });
});
