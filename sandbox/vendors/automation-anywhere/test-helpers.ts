// Test harness for the contract tests: a real sandbox serving only this vendor, and a tiny HTTP client.
import { startSandbox, type Sandbox } from "../../server.js";
import type { VendorModule } from "../../types.js";
import { GENERATIONS, VERSION_OF, type Generation } from "./generations.js";
import { automationAnywhere } from "./index.js";

export { GENERATIONS, type Generation };

export type Reply = { status: number; body: Record<string, unknown>; headers: Headers; text: string };

export type Harness = {
  sandbox: Sandbox;
  /** The generation the sandbox plays. */
  generation: Generation;
  /** `v2` (current) or `v1` (legacy): the version of login, refresh and user management. */
  version: "v2" | "v1";
  /** Origin + `/automation-anywhere`. */
  base: string;
  admin: { username: string; password: string; apiKey: string };
  /**
   * A vendor call. Paths of login (`/vN/authentication`), refresh (`/vN/authentication/token`, POST)
   * and user management (`/vN/usermanagement/...`) are sent on this generation's version, so one
   * test serves both generations; `raw` sends exactly the path given.
   */
  call(method: string, path: string, body?: unknown, token?: string): Promise<Reply>;
  raw(method: string, path: string, body?: unknown, token?: string): Promise<Reply>;
  /** Logs the seeded admin in with the API key on this generation's login path. */
  adminToken(): Promise<string>;
  control(method: string, path: string, body?: unknown): Promise<Reply>;
};

async function send(url: string, method: string, body: unknown, headers: Record<string, string>): Promise<Reply> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  if (text) parsed = JSON.parse(text) as Record<string, unknown>;
  return { status: res.status, body: parsed, headers: res.headers, text };
}

/** `path` on the version `generation` serves, for the calls that differ between generations. */
export function onGeneration(generation: Generation, method: string, path: string): string {
  const v = VERSION_OF[generation];
  if (/^\/v[12]\/usermanagement\//.test(path)) return path.replace(/^\/v[12]/, `/${v}`);
  if (/^\/v[12]\/authentication\/?$/.test(path) || (method === "POST" && /^\/v[12]\/authentication\/token\/?$/.test(path))) return path.replace(/^\/v[12]/, `/${v}`);
  return path;
}

export async function startHarness(generation: Generation = "current"): Promise<Harness> {
  const sandbox = await startSandbox({ modules: [automationAnywhere as unknown as VendorModule], profiles: { "automation-anywhere": generation } });
  const base = sandbox.baseUrl("automation-anywhere");
  const cfg = sandbox.config().vendors["automation-anywhere"]!;
  const admin = { username: cfg.username!, password: cfg.password!, apiKey: cfg.apiKey! };
  const raw: Harness["raw"] = (method, path, body, token) => send(base + path, method, body, token ? { "x-authorization": token } : {});
  const call: Harness["call"] = (method, path, body, token) => raw(method, onGeneration(generation, method, path), body, token);
  return {
    sandbox,
    generation,
    version: VERSION_OF[generation],
    raw,
    base,
    admin,
    call,
    async adminToken() {
      const r = await call("POST", `/${VERSION_OF[generation]}/authentication`, { username: admin.username, apiKey: admin.apiKey });
      if (r.status !== 200) throw new Error(`admin login failed: ${r.status} ${r.text}`);
      return r.body.token as string;
    },
    control: (method, path, body) => send(sandbox.url + path, method, body, {}),
  };
}

let seq = 0;
/** A username no other test uses. */
export const uniqueName = (stem: string) => `${stem}-${Date.now().toString(36)}-${++seq}`;

/** A valid create-user body with overrides. */
export function newUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    username: uniqueName("bot"),
    email: "bot@example.com",
    password: "Passw0rd!",
    roles: [{ id: 2 }],
    firstName: "Robo",
    lastName: "Runner",
    description: "managed by pulumi",
    disabled: false,
    enableAutoLogin: false,
    licenseFeatures: ["RUNTIME"],
    sysAssignedRoles: [],
    ...overrides,
  };
}
