// The rateLimit* settings as the transport reads them: defaults, values it refuses by name, the time scale.
import { afterEach, describe, expect, it } from "vitest";
import { ConfigurationError } from "../error-root.js";
import { currentPacing, pacingOf, TIME_SCALE_ENV, withPacingOf } from "./pacing-settings.js";

afterEach(() => {
  delete process.env[TIME_SCALE_ENV];
});

describe("pacingOf", () => {
  it("paces by default, with a budget of 300 s", () => {
    expect(pacingOf({})).toEqual({ on: true, waitBudgetMs: 300_000, timeScale: 1 });
    expect(pacingOf({ rateLimitPacing: "OFF", rateLimitWaitSeconds: "45" })).toEqual({ on: false, waitBudgetMs: 45_000, timeScale: 1 });
  });

  it("refuses a value the setting does not take, naming the setting and its variable", () => {
    expect(() => pacingOf({ rateLimitPacing: "maybe" })).toThrow(ConfigurationError);
    expect(() => pacingOf({ rateLimitPacing: "maybe" })).toThrow("apiidentity:rateLimitPacing (or APIIDENTITY_RATE_LIMIT_PACING) is 'maybe'; give on or off");
    expect(() => pacingOf({ rateLimitWaitSeconds: "soon" })).toThrow("apiidentity:rateLimitWaitSeconds (or APIIDENTITY_RATE_LIMIT_WAIT_SECONDS) is 'soon'; give a number of seconds, 0 or more");
    expect(() => pacingOf({ rateLimitWaitSeconds: "-1" })).toThrow(ConfigurationError);
  });

  it("divides the budget by the time scale a test sets", () => {
    process.env[TIME_SCALE_ENV] = "60";
    expect(pacingOf({ rateLimitWaitSeconds: "300" })).toEqual({ on: true, waitBudgetMs: 5_000, timeScale: 60 });
  });

  it("a scope gives the clients made in it the pacing of its settings", () => {
    expect(withPacingOf({ rateLimitPacing: "off" }, () => currentPacing().on)).toBe(false);
    expect(currentPacing().on).toBe(true);
  });
});
