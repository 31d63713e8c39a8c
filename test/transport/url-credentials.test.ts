// Credentials never travel in a URL: Basic and bearer credentials go in headers, client secrets in
// the body of a token request, and neither the request line nor an error message shows them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient, basicAuth, type AuthProvider } from "../../provider/http/index.js";
import { json, noSleep, startServer, type LocalServer } from "./servers.js";

const USER = "url-admin";
const PASSWORD = "Url-Passw0rd/&=?#1";
const CLIENT_SECRET = "client-secret+/=?&#-7d2e";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.url-token-9a0b";

/** A value as it could appear in a URL: plain, percent-encoded, form-encoded. */
const spellings = (v: string) => [v, encodeURIComponent(v), new URLSearchParams({ v }).toString().slice(2)];

describe("credentials are never in a URL", () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it("Basic, bearer and token-request credentials go in headers and bodies only", async () => {
    server.seen.length = 0;
    server.answer(json(200, { ok: true }));
    const basic = new HttpClient({ vendor: "Ivanti", baseUrl: `${server.origin}/ivanti`, auth: basicAuth(USER, PASSWORD), sleep: noSleep });
    const bearer: AuthProvider = { headers: async () => ({ authorization: `Bearer ${TOKEN}` }), secrets: () => [TOKEN] };
    const verify = new HttpClient({ vendor: "IBM Verify", baseUrl: `${server.origin}/ibm-verify`, auth: bearer, sleep: noSleep });

    await basic.request({ method: "GET", path: "/api/v1/accounts/{id}", params: { id: "7" }, query: { fields: "all" } });
    await basic.request({ method: "PUT", path: "/api/v1/account/{id}", params: { id: "7" }, form: { password: PASSWORD }, secrets: [PASSWORD] });
    await verify.request({ method: "POST", path: "/oauth2/token", noAuth: true, retrySafe: true, form: { grant_type: "client_credentials", client_id: "id", client_secret: CLIENT_SECRET }, secrets: [CLIENT_SECRET] });
    await verify.request({ method: "GET", path: "/v1.0/apiclients", query: { search: 'clientName = "x"' } });

    expect(server.seen).toHaveLength(4);
    const secrets = [PASSWORD, CLIENT_SECRET, TOKEN, Buffer.from(`${USER}:${PASSWORD}`).toString("base64")];
    const inUrls = server.seen.flatMap((s) => secrets.flatMap(spellings).filter((v) => s.url.includes(v)).map((v) => `${s.method} ${s.url}: ${v}`));
    expect(inUrls).toEqual([]);
    // Where they must be (the control that this test looks at real credentials).
    expect(server.seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString("base64")}`);
    expect(new URLSearchParams(server.seen[1]!.body).get("password")).toBe(PASSWORD);
    expect(new URLSearchParams(server.seen[2]!.body).get("client_secret")).toBe(CLIENT_SECRET);
    expect(server.seen[2]!.headers.authorization).toBeUndefined();
    expect(server.seen[3]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    console.log(`transport: ${server.seen.length} requests, ${secrets.length} credentials in ${secrets.length * 3} spellings searched in their URLs, ${inUrls.length} hits`);
  });

  it("a base URL with user:password@ is refused when the client is made, and the message does not show them", async () => {
    server.seen.length = 0;
    const withCredentials = [
      `http://${USER}:${encodeURIComponent(PASSWORD)}@${server.origin.slice("http://".length)}/uptrends/v4`,
      `https://${USER}@api.uptrends.example/v4`,
      `https://:${encodeURIComponent(PASSWORD)}@api.uptrends.example/v4`,
    ];
    for (const baseUrl of withCredentials) {
      let err: unknown;
      try {
        new HttpClient({ vendor: "Uptrends", baseUrl, maxRetries: 0, sleep: noSleep });
      } catch (e) {
        err = e;
      }
      expect(err, baseUrl).toBeInstanceOf(Error);
      const message = (err as Error).message;
      expect(message).toMatch(/^Uptrends: base URL https?:\/\/[^ @]+ is refused: it carries a user name or password \(user:password@\); give credentials in the provider settings, not in the URL$/);
      for (const v of [...spellings(PASSWORD), USER]) expect(message).not.toContain(v);
    }
    expect(server.seen).toEqual([]);
    console.log(`transport: ${withCredentials.length} base URLs with user:password@ refused, 0 requests sent`);
  });
});
