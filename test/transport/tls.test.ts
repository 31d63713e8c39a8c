// TLS verification is never turned off: no tracked code names the switches that would do it, and a
// server whose certificate no trusted authority signed never receives a request (nor a credential).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient, TransportError, basicAuth } from "../../provider/http/index.js";
import { noSleep, selfSigned, startServer, type LocalServer } from "./servers.js";

const here = fileURLToPath(import.meta.url);
const repoRoot = resolve(dirname(here), "../..");
const self = relative(repoRoot, here);

// Spelled in pieces so that this file does not match its own search.
const SWITCHES = new RegExp(["reject" + "Unauthorized", "NODE_TLS_" + "REJECT_UNAUTHORIZED", "check" + "ServerIdentity", "insecure" + "HTTPParser"].join("|"));

describe("TLS verification", () => {
  it("no tracked code or script disables certificate verification", () => {
    const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: repoRoot, encoding: "utf8" }).split("\0").filter(Boolean);
    const code = tracked.filter((f) => f !== self && (/\.(ts|cts|mts|js|cjs|mjs|sh)$/.test(f) || /(^|\/)package\.json$/.test(f) || f.startsWith(".ci/")));
    expect(code.filter((f) => f.startsWith("provider/")).length).toBeGreaterThan(50);
    const hits = code.flatMap((f) =>
      readFileSync(join(repoRoot, f), "utf8")
        .split("\n")
        .flatMap((line, i) => (SWITCHES.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
    console.log(`transport: ${code.length} tracked code files searched for TLS verification switches, ${hits.length} hits`);
  });

  describe("a server with a self-signed certificate", () => {
    let server: LocalServer;
    beforeAll(async () => {
      server = await startServer({ tls: true });
    });
    afterAll(() => server.close());

    it("is healthy for a client that trusts its certificate (control)", async () => {
      const status = await new Promise<number>((res, rej) => {
        const req = httpsRequest(`${server.origin}/control`, { ca: selfSigned.cert, agent: false }, (r) => {
          r.resume();
          res(r.statusCode ?? 0);
        });
        req.on("error", rej);
        req.end();
      });
      expect(status).toBe(200);
      expect(server.seen.map((s) => s.url)).toEqual(["/control"]);
    });

    it("never gets a request, nor the credential, from the transport, retries included", async () => {
      server.seen.length = 0;
      const client = new HttpClient({ vendor: "Ivanti", baseUrl: `${server.origin}/ivanti`, auth: basicAuth("admin", "Tls-Test-Passw0rd"), sleep: noSleep });
      for (const method of ["GET", "PUT", "POST", "DELETE"] as const) {
        const err = await client.request({ method, path: "/api/v1/account" }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err, method).toBeInstanceOf(TransportError);
        // Refused before anything was sent: said so, about the certificate, and not tried again.
        expect((err as Error).message).toMatch(
          /^Ivanti \w+ \/api\/v1\/account: TLS handshake failed, so nothing was sent: the server's certificate was refused \([A-Z_]*(SELF_SIGNED|CERT)[A-Z_]*\); it must be valid for this host and issued by an authority Node\.js trusts \(a private one: the caCertificates setting, or NODE_EXTRA_CA_CERTS set before the process starts\)$/,
        );
        expect((err as TransportError).outcomeUnknown, method).toBe(false);
        expect((err as Error).message).not.toContain("Tls-Test-Passw0rd");
      }
      expect(server.seen).toEqual([]);
    });
  });
});
