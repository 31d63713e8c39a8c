// A real local HTTP server for transport tests: each test queues the answers it wants.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Answer = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface TestServer {
  url: string;
  /** Requests seen, in order. */
  seen: { method: string; url: string; headers: IncomingMessage["headers"]; body: string }[];
  /** Answers used in order; the last one repeats. */
  answer(...answers: Answer[]): void;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  let queue: Answer[] = [];
  const seen: TestServer["seen"] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const a = queue.length > 1 ? queue.shift()! : queue[0];
      if (a) a(req, res, body);
      else res.writeHead(500).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    answer: (...answers) => {
      queue = answers;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const status =
  (code: number, body?: unknown, headers: Record<string, string> = {}): Answer =>
  (_req, res) => {
    res.writeHead(code, { "content-type": "application/json", ...headers });
    res.end(body === undefined ? "" : JSON.stringify(body));
  };

export const reset: Answer = (req) => req.socket.destroy();

export const hang: Answer = () => {
  /* never answers: the client's timeout must fire */
};
