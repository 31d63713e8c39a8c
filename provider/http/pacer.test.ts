// The pacer on a fake clock: a declared window's budget, the order of waiting calls, the slow-down
// after a refusal, the budget of refusals and its one explanation, and the notes.
import { describe, expect, it } from "vitest";
import { forgetPacers, pacerFor, TenantPacer, type Clock, type PacingOptions, type RateLimits } from "./pacer.js";
import { withCallStatus } from "./pacing-settings.js";

/** A clock whose sleeps move time at once (in order of their end). */
function fakeClock(): Clock & { t: number; sleeps: number[] } {
  const c = {
    t: 0,
    sleeps: [] as number[],
    now: () => c.t,
    sleep: async (ms: number) => {
      c.sleeps.push(ms);
      c.t += ms;
      await Promise.resolve();
    },
  };
  return c;
}

const LIMITS: RateLimits = { per: "organization", limits: [{ methods: ["PUT"], requests: 3, windowSeconds: 10 }] };
const ON: PacingOptions = { on: true, waitBudgetMs: 60_000, timeScale: 1 };

/** A pacer for a vendor with LIMITS, or with no published limit (`"none"`). */
function pacer(declared: RateLimits | "none" = LIMITS) {
  const clock = fakeClock();
  const notes: string[] = [];
  const p = new TenantPacer("Vendor", "https://v.example/org", declared === "none" ? undefined : declared, (n) => notes.push(n));
  return { clock, notes, p };
}

/** The times each call is let go, calls asked one after the other. */
async function sendTimes(p: TenantPacer, clock: Clock & { t: number }, n: number, method: "PUT" | "GET" | "DELETE" = "PUT", options = ON): Promise<number[]> {
  const at: number[] = [];
  for (let i = 0; i < n; i++) {
    const sent = await p.acquire(method, options, clock);
    sent();
    at.push(clock.t);
  }
  return at;
}

describe("TenantPacer: a declared limit", () => {
  it("lets the budget go at once and each further budget one window (and its margin) later", async () => {
    const { p, clock, notes } = pacer();
    const at = await sendTimes(p, clock, 7);
    expect(at.slice(0, 3)).toEqual([0, 0, 0]);
    // 10 s window + a margin of 1 % of it for the way to the vendor.
    expect(at.slice(3, 6)).toEqual([10_100, 10_100, 10_100]);
    expect(at[6]).toBe(20_200);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain("pacing PUT calls to the vendor's published limit of 3 per 10 s per organization");
    expect(notes[0]).toContain("The next ones go out in about 10 s");
    expect(notes[0]).toContain("each further 3 calls add about 10 s");
    expect(notes[0]).toContain("apiidentity:rateLimitPacing");
  });

  it("counts from the time a call really left, not the time it was let go", async () => {
    const { p, clock } = pacer();
    const marks: (() => void)[] = [];
    for (let i = 0; i < 3; i++) marks.push(await p.acquire("PUT", ON, clock));
    clock.t = 2_000;
    marks[0]!();
    const fourth = p.acquire("PUT", ON, clock);
    await fourth;
    expect(clock.t).toBe(12_100);
  });

  it("keeps call classes apart: other methods are not held back", async () => {
    const { p, clock } = pacer();
    await sendTimes(p, clock, 3);
    expect(await sendTimes(p, clock, 5, "GET")).toEqual([0, 0, 0, 0, 0]);
  });

  it("lets calls asked at once go in the order they asked", async () => {
    const { p, clock } = pacer();
    const order: number[] = [];
    // Not marked as sent: the fake clock jumps at the start of a sleep, which would move the marks.
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        await p.acquire("PUT", ON, clock);
        order.push(i);
      }),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(clock.t).toBe(10_100);
  });

  it("divides the declared window by the time scale", async () => {
    const { p, clock } = pacer();
    const at = await sendTimes(p, clock, 4, "PUT", { ...ON, timeScale: 10 });
    expect(at[3]).toBe(1_050);
  });
});

describe("TenantPacer: refusals for rate", () => {
  it("pauses the class for Retry-After, then spaces its calls for the rest of the process", async () => {
    const { p, clock, notes } = pacer("none");
    await sendTimes(p, clock, 3, "PUT");
    expect(p.rateLimited("PUT", 2_000, ON, "the setting", clock)).toEqual({ stop: false });
    // A second refusal of a call already in flight neither lengthens the pause nor slows further.
    expect(p.rateLimited("PUT", 2_000, ON, "the setting", clock)).toEqual({ stop: false });
    const at = await sendTimes(p, clock, 3, "PUT");
    expect(at).toEqual([2_000, 2_010, 2_020]);
    expect(await sendTimes(p, clock, 1, "GET")).toEqual([2_020]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain("refused a PUT call for its rate (HTTP 429): its PUT calls wait 2 s as the vendor asks, then go out at most one every 10 ms");
  });

  it("slows to half the rate it was sending at since the last pause, and never speeds up again", async () => {
    const { p, clock } = pacer("none");
    for (let i = 0; i < 5; i++) {
      (await p.acquire("PUT", ON, clock))();
      clock.t += 30;
    }
    p.rateLimited("PUT", 1_000, ON, "s", clock);
    await sendTimes(p, clock, 1, "PUT");
    // Refused again right after the pause (one send since): no rate to halve, the spacing stays.
    p.rateLimited("PUT", 1_000, ON, "s", clock);
    let at = await sendTimes(p, clock, 3, "PUT");
    expect([at[1]! - at[0]!, at[2]! - at[1]!]).toEqual([60, 60]);
    // Refused while sending one every 60 ms: half that rate.
    p.rateLimited("PUT", 1_000, ON, "s", clock);
    at = await sendTimes(p, clock, 2, "PUT");
    expect(at[1]! - at[0]!).toBe(120);
  });

  it("honours a Retry-After longer than 30 s within the budget", async () => {
    const { p, clock } = pacer("none");
    expect(p.rateLimited("DELETE", 45_000, ON, "s", clock).stop).toBe(false);
    expect(await sendTimes(p, clock, 1, "DELETE")).toEqual([45_000]);
  });

  it("stops once the refusals would cost more than the budget: one message naming the vendor, the limit and the setting", async () => {
    const { p, clock } = pacer();
    const options = { ...ON, waitBudgetMs: 30_000 };
    expect(p.rateLimited("PUT", 20_000, options, "apiidentity:rateLimitWaitSeconds", clock).stop).toBe(false);
    const out = p.rateLimited("PUT", 300_000, options, "apiidentity:rateLimitWaitSeconds", clock);
    expect(out.stop).toBe(true);
    const message = out.stop ? out.message : "";
    expect(message).toContain("Vendor (https://v.example/org) keeps refusing PUT calls for their rate (HTTP 429; its published limit is 3 PUT calls per 10 s per organization)");
    expect(message).toContain("it asks to wait 5 min more");
    expect(message).toContain("20 s of the 30 s allowed (apiidentity:rateLimitWaitSeconds)");
    expect(p.stoppedBy()).toBe(message);
    expect(p.rateLimited("GET", 1, options, "s", clock)).toEqual({ stop: true, first: false, message });
  });

  it("a vendor that publishes no limit is named so in the stop message", async () => {
    const { p, clock } = pacer("none");
    const out = p.rateLimited("GET", 10_000, { ...ON, waitBudgetMs: 5_000 }, "s", clock);
    expect(out.stop && out.message).toContain("it publishes no limit");
  });
});

describe("pacerFor: one budget per tenant and process", () => {
  it("clients of one vendor and base URL share a pacer; another tenant or vendor has its own", async () => {
    forgetPacers();
    const note = () => undefined;
    const acme = pacerFor("UiPath", "https://cloud.uipath.com/acme/identity_/api/", LIMITS, note);
    expect(pacerFor("UiPath", "https://cloud.uipath.com/acme/identity_/api/", LIMITS, note)).toBe(acme);
    const other = pacerFor("UiPath", "https://cloud.uipath.com/other/identity_/api/", LIMITS, note);
    expect(other).not.toBe(acme);
    expect(pacerFor("Uptrends", "https://cloud.uipath.com/acme/identity_/api/", undefined, note)).not.toBe(acme);
    // Spending one tenant's budget leaves the other's whole.
    const clock = fakeClock();
    for (let i = 0; i < 3; i++) await acme.acquire("PUT", ON, clock);
    expect(acme.tryAcquire("PUT", ON, clock)).toBeUndefined();
    expect(other.tryAcquire("PUT", ON, clock)).toBeTypeOf("function");
    forgetPacers();
    expect(pacerFor("UiPath", "https://cloud.uipath.com/acme/identity_/api/", LIMITS, note)).not.toBe(acme);
  });
});

describe("the status of a resource whose call waits", () => {
  it("says how long and why, once per wait of a second or more, where the call's process shows it", async () => {
    const { p, clock } = pacer();
    const shown: string[] = [];
    const call = () => withCallStatus((text) => shown.push(text), () => p.acquire("PUT", ON, clock));
    for (let i = 0; i < 3; i++) await call();
    expect(shown).toEqual([]);
    await call();
    expect(shown).toEqual(["waiting about 10 s for Vendor: its limit of 3 PUT calls per 10 s per organization"]);
    p.rateLimited("PUT", 5_000, ON, "s", clock);
    await call();
    expect(shown[1]).toBe("waiting about 5 s for Vendor: it refused a call for its rate (HTTP 429)");
    // Outside any such place (the dynamic provider), nothing is shown and nothing fails.
    await p.acquire("PUT", ON, clock);
  });
});
