// `apiidentity-sandbox --tls CA_FILE`: HTTPS with a certificate from a CA made for the run, the CA
// written where asked; a client trusts the sandbox with that CA and refuses it without.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { X509Certificate } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "./cli.js";
import { makeSandboxTls } from "./tls.js";

function get(url: string, ca?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, ...(ca ? { ca } : {}) }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the sandbox over TLS", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("makes a CA and a loopback server certificate it signed", () => {
    const tls = makeSandboxTls();
    const ca = new X509Certificate(tls.caPem);
    const server = new X509Certificate(tls.cert);
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.subjectAltName).toMatch(/IP Address:127\.0\.0\.1/);
    expect(server.checkIP("127.0.0.1")).toBe("127.0.0.1");
  });

  it("--tls CA_FILE serves HTTPS that the written CA (and only it) makes trusted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "apiidentity-sandbox-cli-tls-"));
    dirs.push(dir);
    const caFile = join(dir, "ca.pem");
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const running = main(["--tls", caFile]);
      await vi.waitFor(() => expect(lines.join("")).toMatch(/CA certificate written to/), { timeout: 10_000 });
      const url = /listening on (\S+)/.exec(lines.join(""))![1]!;
      expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const ca = readFileSync(caFile, "utf8");
      expect(await get(`${url}/_sandbox/config`, ca)).toBe(200);
      await expect(get(`${url}/_sandbox/config`)).rejects.toThrow(/certificate/i);
      process.emit("SIGTERM");
      expect(await running).toBe(0);
    } finally {
      write.mockRestore();
    }
  });
});
