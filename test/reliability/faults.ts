// Fault schedules for the reliability tests, set and read through the sandbox's control API
// (`/_sandbox/faults`, `/_sandbox/requests`), and the figures the tests print from them.
import type { RequestCount } from "../../sandbox/server.js";

/** The route each kind's create takes at its vendor (route templates as the sandbox counts them; `*` is a wildcard). */
export const CREATE_ROUTES = {
  ivanti: "/api/v1/accounts",
  uptrends: "/v4/ApiUser",
  "automation-anywhere": "/v*/usermanagement/users",
  "ibm-verify": "/v1.0/apiclients",
  uipath: "*/identity_/api/RobotAccount",
} as const;

export interface FaultRule {
  vendor?: string;
  method?: string;
  route?: string;
  probability?: number;
  count?: number;
  effect: { type: string } & Record<string, unknown>;
}

export interface AppliedRule extends FaultRule {
  id: string;
  matched: number;
  applied: number;
}

/**
 * The soak's faults on every call to every vendor: 10–60 ms latency, 2 % connection resets before
 * the request is handled, 8 % 503, 5 % 429 with `Retry-After`, and 3 % of creates committed with
 * their answer lost. Latency comes first so that a faulted request is slow too; of the others the
 * first that fires decides the answer.
 */
export function soakRules(retryAfterSeconds: number): FaultRule[] {
  return [
    { probability: 1, effect: { type: "latency", minMs: 10, maxMs: 60 } },
    { probability: 0.02, effect: { type: "reset" } },
    { probability: 0.08, effect: { type: "status", status: 503, message: "Injected: service unavailable" } },
    { probability: 0.05, effect: { type: "rateLimit", retryAfterSeconds } },
    ...Object.entries(CREATE_ROUTES).map(([vendor, route]): FaultRule => ({ vendor, method: "POST", route, probability: 0.03, effect: { type: "commitThenReset" } })),
  ];
}

async function control(sandboxUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sandboxUrl}/_sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`${method} /_sandbox/${path} answered ${res.status}: ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

export async function setFaults(sandboxUrl: string, rules: FaultRule[]): Promise<void> {
  await control(sandboxUrl, "DELETE", "faults");
  if (rules.length > 0) await control(sandboxUrl, "POST", "faults", rules);
}

export async function clearFaults(sandboxUrl: string): Promise<void> {
  await control(sandboxUrl, "DELETE", "faults");
}

export async function appliedFaults(sandboxUrl: string): Promise<AppliedRule[]> {
  return ((await control(sandboxUrl, "GET", "faults")) as { faults: AppliedRule[] }).faults;
}

/**
 * `applied` counters summed by effect: `{latency, reset, 503, rateLimit, commitThenReset}`. A request
 * two rules fire on counts for both, though only the first answer-deciding one reaches the client
 * (`answered` says what clients saw).
 */
export function appliedByEffect(rules: readonly AppliedRule[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rules) {
    const name = r.effect.type === "status" ? String(r.effect.status) : r.effect.type;
    out[name] = (out[name] ?? 0) + r.applied;
  }
  return out;
}

export type { RequestCount };

export async function requestCounts(sandboxUrl: string): Promise<RequestCount[]> {
  return ((await control(sandboxUrl, "GET", "requests")) as { requests: RequestCount[] }).requests;
}

export async function clearRequests(sandboxUrl: string): Promise<void> {
  await control(sandboxUrl, "DELETE", "requests");
}

/** What the clients saw: all requests, 503s, 429s and dropped connections (status 0: resets and lost answers). */
export function answered(counts: readonly RequestCount[]): { requests: number; "503": number; "429": number; dropped: number } {
  const sum = (f: (c: RequestCount) => boolean) => counts.filter(f).reduce((a, c) => a + c.count, 0);
  return { requests: sum(() => true), "503": sum((c) => c.status === 503), "429": sum((c) => c.status === 429), dropped: sum((c) => c.status === 0) };
}

/** The calls that fetch a bearer token at each token vendor (route templates as the sandbox counts them). */
export const TOKEN_ROUTES = {
  "ibm-verify": ["/oauth2/token", "/v1.0/endpoint/default/token"],
  uipath: ["/identity_/connect/token"],
  "automation-anywhere": ["/v1/authentication", "/v2/authentication"],
} as const;
export type TokenVendor = keyof typeof TOKEN_ROUTES;

/** Token calls per token vendor in `counts`. */
export function tokenCalls(counts: readonly RequestCount[]): Record<TokenVendor, number> {
  const out = { "ibm-verify": 0, uipath: 0, "automation-anywhere": 0 };
  for (const c of counts) {
    const routes = (TOKEN_ROUTES as Record<string, readonly string[]>)[c.vendor];
    if (c.method === "POST" && routes?.includes(c.route)) out[c.vendor as TokenVendor] += c.count;
  }
  return out;
}

const glob = (pattern: string, value: string) =>
  new RegExp("^" + pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*") + "$", "i").test(value);

/** The part of an in-process sandbox (`startSandbox()`) that arms rules. */
export interface FaultTableLike {
  add(rule: unknown): unknown;
  select(vendor: string, method: string, template: string): unknown[];
}

/**
 * Adds `rule` to the sandbox's fault table at requests in the middle of a run, placed by request
 * count rather than by time: once for each of `points`, at the request matching `at` whose number
 * (counted from 1, retries included) reaches that point, before the sandbox picks the request's
 * faults, so that a rule with `count: 1` fires on exactly that request. After each, the next waits
 * until a request matching `settled` (e.g. the token call that answers the fault) has arrived, so
 * that two faults are never answered by one recovery. Returns how many were added so far.
 */
export function armInSequence(
  faults: FaultTableLike,
  at: { vendor: string; method: string; route: string; points: readonly number[]; settled: (method: string, template: string) => boolean },
  rule: FaultRule,
): () => number {
  const select = faults.select.bind(faults);
  let seen = 0;
  let added = 0;
  let waiting = false;
  faults.select = (vendor, method, template) => {
    if (vendor === at.vendor) {
      if (waiting && at.settled(method, template)) waiting = false;
      if (method === at.method && glob(at.route, template)) {
        seen++;
        const next = at.points[added];
        if (next !== undefined && !waiting && seen >= next) {
          faults.add(rule);
          added++;
          waiting = true;
        }
      }
    }
    return select(vendor, method, template);
  };
  return () => added;
}
