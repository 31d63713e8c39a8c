// A certificate authority made for one sandbox run and a server certificate it signs for the loopback
// names, so the sandbox can serve HTTPS that a client trusts only when told about this CA (a private
// CA, as behind a TLS-intercepting proxy). Made with the openssl command; nothing is kept on disk but
// the CA file the caller asks for.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SandboxTls {
  /** The CA's certificate (PEM): what a client must trust. */
  caPem: string;
  /** The server's certificate (PEM), for 127.0.0.1, localhost and [::1], signed by the CA. */
  cert: string;
  /** The server's private key (PEM). */
  key: string;
}

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer };
    if (err.code === "ENOENT") throw new Error("the sandbox needs the openssl command for --tls: install OpenSSL (openssl on PATH)");
    throw new Error(`openssl ${args[0]} failed making the sandbox's test CA: ${err.stderr?.toString().trim() || String(e)}`);
  }
}

/** A fresh CA (valid 2 days) and a loopback server certificate it signed. */
export function makeSandboxTls(): SandboxTls {
  const dir = mkdtempSync(join(tmpdir(), "apiidentity-sandbox-tls-"));
  try {
    const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];
    openssl(
      ["req", "-x509", ...ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=apiidentity sandbox test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
      dir,
    );
    openssl(["req", ...ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"], dir);
    writeFileSync(
      join(dir, "server.ext"),
      ["basicConstraints=critical,CA:FALSE", "keyUsage=critical,digitalSignature", "extendedKeyUsage=serverAuth", "subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost", ""].join("\n"),
    );
    openssl(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext"], dir);
    const read = (f: string) => readFileSync(join(dir, f), "utf8");
    return { caPem: read("ca.pem"), cert: read("server.pem"), key: read("server.key") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
