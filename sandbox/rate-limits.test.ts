// The sandbox's enforcement of published rate limits, on its own clock: rolling windows per vendor,
// tenant and call class, Retry-After until the oldest call leaves the window, the time scale, and
// the CLI's refusals of a vendor without limits or a bad scale.
import { describe, expect, it } from "vitest";
import { main } from "./cli.js";
import { RateLimiter } from "./rate-limits.js";
import type { VendorModule } from "./types.js";

const limited = {
  id: "toy",
  rateLimits: {
    tenantOf: (path: string) => /^\/(\w+)\/api\//.exec(path)?.[1],
    limits: [
      { methods: ["PUT", "PATCH"], requests: 2, windowSeconds: 60 },
      { methods: ["GET"], requests: 3, windowSeconds: 60 },
    ],
  },
} as unknown as VendorModule;
const unlimited = { id: "plain" } as unknown as VendorModule;

describe("RateLimiter", () => {
  it("admits nothing extra unless the vendor is enforced", () => {
    const r = new RateLimiter([limited, unlimited]);
    for (let i = 0; i < 10; i++) expect(r.admit(limited, "PUT", "/a/api/x", 0)).toBeUndefined();
  });

  it("refuses beyond a class's budget per tenant, with the seconds until the oldest call leaves the window", () => {
    const r = new RateLimiter([limited]);
    r.set({ vendors: ["toy"] });
    expect(r.admit(limited, "PUT", "/a/api/x", 0)).toBeUndefined();
    expect(r.admit(limited, "PATCH", "/a/api/x", 10_000)).toBeUndefined();
    expect(r.admit(limited, "PUT", "/a/api/x", 20_000)).toEqual({ retryAfterSeconds: 40 });
    // Another tenant, another class, a path the limits do not cover: budgets of their own or none.
    expect(r.admit(limited, "PUT", "/b/api/x", 20_000)).toBeUndefined();
    expect(r.admit(limited, "GET", "/a/api/x", 20_000)).toBeUndefined();
    expect(r.admit(limited, "POST", "/a/api/x", 20_000)).toBeUndefined();
    expect(r.admit(limited, "PUT", "/token", 20_000)).toBeUndefined();
    // Refused calls are not counted: the window frees when the oldest admitted call leaves it.
    expect(r.admit(limited, "PUT", "/a/api/x", 60_001)).toBeUndefined();
    expect(r.admit(limited, "PUT", "/a/api/x", 60_002)).toEqual({ retryAfterSeconds: 10 });
  });

  it("divides the windows by the time scale, and asks for at least a second", () => {
    const r = new RateLimiter([limited]);
    r.set({ vendors: ["toy"], timeScale: 60 });
    r.admit(limited, "PUT", "/a/api/x", 0);
    r.admit(limited, "PUT", "/a/api/x", 0);
    expect(r.admit(limited, "PUT", "/a/api/x", 500)).toEqual({ retryAfterSeconds: 1 });
    expect(r.admit(limited, "PUT", "/a/api/x", 1_001)).toBeUndefined();
  });

  it("refuses to enforce a vendor without published limits, or a scale that is not positive", () => {
    const r = new RateLimiter([limited, unlimited]);
    expect(() => r.set({ vendors: ["plain"] })).toThrow("plain publishes no rate limit to enforce (vendors with limits: toy)");
    expect(() => r.set({ vendors: ["nobody"] })).toThrow("no vendor 'nobody'");
    expect(() => r.set({ vendors: ["toy"], timeScale: 0 })).toThrow("time scale must be a positive number");
  });
});

describe("apiidentity-sandbox --rate-limits", () => {
  it("exits 2 naming the problem for a vendor without published limits or a bad --time-scale", async () => {
    const err: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
    try {
      expect(await main(["--rate-limits", "ivanti"])).toBe(2);
      expect(await main(["--rate-limits", "uipath", "--time-scale", "fast"])).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(err.join("")).toContain("ivanti publishes no rate limit to enforce (vendors with limits: uipath)");
    expect(err.join("")).toContain("--time-scale must be a positive number, got fast");
  });
});
