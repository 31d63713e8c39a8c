import { describe, expect, it } from "vitest";
import { resolveSettings } from "../../settings.js";
import { basicAuth, describeUptrendsError, uptrendsClient, uptrendsSettings } from "./client.js";

describe("Uptrends client pieces", () => {
  it("joins the vendor's MessageList into one line", () => {
    expect(describeUptrendsError({ Messages: [{ Message: "FullName is required." }, { Message: "Email is required." }] })).toEqual({
      message: "FullName is required. Email is required",
    });
  });

  it("keeps a non-JSON error body as text and gives nothing for an empty one", () => {
    expect(describeUptrendsError("Service Unavailable")).toEqual({ message: "Service Unavailable" });
    expect(describeUptrendsError(undefined)).toEqual({});
    expect(describeUptrendsError({ Messages: [] })).toEqual({});
  });

  it("sends HTTP Basic and declares the password (and the encoded pair) for redaction", async () => {
    const a = basicAuth("user", "pass-word-1");
    const h = await a.headers();
    expect(h.authorization).toBe("Basic " + Buffer.from("user:pass-word-1").toString("base64"));
    expect(a.secrets?.()).toEqual(["pass-word-1", Buffer.from("user:pass-word-1").toString("base64")]);
    expect(a.invalidate).toBeUndefined();
  });

  it("reads settings from stack config first, defaults the base URL, and names what is missing", () => {
    const config = (k: string) => ({ "apiidentity:uptrendsUsername": "u", "apiidentity:uptrendsPassword": "p" })[k];
    expect(uptrendsSettings(resolveSettings({ config, env: {} }))).toEqual({ baseUrl: "https://api.uptrends.com/v4", username: "u", password: "p" });
    expect(() => uptrendsSettings(resolveSettings({ env: { UPTRENDS_USERNAME: "u" } }))).toThrow(/apiidentity:uptrends(Username|Password).*UPTRENDS_(USERNAME|PASSWORD)/);
  });

  it("keeps one client per settings value", () => {
    const env = { UPTRENDS_USERNAME: "u", UPTRENDS_PASSWORD: "p" };
    const s = resolveSettings({ env });
    expect(uptrendsClient(s)).toBe(uptrendsClient(s));
    expect(uptrendsClient(s)).not.toBe(uptrendsClient(resolveSettings({ env: { ...env, UPTRENDS_PASSWORD: "q" } })));
  });

  it("refuses plain http to a non-loopback host", () => {
    expect(() => uptrendsClient(resolveSettings({ env: { UPTRENDS_BASE_URL: "http://api.uptrends.com/v4", UPTRENDS_USERNAME: "u", UPTRENDS_PASSWORD: "p" } }))).toThrow(/refused/);
  });
});
