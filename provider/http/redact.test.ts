import { describe, expect, it } from "vitest";
import { REDACTED, redactHeaders, redactText, redactValue } from "./redact.js";
import { backoffDelay, parseRetryAfter } from "./backoff.js";

describe("redaction", () => {
  it("masks secret-named fields at any depth", () => {
    const v = redactValue({ user: "a", password: "p", deep: [{ clientSecret: "s", apiKey: "k", access_token: "t" }] });
    expect(v).toEqual({ user: "a", password: REDACTED, deep: [{ clientSecret: REDACTED, apiKey: REDACTED, access_token: REDACTED }] });
  });
  it("masks the user and password of a URL (a proxy's), keeping its host", () => {
    const text = "tunnel via http://corp%5Cjdoe:Pr0xy-Secret@proxy.example:3128 and https://svc@10.0.0.1/ failed; https://plain.example/x";
    const out = redactText(text);
    expect(out).toBe(`tunnel via http://${REDACTED}@proxy.example:3128 and https://${REDACTED}@10.0.0.1/ failed; https://plain.example/x`);
    expect(out).not.toContain("Pr0xy-Secret");
    expect(out).not.toContain("jdoe");
  });
  it("masks auth headers", () => {
    expect(redactHeaders({ authorization: "Basic x", "x-authorization": "jwt", accept: "json" })).toEqual({
      authorization: REDACTED,
      "x-authorization": REDACTED,
      accept: "json",
    });
  });
  it("masks known values, bearer/basic credentials and key=value pairs in text", () => {
    const t = redactText('bad "password":"hunter22" token=abc123 Bearer eyJhbGciOi.x.y value s3cr3tValue', ["s3cr3tValue"]);
    expect(t).not.toMatch(/hunter22|abc123|eyJhbGciOi|s3cr3tValue/);
  });
  it("leaves validation prose readable", () => {
    const msg = "password: Password must be at least 8 characters (Size on password)";
    expect(redactText(msg)).toBe(msg);
  });
});

describe("backoff", () => {
  it("full jitter stays below the exponential ceiling", () => {
    expect(backoffDelay(0, { baseMs: 100, maxMs: 1000 }, () => 0.999)).toBe(99);
    expect(backoffDelay(3, { baseMs: 100, maxMs: 1000 }, () => 0.999)).toBe(799);
    expect(backoffDelay(10, { baseMs: 100, maxMs: 1000 }, () => 0.999)).toBe(999);
    expect(backoffDelay(2, { baseMs: 100, maxMs: 1000 }, () => 0)).toBe(0);
  });
  it("parses Retry-After seconds and dates, capped", () => {
    expect(parseRetryAfter("2", 10_000)).toBe(2000);
    expect(parseRetryAfter("120", 10_000)).toBe(10_000);
    expect(parseRetryAfter(new Date(1_000_000 + 4000).toUTCString(), 10_000, 1_000_000)).toBe(4000);
    expect(parseRetryAfter("soon", 10_000)).toBeUndefined();
    expect(parseRetryAfter(undefined, 10_000)).toBeUndefined();
  });
});
