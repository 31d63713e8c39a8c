// The sandbox's request log of one vendor as the tests compare it: "METHOD route status" -> count.
import type { RequestCount } from "../sandbox/server.js";

/** Requests `vendor` answered since the sandbox's log was last cleared, tallied by method, route and status. */
export function tally(sandbox: { requests(): readonly RequestCount[] }, vendor: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of sandbox.requests()) {
    if (r.vendor !== vendor) continue;
    const key = `${r.method} ${r.route} ${r.status}`;
    out[key] = (out[key] ?? 0) + r.count;
  }
  return out;
}
