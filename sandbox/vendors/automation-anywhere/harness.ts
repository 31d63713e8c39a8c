// Test harness for the contract tests: a real sandbox serving only this vendor, and a tiny HTTP client.
import { startSandbox, type Sandbox } from "../../server.js";
import type { VendorModule } from "../../types.js";
import { automationAnywhere } from "./index.js";

export type Reply = { status: number; body: Record<string, unknown>; headers: Headers; text: string };

export type Harness = {
  sandbox: Sandbox;
  /** Origin + `/automation-anywhere`. */
  base: string;
  admin: { username: string; password: string; apiKey: string };
  call(method: string, path: string, body?: unknown, token?: string): Promise<Reply>;
  /** Logs the seeded admin in through `/v2/authentication` with the API key. */
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

export async function startHarness(): Promise<Harness> {
  const sandbox = await startSandbox({ modules: [automationAnywhere as unknown as VendorModule] });
  const base = sandbox.baseUrl("automationAnywhere");
  const cfg = sandbox.config().vendors.automationAnywhere!;
  const admin = { username: cfg.username!, password: cfg.password!, apiKey: cfg.apiKey! };
  const call: Harness["call"] = (method, path, body, token) => send(base + path, method, body, token ? { "x-authorization": token } : {});
  return {
    sandbox,
    base,
    admin,
    call,
    async adminToken() {
      const r = await call("POST", "/v2/authentication", { username: admin.username, apiKey: admin.apiKey });
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
