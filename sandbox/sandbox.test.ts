// The sandbox framework through real HTTP: control API, fault rules one by one, request counters,
// persistence across a restart, and the CLI contract (first line, env, SIGTERM).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "./server.js";

let sb: Sandbox;
let auth: string;
let operatorGuid: string;
let uptrends: string;

beforeAll(async () => {
  sb = await startSandbox();
  const cfg = sb.config().vendors.uptrends!;
  auth = "Basic " + Buffer.from(`${cfg.username}:${cfg.password}`).toString("base64");
  operatorGuid = cfg.operatorGuid!;
  uptrends = cfg.baseUrl!;
});
afterAll(() => sb.close());
afterEach(async () => {
  await fetch(`${sb.url}/_sandbox/reset`, { method: "POST" });
});

const listApiUsers = async () => (await (await fetch(`${uptrends}/ApiUser`, { headers: { authorization: auth } })).json()) as unknown[];
const createApiUser = () =>
  fetch(`${uptrends}/ApiUser`, {
    method: "POST",
    headers: { authorization: auth, "content-type": "application/json" },
    body: JSON.stringify({ OperatorGuid: operatorGuid, Description: "fault test" }),
  });
const addFault = async (rule: unknown) => {
  const r = await fetch(`${sb.url}/_sandbox/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(rule) });
  expect(r.status).toBe(201);
};

describe("control API", () => {
  it("config lists every vendor with its base URL and an env block", async () => {
    const cfg = (await (await fetch(`${sb.url}/_sandbox/config`)).json()) as { vendors: Record<string, Record<string, string>>; env: Record<string, string> };
    expect(Object.keys(cfg.vendors).sort()).toEqual(["automation-anywhere", "ibm-verify", "ivanti", "uipath", "uptrends"]);
    for (const v of Object.values(cfg.vendors)) expect(v.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    for (const name of ["UPTRENDS_BASE_URL", "IVANTI_BASE_URL", "AUTOMATION_ANYWHERE_URL", "IBM_VERIFY_TENANT_URL", "UIPATH_BASE_URL"]) expect(cfg.env[name]).toBeTruthy();
  });

  it("state shows objects by vendor; reset brings back the seed", async () => {
    const before = await listApiUsers();
    expect((await createApiUser()).status).toBe(201);
    expect(await listApiUsers()).toHaveLength(before.length + 1);
    const state = (await (await fetch(`${sb.url}/_sandbox/state`)).json()) as { vendors: Record<string, unknown> };
    expect(Object.keys(state.vendors)).toContain("uptrends");
    await fetch(`${sb.url}/_sandbox/reset`, { method: "POST" });
    expect(await listApiUsers()).toHaveLength(before.length);
  });

  it("counts requests by vendor, method, route template and status; DELETE clears", async () => {
    await fetch(`${sb.url}/_sandbox/requests`, { method: "DELETE" });
    await createApiUser();
    await listApiUsers();
    await fetch(`${uptrends}/ApiUser/00000000-0000-0000-0000-000000000000`, { headers: { authorization: auth } });
    const body = (await (await fetch(`${sb.url}/_sandbox/requests`)).json()) as { requests: { vendor: string; method: string; route: string; status: number; count: number }[]; total: number };
    expect(body.total).toBe(3);
    expect(body.requests).toEqual(
      expect.arrayContaining([
        { vendor: "uptrends", method: "POST", route: "/v4/ApiUser", status: 201, count: 1 },
        { vendor: "uptrends", method: "GET", route: "/v4/ApiUser", status: 200, count: 1 },
        { vendor: "uptrends", method: "GET", route: "/v4/ApiUser/{apiUserGuid}", status: 404, count: 1 },
      ]),
    );
    await fetch(`${sb.url}/_sandbox/requests`, { method: "DELETE" });
    expect(((await (await fetch(`${sb.url}/_sandbox/requests`)).json()) as { total: number }).total).toBe(0);
  });

  it("rejects an invalid fault rule with 400", async () => {
    const r = await fetch(`${sb.url}/_sandbox/faults`, { method: "POST", body: JSON.stringify({ effect: { type: "explode" } }) });
    expect(r.status).toBe(400);
  });
});

describe("fault rules", () => {
  it("status: answers with the vendor's own error body, for the first N only", async () => {
    await addFault({ vendor: "uptrends", method: "GET", route: "/v4/ApiUser", count: 1, effect: { type: "status", status: 503, message: "maintenance" } });
    const r = await fetch(`${uptrends}/ApiUser`, { headers: { authorization: auth } });
    expect(r.status).toBe(503);
    expect(await r.json()).toEqual({ Messages: [expect.objectContaining({ Message: "maintenance" })] });
    expect((await fetch(`${uptrends}/ApiUser`, { headers: { authorization: auth } })).status).toBe(200);
    const faults = (await (await fetch(`${sb.url}/_sandbox/faults`)).json()) as { faults: { applied: number }[] };
    expect(faults.faults[0]!.applied).toBe(1);
  });

  it("rateLimit: 429 with Retry-After", async () => {
    await addFault({ vendor: "uptrends", count: 1, effect: { type: "rateLimit", retryAfterSeconds: 7 } });
    const r = await fetch(`${uptrends}/ApiUser`, { headers: { authorization: auth } });
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("7");
  });

  it("forSeconds: a rule affects matching requests only for a while after it is added", async () => {
    await addFault({ vendor: "uptrends", forSeconds: 0.3, effect: { type: "rateLimit", retryAfterSeconds: 2 } });
    const first = await fetch(`${uptrends}/ApiUser`, { headers: { authorization: auth } });
    const second = await fetch(`${uptrends}/ApiUser`, { headers: { authorization: auth } });
    expect([first.status, second.status]).toEqual([429, 429]);
    expect(second.headers.get("retry-after")).toBe("2");
    await new Promise((r) => setTimeout(r, 350));
    expect((await fetch(`${uptrends}/ApiUser`, { headers: { authorization: auth } })).status).toBe(200);
  });

  it("latency: fixed delay", async () => {
    await addFault({ vendor: "uptrends", route: "/v4/ApiUser", effect: { type: "latency", ms: 150 } });
    const t = Date.now();
    expect((await fetch(`${uptrends}/ApiUser`, { headers: { authorization: auth } })).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
  });

  it("latency: random range", async () => {
    await addFault({ vendor: "uptrends", route: "/v4/*", effect: { type: "latency", minMs: 50, maxMs: 80 } });
    const t = Date.now();
    await fetch(`${uptrends}/ApiUser`, { headers: { authorization: auth } });
    const took = Date.now() - t;
    expect(took).toBeGreaterThanOrEqual(45);
  });

  it("reset: the connection drops and nothing is written", async () => {
    const before = (await listApiUsers()).length;
    await addFault({ vendor: "uptrends", method: "POST", count: 1, effect: { type: "reset" } });
    await expect(createApiUser()).rejects.toThrow();
    expect(await listApiUsers()).toHaveLength(before);
  });

  it("commitThenReset: the client sees a reset but the object exists afterwards", async () => {
    const before = (await listApiUsers()).length;
    await addFault({ vendor: "uptrends", method: "POST", route: "/v4/ApiUser", count: 1, effect: { type: "commitThenReset" } });
    await expect(createApiUser()).rejects.toThrow();
    const after = (await listApiUsers()) as { Description: string }[];
    expect(after).toHaveLength(before + 1);
    expect(after.some((u) => u.Description === "fault test")).toBe(true);
  });

  it("lateCommit: the client sees a reset, nothing is there until the next request to that route lands it first", async () => {
    const before = (await listApiUsers()).length;
    await addFault({ vendor: "uptrends", method: "POST", route: "/v4/ApiUser", count: 1, effect: { type: "lateCommit" } });
    await expect(createApiUser()).rejects.toThrow();
    // A look-up in between sees nothing: the create has not landed.
    expect(await listApiUsers()).toHaveLength(before);
    await createApiUser();
    const after = (await listApiUsers()) as { Description: string }[];
    expect(after).toHaveLength(before + 2);
    expect(after.filter((u) => u.Description === "fault test")).toHaveLength(2);
  });

  it("probability 0 never fires, probability 1 always does", async () => {
    await addFault({ vendor: "uptrends", probability: 0, effect: { type: "status", status: 500 } });
    expect((await fetch(`${uptrends}/ApiUser`, { headers: { authorization: auth } })).status).toBe(200);
    await fetch(`${sb.url}/_sandbox/faults`, { method: "DELETE" });
    await addFault({ vendor: "uptrends", probability: 1, effect: { type: "status", status: 500 } });
    expect((await fetch(`${uptrends}/ApiUser`, { headers: { authorization: auth } })).status).toBe(500);
  });

  it("expireTokens: every issued token stops working", async () => {
    const aa = sb.config().vendors["automation-anywhere"]!;
    // The sandbox plays a current Control Room by default: v2 login and user management.
    const login = await fetch(`${aa.baseUrl}/v2/authentication`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: aa.username, apiKey: aa.apiKey }),
    });
    const { token } = (await login.json()) as { token: string };
    const roles = () =>
      fetch(`${aa.baseUrl}/v2/usermanagement/roles/list`, { method: "POST", headers: { "x-authorization": token, "content-type": "application/json" }, body: "{}" });
    expect((await roles()).status).toBe(200);
    await addFault({ vendor: "automation-anywhere", count: 1, effect: { type: "expireTokens" } });
    expect((await roles()).status).toBe(401);
  });

  it("matches only its vendor and method", async () => {
    await addFault({ vendor: "ivanti", effect: { type: "status", status: 500 } });
    await addFault({ vendor: "uptrends", method: "DELETE", effect: { type: "status", status: 500 } });
    expect((await fetch(`${uptrends}/ApiUser`, { headers: { authorization: auth } })).status).toBe(200);
  });
});

describe("persistence", () => {
  it("--state keeps every mutation across a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-state-"));
    const file = join(dir, "state.json");
    try {
      const a = await startSandbox({ stateFile: file });
      const cfg = a.config().vendors.uptrends!;
      const basic = "Basic " + Buffer.from(`${cfg.username}:${cfg.password}`).toString("base64");
      const created = await fetch(`${cfg.baseUrl}/ApiUser`, {
        method: "POST",
        headers: { authorization: basic, "content-type": "application/json" },
        body: JSON.stringify({ OperatorGuid: cfg.operatorGuid, Description: "survives" }),
      });
      const { ApiUserGuid } = (await created.json()) as { ApiUserGuid: string };
      await a.close();
      expect(readFileSync(file, "utf8")).toContain(ApiUserGuid);

      const b = await startSandbox({ stateFile: file });
      const cfgB = b.config().vendors.uptrends!;
      const r = await fetch(`${cfgB.baseUrl}/ApiUser/${ApiUserGuid}`, { headers: { authorization: basic } });
      expect(r.status).toBe(200);
      expect(((await r.json()) as { Description: string }).Description).toBe("survives");
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("CLI (built bin; npm test builds first)", () => {
  const bin = resolve(import.meta.dirname, "../bin/apiidentity-sandbox.js");

  it("prints the listening line first, `env` prints exports, SIGTERM stops it cleanly", async () => {
    const child = spawn(process.execPath, [bin, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    const first = await new Promise<string>((res, rej) => {
      let buf = "";
      child.stdout.on("data", (d: Buffer) => {
        buf += d.toString();
        const nl = buf.indexOf("\n");
        if (nl >= 0) res(buf.slice(0, nl));
      });
      child.on("exit", (code) => rej(new Error(`exited ${code}`)));
    });
    expect(first).toMatch(/^apiidentity sandbox listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = first.split(" ").pop()!;

    const env = await new Promise<string>((res) => {
      const e = spawn(process.execPath, [bin, "env", "--url", url], { stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      e.stdout.on("data", (d: Buffer) => (out += d.toString()));
      e.on("exit", () => res(out));
    });
    expect(env).toContain(`export UPTRENDS_BASE_URL=${url}/uptrends/v4`);
    expect(env).toMatch(/^export AUTOMATION_ANYWHERE_URL=/m);
    for (const line of env.trim().split("\n")) expect(line).toMatch(/^export [A-Z_]+=/);

    const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
