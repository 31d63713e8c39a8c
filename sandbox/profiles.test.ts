// Framework pieces for vendor generations and answer rewriting, on a small vendor module of the
// test's own: profiles chosen at start, through the control API and the CLI flag; `renameField`,
// `addField` and `setField` faults on JSON answers; malformed answers (`truncateAnswer`, `emptyAnswer`,
// `htmlPage`).
import { afterEach, describe, expect, it } from "vitest";
import { rewriteAnswer } from "./faults.js";
import { main } from "./cli.js";
import { startSandbox, type Sandbox } from "./server.js";
import type { VendorModule } from "./types.js";

const toy: VendorModule = {
  id: "automation-anywhere",
  prefix: "/toy",
  kinds: {},
  auth: "token",
  profiles: ["current", "legacy"],
  seed: () => ({}),
  routes: [
    { method: "GET", template: "/v2/thing", profiles: ["current"], handler: () => ({ status: 200, body: { gen: "v2", item: { userName: "a", nested: [{ userName: "b" }] } } }) },
    { method: "GET", template: "/v1/thing", profiles: ["legacy"], handler: () => ({ status: 200, body: { gen: "v1" } }) },
    // The same template in both generations, answered differently.
    { method: "GET", template: "/v1/login", profiles: ["current"], handler: () => ({ status: 410, body: { message: "gone" } }) },
    { method: "GET", template: "/v1/login", profiles: ["legacy"], handler: () => ({ status: 200, body: { token: "t" } }) },
    { method: "GET", template: "/who", handler: (_req, ctx) => ({ status: 200, body: { profile: ctx.profile } }) },
    {
      method: "POST",
      template: "/things",
      handler: (_req, ctx) => {
        const st = ctx.state as { made?: number };
        st.made = (st.made ?? 0) + 1;
        return { status: 201, body: { id: st.made, name: "thing" } };
      },
    },
  ],
  config: (baseUrl) => ({ baseUrl }),
  env: () => ({}),
  errorResponse: (status, message) => ({ status, body: { code: "toy", message } }),
  expireTokens: () => undefined,
};

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

const get = async (path: string) => {
  const r = await fetch(`${sb!.url}/toy${path}`);
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};
const control = async (method: string, path: string, body?: unknown) => {
  const r = await fetch(`${sb!.url}/_sandbox/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};

describe("vendor generations (profiles)", () => {
  it("plays the first profile by default; routes of another generation do not exist", async () => {
    sb = await startSandbox({ modules: [toy] });
    expect(sb.profiles()).toEqual({ "automation-anywhere": "current" });
    expect((await get("/v2/thing")).body.gen).toBe("v2");
    expect((await get("/v1/thing")).status).toBe(404);
    expect((await get("/v1/login")).status).toBe(410);
    expect((await get("/who")).body.profile).toBe("current");
    expect(sb.requests()).toContainEqual({ vendor: "automation-anywhere", method: "GET", route: "(unmatched)", status: 404, count: 1 });
  });

  it("starts in the generation it is given and switches through the control API; reset restores it", async () => {
    sb = await startSandbox({ modules: [toy], profiles: { "automation-anywhere": "legacy" } });
    expect((await get("/v2/thing")).status).toBe(404);
    expect((await get("/v1/thing")).body.gen).toBe("v1");
    expect((await get("/v1/login")).body.token).toBe("t");

    const listed = await control("GET", "profiles");
    expect(listed.body).toEqual({ profiles: { "automation-anywhere": "legacy" }, available: { "automation-anywhere": ["current", "legacy"] } });
    // The URL prefix name works as well as the vendor id.
    expect((await control("PUT", "profiles", { toy: "current" })).body).toEqual({ profiles: { "automation-anywhere": "current" } });
    expect((await get("/who")).body.profile).toBe("current");
    await control("POST", "reset");
    expect((await get("/who")).body.profile).toBe("legacy");
  });

  it("refuses an unknown vendor or generation, naming what exists", async () => {
    await expect(startSandbox({ modules: [toy], profiles: { "automation-anywhere": "ancient" } })).rejects.toThrow(/no profile 'ancient' \(known: current, legacy\)/);
    sb = await startSandbox({ modules: [toy] });
    const bad = await control("PUT", "profiles", { toy: "ancient" });
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toContain("known: current, legacy");
    expect((await control("PUT", "profiles", { nobody: "current" })).status).toBe(400);
    expect(() => sb!.setProfile("automation-anywhere", "ancient")).toThrow(/known/);
    expect(sb.profiles()).toEqual({ "automation-anywhere": "current" });
  });

  it("the CLI refuses a malformed --profile with exit code 2", async () => {
    const err: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
    try {
      expect(await main(["--profile", "automation-anywhere"])).toBe(2);
      expect(await main(["--profile", "nobody=legacy"])).toBe(2);
      expect(await main(["--profile", "automation-anywhere=ancient"])).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(err.join("")).toContain("VENDOR=GENERATION");
    expect(err.join("")).toContain("no profile 'ancient'");
  });
});

describe("answer rewriting faults", () => {
  it("renameField renames the key at every depth, for matching requests only", async () => {
    sb = await startSandbox({ modules: [toy] });
    sb.faults.add({ route: "/v2/thing", count: 1, effect: { type: "renameField", from: "userName", to: "login" } });
    const first = await get("/v2/thing");
    expect(first.body.item).toEqual({ login: "a", nested: [{ login: "b" }] });
    const second = await get("/v2/thing");
    expect(second.body.item).toEqual({ userName: "a", nested: [{ userName: "b" }] });
  });

  it("addField adds to every object that lacks the field", async () => {
    sb = await startSandbox({ modules: [toy] });
    await control("POST", "faults", { effect: { type: "addField", name: "gen", value: { extra: true } } });
    const r = await get("/v2/thing");
    expect(r.body.gen).toBe("v2");
    expect(r.body.item).toEqual({ userName: "a", gen: { extra: true }, nested: [{ userName: "b", gen: { extra: true } }] });
  });

  it("setField gives the key another value (a wrong type) wherever it is, and adds it nowhere", async () => {
    sb = await startSandbox({ modules: [toy] });
    sb.faults.add({ route: "/v2/thing", effect: { type: "setField", name: "userName", value: 42 } });
    const r = await get("/v2/thing");
    expect(r.body.item).toEqual({ userName: 42, nested: [{ userName: 42 }] });
    expect(r.body).not.toHaveProperty("item.nested.0.gen");
    expect(rewriteAnswer({ a: 1 }, [{ type: "setField", name: "b", value: 2 }])).toEqual({ a: 1 });
  });

  it("leaves non-JSON values alone", () => {
    expect(rewriteAnswer("text", [{ type: "renameField", from: "a", to: "b" }])).toBe("text");
    expect(rewriteAnswer([1, null, { a: 1 }], [{ type: "renameField", from: "a", to: "b" }])).toEqual([1, null, { b: 1 }]);
  });
});

describe("malformed answers", () => {
  const made = () => (sb!.store.vendor("automation-anywhere") as { made?: number }).made ?? 0;
  const post = async () => {
    const r = await fetch(`${sb!.url}/toy/things`, { method: "POST" });
    return { status: r.status, type: r.headers.get("content-type") ?? "", text: await r.text() };
  };

  it("truncateAnswer handles the request, then cuts its JSON answer short", async () => {
    sb = await startSandbox({ modules: [toy] });
    sb.faults.add({ method: "POST", count: 1, effect: { type: "truncateAnswer", keepFraction: 0.5 } });
    const r = await post();
    expect(made()).toBe(1);
    expect(r.status).toBe(201);
    expect(r.type).toContain("application/json");
    expect(r.text).toBe(JSON.stringify({ id: 1, name: "thing" }).slice(0, 11));
    expect(() => JSON.parse(r.text) as unknown).toThrow();
    expect((await post()).text).toBe(JSON.stringify({ id: 2, name: "thing" }));
  });

  it("emptyAnswer handles the request, then answers with no body", async () => {
    sb = await startSandbox({ modules: [toy] });
    await control("POST", "faults", { method: "POST", count: 1, effect: { type: "emptyAnswer" } });
    const r = await post();
    expect(made()).toBe(1);
    expect(r).toMatchObject({ status: 200, text: "" });
    expect(sb.requests()).toContainEqual({ vendor: "automation-anywhere", method: "POST", route: "/things", status: 200, count: 1 });
  });

  it("htmlPage answers an HTML error page without handling the request", async () => {
    sb = await startSandbox({ modules: [toy] });
    sb.faults.add({ method: "POST", count: 1, effect: { type: "htmlPage", status: 502 } });
    const r = await post();
    expect(made()).toBe(0);
    expect(r.status).toBe(502);
    expect(r.type).toContain("text/html");
    expect(r.text).toMatch(/^<!DOCTYPE html>/);
    sb.faults.add({ route: "/who", count: 1, effect: { type: "htmlPage", status: 200 } });
    expect((await fetch(`${sb.url}/toy/who`)).status).toBe(200);
  });
});

describe("control API bodies", () => {
  it("are JSON whatever the content type says (curl -d sends a form type)", async () => {
    sb = await startSandbox({ modules: [toy] });
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const put = await fetch(`${sb.url}/_sandbox/profiles`, { method: "PUT", headers: form, body: '{"toy":"legacy"}' });
    expect(put.status).toBe(200);
    expect(sb.profiles()).toEqual({ "automation-anywhere": "legacy" });
    const fault = await fetch(`${sb.url}/_sandbox/faults`, { method: "POST", headers: form, body: '{"count":1,"effect":{"type":"status","status":503}}' });
    expect(fault.status).toBe(201);
  });
});
