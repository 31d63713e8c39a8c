// A recording proxy in front of the sandbox for the secrets test. It keeps the full URL of every
// vendor request, and collects the secret values that legitimately travel in request headers and
// bodies and in vendor answers (credentials, tokens, passwords, client secrets), so the test can then
// search every other place for them.
//
// It can also play a vendor that echoes what it was sent in its error messages: when an error answer
// carries ECHO (put there by a sandbox `status` fault's `message`), the proxy replaces it with the
// string values of the request body and the credential headers, in the vendor's own error body.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const ECHO = "ECHO-OF-SUBMITTED-VALUES";

/** Headers whose value is a credential. */
const CREDENTIAL_HEADERS = ["authorization", "x-authorization", "api-key", "x-api-key"];
/** Body and answer fields whose value is a credential, a password or a token. */
const SECRET_FIELD = /^(password|client_?secret|api_?key|access_token|refresh_token|id_token|token)$/i;
/** Shorter values are not worth searching for (they would match ordinary text). */
const MIN_SECRET_LENGTH = 8;

export interface Exchange {
  method: string;
  /** Path and query exactly as sent, e.g. `/ibm-verify/v1.0/apiclients?search=...`. */
  url: string;
  status: number;
  /** The echo the proxy wrote into an error answer, if any. */
  echoed?: string;
}

export interface RecordingProxy {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  exchanges: Exchange[];
  /** Secret values seen where they must be: credential headers, request bodies, answers. */
  secrets: Map<string, string>;
  close(): Promise<void>;
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (!text) return undefined;
  if (contentType?.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Every string leaf of a JSON-like value, with the field name it sits under. */
function leaves(v: unknown, key = "", out: [string, string][] = []): [string, string][] {
  if (typeof v === "string") out.push([key, v]);
  else if (Array.isArray(v)) for (const x of v) leaves(x, key, out);
  else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) leaves(x, k, out);
  return out;
}

/** The credential part of a header value: the token after `Basic` / `Bearer`, or the whole value. */
function credentialOf(value: string): string {
  return value.replace(/^(Basic|Bearer)\s+/i, "");
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const exchanges: Exchange[] = [];
  const secrets = new Map<string, string>();
  const keep = (kind: string, value: string) => {
    if (value.length >= MIN_SECRET_LENGTH && !secrets.has(value)) secrets.set(value, kind);
  };

  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === "string" && !["host", "content-length", "connection", "keep-alive", "transfer-encoding"].includes(k)) headers[k] = v;
      }
      const credentials = CREDENTIAL_HEADERS.flatMap((h) => (headers[h] ? [headers[h]] : []));
      for (const c of credentials) keep(`${req.method} header credential`, credentialOf(c));
      const sent = leaves(parseBody(body, headers["content-type"]));
      for (const [k, v] of sent) if (SECRET_FIELD.test(k)) keep(`request field ${k}`, v);

      void fetch(target + (req.url ?? ""), { method: req.method, headers, body: body === "" ? undefined : body, redirect: "manual" }).then(
        async (r) => {
          let text = await r.text();
          const exchange: Exchange = { method: req.method ?? "", url: req.url ?? "", status: r.status };
          for (const [k, v] of leaves(parseBody(text, r.headers.get("content-type") ?? undefined))) if (SECRET_FIELD.test(k)) keep(`answer field ${k}`, v);
          // What a careless vendor does: repeat the request's values and credentials in its message
          // (in the body, or in a header such as WWW-Authenticate's error_description).
          const echo = `rejected ${sent.map(([, v]) => v).join(" ")} sent with ${credentials.join(" and ")} (${credentials.map(credentialOf).join(", ")})`;
          if (r.status >= 400 && text.includes(ECHO)) {
            exchange.echoed = echo;
            text = text.split(ECHO).join(JSON.stringify(echo).slice(1, -1));
          }
          const out: Record<string, string> = {};
          r.headers.forEach((v, k) => {
            if (["content-length", "transfer-encoding", "connection", "content-encoding"].includes(k)) return;
            if (r.status >= 400 && v.includes(ECHO)) {
              exchange.echoed = echo;
              out[k] = v.split(ECHO).join(echo.replace(/["\\]/g, ""));
            } else out[k] = v;
          });
          exchanges.push(exchange);
          res.writeHead(r.status, out).end(text);
        },
        (e: unknown) => {
          exchanges.push({ method: req.method ?? "", url: req.url ?? "", status: 0 });
          res.destroy(e instanceof Error ? e : undefined);
        },
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    secrets,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
