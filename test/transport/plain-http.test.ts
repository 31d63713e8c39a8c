// `http://` is refused for every host but loopback: credentials never travel in clear text to a
// vendor. The check happens when a client is made, before any connection.
import { describe, expect, it } from "vitest";
import { HttpClient, assertSafeUrl } from "../../provider/http/index.js";

const REFUSED = [
  "http://example.com",
  "http://api.uptrends.com/v4",
  "http://tenant.verify.ibm.com",
  "http://cloud.uipath.com/identity_",
  "http://10.0.0.5:8080",
  "http://192.168.1.10",
  "http://0.0.0.0:8080",
  "http://[2001:db8::1]",
  "http://[::ffff:10.0.0.1]",
  "http://localhost.example.com",
  "http://sub.localhost.example",
  // Names that merely start like a loopback address resolve wherever their owner points them.
  "http://127.evil.example",
  "http://127.0.0.1.nip.io",
  "http://127.0.0.1.example.com:8080/base",
  "http://localhost./",
  "ftp://example.com",
  "ws://example.com",
  "file:///etc/passwd",
];

const ACCEPTED = [
  "https://example.com",
  "https://10.0.0.5:8443/base",
  "http://127.0.0.1:8080",
  "http://127.1.2.3",
  "http://localhost:3000/uptrends/v4",
  "http://[::1]:9000",
];

describe("plain http is refused for non-loopback hosts", () => {
  it("refuses each non-loopback http:// (and non-http) base URL when the client is made", () => {
    for (const url of REFUSED) {
      expect(() => new HttpClient({ vendor: "Uptrends", baseUrl: url }), url).toThrow(/refused: use https:\/\//);
      expect(() => assertSafeUrl(new URL(url), "Uptrends"), url).toThrow(/^Uptrends: base URL .* is refused/);
    }
  });

  it("accepts https:// anywhere and http:// on loopback (the sandbox)", () => {
    for (const url of ACCEPTED) {
      expect(() => new HttpClient({ vendor: "Uptrends", baseUrl: url }), url).not.toThrow();
    }
    console.log(`transport: ${REFUSED.length} non-loopback or non-https base URLs refused, ${ACCEPTED.length} https/loopback ones accepted`);
  });
});
