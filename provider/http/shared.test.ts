import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseAnswer, UnexpectedAnswerError } from "./answer.js";
import { basicAuth } from "./basic-auth.js";
import { PerSettings } from "./per-settings.js";

describe("PerSettings", () => {
  it("one client per distinct settings; clear() starts over", () => {
    let made = 0;
    const cache = new PerSettings((s: { url: string; secret: string }) => ({ n: ++made, url: s.url }));
    const a = cache.get({ url: "https://a", secret: "s1" });
    expect(cache.get({ url: "https://a", secret: "s1" })).toBe(a);
    expect(cache.get({ url: "https://a", secret: "s2" })).not.toBe(a);
    cache.clear();
    expect(cache.get({ url: "https://a", secret: "s1" })).not.toBe(a);
    expect(made).toBe(3);
  });
});

describe("parseAnswer", () => {
  it("names the call, the fields and the rules, never the values", () => {
    const schema = z.object({ id: z.string(), password: z.string() });
    const e = (() => {
      try {
        parseAnswer(schema, { id: 42, password: 1234567 }, "Vendor", "POST /users");
      } catch (x) {
        return x as Error;
      }
    })();
    expect(e).toBeInstanceOf(UnexpectedAnswerError);
    expect(e?.message).toMatch(/^Vendor: unexpected answer to POST \/users \(id: .*; password: .*\); the API may have changed$/);
    expect(e?.message).not.toMatch(/42|1234567/);
    expect(parseAnswer(schema, { id: "x", password: "p" }, "Vendor", "GET /users/{id}")).toEqual({ id: "x", password: "p" });
  });
});

describe("basicAuth", () => {
  it("sends Basic credentials and declares both the password and the encoded pair secret", async () => {
    const a = basicAuth("user", "pw-123456");
    const encoded = Buffer.from("user:pw-123456").toString("base64");
    expect(await a.headers()).toEqual({ authorization: `Basic ${encoded}` });
    expect(a.secrets?.()).toEqual(["pw-123456", encoded]);
  });
});
