// Small helpers vendor modules share: JSON responses and HTTP Basic parsing.
import type { IncomingHttpHeaders } from "node:http";
import type { SandboxResponse } from "./types.js";

export function json(status: number, body?: unknown, headers?: Record<string, string>): SandboxResponse {
  return { status, body, ...(headers ? { headers } : {}) };
}

export function noContent(): SandboxResponse {
  return { status: 204 };
}

/** Decodes `Authorization: Basic …`; undefined when absent or malformed. */
export function basicCredentials(headers: IncomingHttpHeaders): { username: string; password: string } | undefined {
  const h = headers.authorization;
  if (!h || !/^basic /i.test(h)) return undefined;
  const decoded = Buffer.from(h.slice(6).trim(), "base64").toString("utf8");
  const i = decoded.indexOf(":");
  if (i < 0) return undefined;
  return { username: decoded.slice(0, i), password: decoded.slice(i + 1) };
}

/** The token of `Authorization: Bearer …`, if any. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const h = headers.authorization;
  if (!h || !/^bearer /i.test(h)) return undefined;
  return h.slice(7).trim();
}

export function randomSecret(length = 32): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
