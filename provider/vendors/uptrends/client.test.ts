import { afterEach, describe, expect, it } from "vitest";
import { setStackConfig } from "../../config.js";
import { basicAuth, describeUptrendsError, uptrendsClient, uptrendsSettings } from "./client.js";

describe("Uptrends client pieces", () => {
  afterEach(() => setStackConfig(() => undefined));

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
    setStackConfig((k) => ({ "apiidentity:uptrendsUsername": "u", "apiidentity:uptrendsPassword": "p" })[k]);
    const saved = process.env.UPTRENDS_BASE_URL;
    delete process.env.UPTRENDS_BASE_URL;
    try {
      expect(uptrendsSettings()).toEqual({ baseUrl: "https://api.uptrends.com/v4", username: "u", password: "p" });
    } finally {
      if (saved !== undefined) process.env.UPTRENDS_BASE_URL = saved;
    }
    setStackConfig(() => undefined);
    const savedPw = process.env.UPTRENDS_PASSWORD;
    delete process.env.UPTRENDS_PASSWORD;
    try {
      expect(() => uptrendsSettings()).toThrow(/apiidentity:uptrends(Username|Password).*UPTRENDS_(USERNAME|PASSWORD)/);
    } finally {
      if (savedPw !== undefined) process.env.UPTRENDS_PASSWORD = savedPw;
    }
  });

  it("keeps one client per distinct settings", () => {
    const s = { baseUrl: "https://api.uptrends.com/v4", username: "u", password: "p" };
    expect(uptrendsClient(s)).toBe(uptrendsClient({ ...s }));
    expect(uptrendsClient(s)).not.toBe(uptrendsClient({ ...s, password: "q" }));
  });

  it("refuses plain http to a non-loopback host", () => {
    expect(() => uptrendsClient({ baseUrl: "http://api.uptrends.com/v4", username: "u", password: "p" })).toThrow(/refused/);
  });
});
