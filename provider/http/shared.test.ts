import { describe, expect, it } from "vitest";
import * as z from "zod";
import { parseAnswer, UnexpectedAnswerError } from "./answer.js";
import { basicAuth } from "./basic-auth.js";
import { markFreshResolution, PerSettings } from "./per-settings.js";

describe("PerSettings", () => {
  it("one client per distinct settings; clear() starts over", () => {
    let made = 0;
    const cache = new PerSettings((s: { url: string; secret: string }) => ({ n: ++made, url: s.url }));
    const a = cache.get({ url: "https://a", secret: "s1" });
    expect(cache.get({ url: "https://a", secret: "s1" })).toBe(a);
    expect(cache.get({ url: "https://a", secret: "s2" })).not.toBe(a);
    void cache.clear();
    expect(cache.get({ url: "https://a", secret: "s1" })).not.toBe(a);
    expect(made).toBe(3);
  });

  it("a settings value resolved on its own gets clients of its own, as a new provider process would", () => {
    const cache = new PerSettings((s: { url: string }) => ({ url: s.url }));
    const first = markFreshResolution({ url: "https://a" });
    const again = markFreshResolution({ url: "https://a" });
    expect(cache.get(first)).toBe(cache.get(first));
    expect(cache.get(again)).not.toBe(cache.get(first));
  });

  it("clear() closes the clients it drops", async () => {
    const closed: string[] = [];
    const cache = new PerSettings((s: { url: string }) => ({ close: async () => void closed.push(s.url) }));
    cache.get({ url: "https://a" });
    cache.get({ url: "https://b" });
    await cache.clear();
    expect(closed.sort()).toEqual(["https://a", "https://b"]);
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
