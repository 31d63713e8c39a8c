// A redirect to another origin never carries credentials. Two local servers on two 127.0.0.1 ports
// are two origins: the first answers every call with a redirect to the second, which records what
// reaches it. The transport follows no redirect, so the second must not see a single credential.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient, VendorError, basicAuth, type AuthProvider, type HttpMethod } from "../../provider/http/index.js";
import { noSleep, redirect, startServer, type LocalServer } from "./servers.js";

const PASSWORD = "Redirect-Passw0rd-91";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.redirect-token-4f1c";
const STATUSES = [301, 302, 303, 307, 308];
const METHODS: HttpMethod[] = ["GET", "POST", "PUT", "DELETE"];
const CREDENTIAL_HEADERS = ["authorization", "x-authorization", "proxy-authorization", "cookie"];

const bearer: AuthProvider = { headers: async () => ({ authorization: `Bearer ${TOKEN}` }), secrets: () => [TOKEN] };
// Automation Anywhere's scheme: the token in its own header.
const xAuthorization: AuthProvider = { headers: async () => ({ "x-authorization": TOKEN }), secrets: () => [TOKEN] };
const SCHEMES: [string, AuthProvider][] = [
  ["basic", basicAuth("api-admin", PASSWORD)],
  ["bearer", bearer],
  ["x-authorization", xAuthorization],
];

describe("redirects to another origin", () => {
  let first: LocalServer;
  let second: LocalServer;
  beforeAll(async () => {
    first = await startServer();
    second = await startServer();
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it("two ports are two origins", () => {
    expect(new URL(first.origin).origin).not.toBe(new URL(second.origin).origin);
  });

  it("never carry Authorization or X-Authorization to the second origin, for any status, method or scheme", async () => {
    let calls = 0;
    for (const status of STATUSES) {
      first.answer(redirect(status, `${second.origin}/landing?from=${status}`));
      for (const [scheme, auth] of SCHEMES) {
        const client = new HttpClient({ vendor: "Vendor", baseUrl: `${first.origin}/api`, auth, sleep: noSleep });
        for (const method of METHODS) {
          const err = await client.request({ method, path: "/things/{id}", params: { id: "1" }, json: method === "GET" || method === "DELETE" ? undefined : { password: PASSWORD } }).then(
            () => undefined,
            (e: unknown) => e,
          );
          calls++;
          // The redirect is an answer the call did not expect: an error naming the call and the status.
          expect(err, `${status} ${scheme} ${method}`).toBeInstanceOf(VendorError);
          expect((err as VendorError).status).toBe(status);
          expect((err as Error).message).toContain(`Vendor ${method} /things/{id} failed with HTTP ${status}`);
          expect((err as Error).message).not.toContain(PASSWORD);
          expect((err as Error).message).not.toContain(TOKEN);
        }
      }
    }
    // The first origin did get the credentials (the control that the clients sent them at all).
    expect(first.seen.length).toBe(calls);
    expect(first.seen.every((s) => s.headers.authorization !== undefined || s.headers["x-authorization"] !== undefined)).toBe(true);
    const leaked = second.seen.filter((s) => CREDENTIAL_HEADERS.some((h) => s.headers[h] !== undefined) || s.url.includes(TOKEN) || s.body.includes(PASSWORD));
    expect(leaked).toEqual([]);
    console.log(
      `transport: ${calls} calls redirected to another origin (${STATUSES.length} statuses x ${SCHEMES.length} auth schemes x ${METHODS.length} methods), ${second.seen.length} requests reached it, ${leaked.length} with a credential`,
    );
  });
});
