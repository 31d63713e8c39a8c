// Local servers for the transport tests: plain HTTP and HTTPS (a self-signed certificate nobody
// trusts), each on its own 127.0.0.1 port, so two of them are two origins. They record every request
// they see (method, URL, headers, body) and answer with what the test queues.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export type Answer = (req: IncomingMessage, res: ServerResponse) => void;

export interface LocalServer {
  /** `http(s)://127.0.0.1:<port>` */
  origin: string;
  seen: Seen[];
  /** Every request gets this answer from now on. */
  answer(a: Answer): void;
  close(): Promise<void>;
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
/** A certificate for 127.0.0.1 signed by itself: verification must reject it. Test-only. */
export const selfSigned = {
  cert: readFileSync(join(fixtures, "self-signed.crt"), "utf8"),
  key: readFileSync(join(fixtures, "self-signed.key"), "utf8"),
};

export const json =
  (status: number, body: unknown = {}, headers: Record<string, string> = {}): Answer =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  };

export const redirect =
  (status: number, location: string): Answer =>
  (_req, res) => {
    res.writeHead(status, { location, "content-type": "text/plain" }).end(`moved to ${location}`);
  };

export async function startServer(opts: { tls?: boolean } = {}): Promise<LocalServer> {
  let answer: Answer = json(200);
  const seen: Seen[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      answer(req, res);
    });
  };
  const server: Server = opts.tls ? createTlsServer(selfSigned, handler) : createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `${opts.tls ? "https" : "http"}://127.0.0.1:${port}`,
    seen,
    answer: (a) => {
      answer = a;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** No waiting between retries in these tests. */
export const noSleep = async (): Promise<void> => {};
