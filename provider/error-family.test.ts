// Every error the product throws on purpose descends from ApiIdentityError and keeps its cause, and
// none is recognised by its name string: the classes are checked one by one, and the sources for
// a class outside the family or a bare `throw new Error(`. The transport's ProxyError is also met as the user
// meets it, through a proxy that refuses and one that drops: the call, the proxy's answer, what to do, no secret.
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { CommandRunError, UsageError } from "../cli/errors.js";
import { ProbeCannotRun } from "./probe.js";
import { ApiIdentityError, ConfigurationError, CreatedButFailedError } from "./error-root.js";
import { AdoptionError, LookupError, LostCreateError, OutcomeUnknownError, VendorCallError, describeFailure, reworded } from "./errors.js";
import { HttpClient, TokenError, TransportError, UnexpectedAnswerError, VendorError } from "./http/index.js";
import { ProxyError } from "./http/network.js";
import { UnknownRolesError } from "./vendors/automation-anywhere/roles.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cause = new Error("underneath");
const refused = { vendor: "Acme", method: "POST", pathTemplate: "/things", status: 400, vendorMessage: "no" };
const lost = { vendor: "Acme", method: "POST", pathTemplate: "/things", code: "CONNECTION" as const, detail: "reset", outcomeUnknown: true };
const badAnswer = z.object({ id: z.string() }).safeParse({}).error!;

/** One instance of each exported error class, made with `cause` wherever its constructor takes one. */
const family: [string, Error, boolean][] = [
  ["ApiIdentityError", new ApiIdentityError("m", { cause }), true],
  ["ConfigurationError", new ConfigurationError("m", { cause }), true],
  ["CreatedButFailedError", new CreatedButFailedError("m", "7", {}, { cause }), true],
  ["VendorCallError", new VendorCallError("m", { cause }), true],
  ["OutcomeUnknownError", new OutcomeUnknownError("m", { cause }), true],
  ["LookupError", new LookupError("m", { cause }), true],
  ["AdoptionError", new AdoptionError("K", "7", "gone", "check it", { cause }), true],
  ["LostCreateError", new LostCreateError("K", "creating", "look", { cause }), true],
  ["TokenError", new TokenError("m", { cause }), true],
  ["TransportError", new TransportError({ ...lost, cause }), true],
  ["ProxyError", new ProxyError("http://proxy.example.com:3128", undefined, { cause }), true],
  ["ProbeCannotRun", new ProbeCannotRun("m", { cause }), true],
  ["UsageError", new UsageError("m", { cause }), true],
  ["CommandRunError", new CommandRunError("m", { cause }), true],
  // These two are the vendor's or the schema's answer itself: nothing underneath to keep.
  ["VendorError", new VendorError(refused), false],
  ["UnexpectedAnswerError", new UnexpectedAnswerError("Acme", "GET /things", badAnswer), false],
  ["UnknownRolesError", new UnknownRolesError(["r"], "(none)"), false],
];

describe("one error family", () => {
  it.each(family)("%s descends from ApiIdentityError, is named for its class and keeps its cause", (name, e, hasCause) => {
    expect(e).toBeInstanceOf(ApiIdentityError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe(name);
    if (hasCause) expect(e.cause).toBe(cause);
  });

  it("the user-facing wording keeps the error underneath as cause, and its kind", () => {
    const v = new VendorError(refused);
    const worded = describeFailure("K", "creating", v);
    expect(worded).toBeInstanceOf(VendorCallError);
    expect(worded.cause).toBe(v);
    const again = reworded(worded, "more words");
    expect(again).toBeInstanceOf(VendorCallError);
    expect(again.cause).toBe(v);
    const t = new TransportError({ ...lost, cause });
    expect(reworded(t, "x").cause).toBe(t);
    expect(reworded(new ConfigurationError("m"), "x")).toBeInstanceOf(ConfigurationError);
    // A class whose constructor takes more than a message is reworded as the root, never half-built.
    expect(reworded(new AdoptionError("K", "7", "a", "b"), "x").message).toBe("x");
  });

  const sources = ["provider", "sdk", "cli"]
    .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: "utf8" }).map((f) => `${dir}/${f}`))
    .filter((f) => /\.c?ts$/.test(f) && !/\.test\.ts$|test-server\.ts$/.test(f));

  it("no product class extends Error except the root, and nothing throws a bare Error", () => {
    const found: string[] = [];
    for (const f of sources) {
      const text = readFileSync(join(root, f), "utf8");
      for (const m of text.matchAll(/class (\w+) extends Error\b/g)) if (f !== "provider/error-root.ts") found.push(`${f}: ${m[1]} extends Error`);
      if (/throw new Error\(/.test(text)) found.push(`${f}: throw new Error(`);
    }
    expect(found).toEqual([]);
  });

  it("no error is recognised by its name string", () => {
    const found: string[] = [];
    for (const f of sources) {
      const text = readFileSync(join(root, f), "utf8");
      for (const m of text.matchAll(/\.name\s*[!=]==\s*"(\w*Error\w*)"/g)) found.push(`${f}: ${m[0]}`);
    }
    // The network library's abort (a DOMException, no class of ours) is the one known by its name.
    expect(found).toEqual(['provider/http/client.ts: .name === "AbortError"']);
  });
});

describe("the transport's ProxyError, as the user reads it", () => {
  const secret = "Pr0xy-S3cret-Word";
  /** A proxy that answers every CONNECT with 407, and one that drops the connection unanswered. */
  const proxies = new Map<"refusing" | "dropping", { server: Server; port: number }>();
  const listen = (onConnection: (s: Socket) => void) =>
    new Promise<{ server: Server; port: number }>((res) => {
      const server = createServer(onConnection);
      server.listen(0, "127.0.0.1", () => res({ server, port: (server.address() as { port: number }).port }));
    });
  beforeAll(async () => {
    proxies.set("refusing", await listen((s) => s.once("data", () => s.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n'))));
    proxies.set("dropping", await listen((s) => s.once("data", () => s.destroy())));
  });
  afterAll(async () => {
    for (const p of proxies.values()) await new Promise((res) => p.server.close(res));
  });

  /** What a vendor call through proxy `which` (given with a user and password in its URL) fails with. */
  async function failure(port: number): Promise<TransportError> {
    const client = new HttpClient({ vendor: "Acme", baseUrl: "https://acme.example.com/api", maxRetries: 0, sleep: async () => undefined, network: { proxyUrl: `http://proxy-user:${secret}@127.0.0.1:${port}` } });
    const e = await client.request({ method: "POST", path: "/things", json: { name: "x" } }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(TransportError);
    return e as TransportError;
  }

  it.each([
    ["refusing", /the proxy http:\/\/127\.0\.0\.1:\d+ refused the tunnel with HTTP 407/, /give them in the proxy URL/],
    ["dropping", /the proxy http:\/\/127\.0\.0\.1:\d+ could not open a tunnel/, /check that the proxy runs and its host and port are right/],
  ] as const)("a %s proxy: the call, the proxy's answer, what to do, and never its credentials", async (which, answer, advice) => {
    const port = proxies.get(which)!.port;
    const e = await failure(port);
    expect(e.code).toBe("PROXY");
    // Nothing reached the vendor: a create through it did not happen.
    expect(e.outcomeUnknown).toBe(false);
    expect(e.message).toMatch(/^Acme POST \/things: /);
    expect(e.message).toMatch(answer);
    expect(e.message).toContain("so nothing reached the vendor");
    expect(e.message).toMatch(advice);
    expect(e.message).toContain("apiidentity:proxyUrl");
    // The family's own: from the root, the ProxyError kept underneath, named by its origin only.
    expect(e).toBeInstanceOf(ApiIdentityError);
    let proxyError: unknown = e.cause;
    while (proxyError instanceof Error && !(proxyError instanceof ProxyError)) proxyError = proxyError.cause;
    expect(proxyError).toBeInstanceOf(ProxyError);
    expect((proxyError as ProxyError).origin).toBe(`http://127.0.0.1:${port}`);
    const shown = inspect(e, { depth: 10 });
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain("proxy-user");
  });
});
