// Request bodies: Spring-style indexed form fields (`accounts[0].roles[1]=…`) or JSON.
import type { SandboxRequest } from "../../types.js";

type Token = string | number;

function tokenize(key: string): Token[] | undefined {
  const m = /^([A-Za-z_]\w*)((?:\[\d+\]|\.[A-Za-z_]\w*)*)$/.exec(key);
  if (!m) return undefined;
  const tokens: Token[] = [m[1]!];
  for (const part of m[2]!.matchAll(/\[(\d+)\]|\.([A-Za-z_]\w*)/g)) {
    tokens.push(part[1] !== undefined ? Number(part[1]) : part[2]!);
  }
  return tokens;
}

type Container = Record<string, unknown> | unknown[];

function assign(root: Record<string, unknown>, tokens: Token[], value: string): void {
  let node: Container = root;
  tokens.forEach((t, i) => {
    const last = i === tokens.length - 1;
    const slot = node as Record<string | number, unknown>;
    if (last) {
      const prev = slot[t];
      // A repeated plain key (`ids=1&ids=2`) becomes a list, as Spring binds it.
      slot[t] = prev === undefined ? value : Array.isArray(prev) ? [...(prev as unknown[]), value] : [prev, value];
      return;
    }
    const next = tokens[i + 1]!;
    if (slot[t] === undefined || typeof slot[t] !== "object" || slot[t] === null) slot[t] = typeof next === "number" ? [] : {};
    node = slot[t] as Container;
  });
}

/** Parses `application/x-www-form-urlencoded` into nested objects/arrays; keys that are no binding path are kept flat. */
export function parseIndexedForm(raw: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const tokens = tokenize(key);
    if (tokens) assign(root, tokens, value);
    else root[key] = value;
  }
  // Arrays bound from sparse indexes keep their holes out.
  const compact = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(compact);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]));
    return v;
  };
  return compact(root) as Record<string, unknown>;
}

export type BodyResult = { ok: true; body: Record<string, unknown> } | { ok: false; message: string };

/** The request body as an object: form bodies re-parsed (to keep indexes and repeats), JSON as sent. */
export function readBody(req: SandboxRequest): BodyResult {
  const type = String(req.headers["content-type"] ?? "");
  if (type.includes("application/x-www-form-urlencoded")) return { ok: true, body: parseIndexedForm(req.rawBody) };
  if (req.rawBody.trim() === "") return { ok: true, body: {} };
  if (req.body && typeof req.body === "object" && !Array.isArray(req.body)) return { ok: true, body: req.body as Record<string, unknown> };
  return { ok: false, message: "Required request body is missing or not readable" };
}
