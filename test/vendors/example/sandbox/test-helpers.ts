// Shared plumbing of the Example contract tests: a sandbox serving only Example, and a client for it.
import { startSandbox, type Sandbox } from "../../server.js";
import type { VendorModule } from "../../types.js";
import { example } from "./index.js";
import { SEED } from "./state.js";

export type Harness = Sandbox;

export function startHarness(): Promise<Harness> {
  return startSandbox({ modules: [example as unknown as VendorModule] });
}

/** One call below `/example/v1`, with the seeded API key unless `key` says otherwise (null: none). */
export async function call(sb: Harness, method: string, path: string, opts: { key?: string | null; body?: unknown } = {}): Promise<{ status: number; body: unknown }> {
  const key = opts.key === undefined ? SEED.apiKey : opts.key;
  const headers: Record<string, string> = { ...(key === null ? {} : { authorization: `Bearer ${key}` }), ...(opts.body === undefined ? {} : { "content-type": "application/json" }) };
  const r = await fetch(`${sb.url}/example/v1${path}`, { method, headers, ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }) });
  const text = await r.text();
  return { status: r.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
