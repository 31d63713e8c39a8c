// The plugin's gRPC service in-process against the in-process sandbox, driven by a client built from
// the same generated stubs the engine's protocol is defined by: Configure (all settings through the
// request, none from the environment), then for each of the five kinds Check, a preview Create,
// Create, Read, Diff (no change, an update, a replacement), Update, Read by id alone (what `pulumi
// import` sends) fed back through Check and Diff, Delete; the three lookups through Invoke; GetSchema;
// and no secret in anything the plugin logs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ServiceError } from "@grpc/grpc-js";
import type * as P from "@pulumi/pulumi/proto/provider_pb.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { isSecretSetting, SETTINGS } from "../config.js";
import { writeOnlyInputsOf } from "../declare.js";
import { handlerFor } from "../handlers.js";
import { UNKNOWN } from "../resource.js";
import { resolveSettings } from "../settings.js";
import { packageRoot } from "./package-info.js";
import { empty, grpc, plugin, provider, providerRpc } from "./proto.js";
import { serve, type RunningPlugin } from "./server.js";
import { fromStruct, isSecret, reveal, secret, SECRET_SIG, SIG_KEY, toStruct, type Values } from "./struct.js";

type Client = InstanceType<typeof providerRpc.ResourceProviderClient>;
type Callback<Res> = (e: ServiceError | null, r: Res) => void;

function unary<Req, Res>(client: Client, fn: (req: Req, cb: Callback<Res>) => unknown, req: Req): Promise<Res> {
  return new Promise((resolve, reject) => fn.call(client, req, (e, r) => (e ? reject(e) : resolve(r))));
}

const PROJECT = "identities";
const STACK = "dev";
const urnOf = (kind: string, name: string) => `urn:pulumi:${STACK}::${PROJECT}::apiidentity:index:${kind}::${name}`;

interface Running {
  plugin: RunningPlugin;
  client: Client;
  logs: string[];
  warnings: [string, string][];
  /** Every note the calls sent: text, URN, severity. */
  notes: [string, string | undefined, string | undefined][];
}

async function start(env: Record<string, string | undefined> = {}): Promise<Running> {
  const logs: string[] = [];
  const warnings: [string, string][] = [];
  const notes: [string, string | undefined, string | undefined][] = [];
  const note = (m: string, urn: string | undefined, severity?: "info" | "warning") => {
    notes.push([m, urn, severity]);
    if (severity === "warning" && urn) warnings.push([m, urn]);
  };
  const p = await serve({ env, log: (l) => logs.push(l), note });
  const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${p.port}`, grpc.credentials.createInsecure());
  return { plugin: p, client, logs, warnings, notes };
}

/** The sandbox's credentials as provider inputs (`apiidentity:*` config), secrets wrapped as the engine wraps them. */
function configArgs(env: Record<string, string>): Values {
  const args: Values = {};
  for (const [name, variable] of Object.entries(SETTINGS)) {
    const v = env[variable];
    if (v !== undefined) args[name] = isSecretSetting(name as keyof typeof SETTINGS) ? secret(v) : v;
  }
  return args;
}

let sb: Sandbox;
let r: Running;
/** Everything written to stderr while the tests run (the lifecycle writes some notes there). */
const stderr: string[] = [];
const realWrite = process.stderr.write.bind(process.stderr);
/** Secrets the tests come across, none of which may be logged. */
const secrets = new Set<string>();

const call = {
  configure: (args: Values, variables: Record<string, string> = {}) => {
    const req = new provider.ConfigureRequest();
    req.setArgs(toStruct(args));
    for (const [k, v] of Object.entries(variables)) req.getVariablesMap().set(k, v);
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    return unary<P.ConfigureRequest, P.ConfigureResponse>(r.client, r.client.configure, req);
  },
  check: async (urn: string, olds: Values, news: Values) => {
    const req = new provider.CheckRequest();
    req.setUrn(urn);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    const res = await unary<P.CheckRequest, P.CheckResponse>(r.client, r.client.check, req);
    return { inputs: fromStruct(res.getInputs()), failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })) };
  },
  diff: async (urn: string, id: string, olds: Values, news: Values) => {
    const req = new provider.DiffRequest();
    req.setUrn(urn);
    req.setId(id);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    const res = await unary<P.DiffRequest, P.DiffResponse>(r.client, r.client.diff, req);
    const detailed: Record<string, P.PropertyDiff.Kind> = {};
    res.getDetaileddiffMap().forEach((v, k) => (detailed[k] = v.getKind()));
    return { changes: res.getChanges(), replaces: res.getReplacesList(), detailed, hasDetailed: res.getHasdetaileddiff(), deleteBeforeReplace: res.getDeletebeforereplace() };
  },
  create: async (urn: string, props: Values, preview = false) => {
    const req = new provider.CreateRequest();
    req.setUrn(urn);
    req.setProperties(toStruct(props));
    req.setPreview(preview);
    const res = await unary<P.CreateRequest, P.CreateResponse>(r.client, r.client.create, req);
    return { id: res.getId(), props: fromStruct(res.getProperties()) };
  },
  read: async (urn: string, id: string, props: Values = {}, inputs: Values = {}) => {
    const req = new provider.ReadRequest();
    req.setUrn(urn);
    req.setId(id);
    req.setProperties(toStruct(props));
    req.setInputs(toStruct(inputs));
    const res = await unary<P.ReadRequest, P.ReadResponse>(r.client, r.client.read, req);
    return { id: res.getId(), props: fromStruct(res.getProperties()), inputs: fromStruct(res.getInputs()) };
  },
  update: async (urn: string, id: string, olds: Values, news: Values, preview = false) => {
    const req = new provider.UpdateRequest();
    req.setUrn(urn);
    req.setId(id);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    req.setPreview(preview);
    return fromStruct((await unary<P.UpdateRequest, P.UpdateResponse>(r.client, r.client.update, req)).getProperties());
  },
  delete: async (urn: string, id: string, props: Values) => {
    const req = new provider.DeleteRequest();
    req.setUrn(urn);
    req.setId(id);
    req.setProperties(toStruct(props));
    await unary<P.DeleteRequest, unknown>(r.client, r.client.delete, req);
  },
  invoke: async (tok: string, args: Values) => {
    const req = new provider.InvokeRequest();
    req.setTok(tok);
    req.setArgs(toStruct(args));
    const res = await unary<P.InvokeRequest, P.InvokeResponse>(r.client, r.client.invoke, req);
    return { result: fromStruct(res.getReturn()), failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })) };
  },
};

const { UPDATE, UPDATE_REPLACE } = provider.PropertyDiff.Kind;
const { DIFF_NONE, DIFF_SOME } = provider.DiffResponse.DiffChanges;

beforeAll(async () => {
  sb = await startSandbox();
  for (const [k, v] of Object.entries(sb.config().env)) if (/PASSWORD|SECRET|API_KEY/.test(k)) secrets.add(v);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    stderr.push(String(chunk));
    return (realWrite as (c: string | Uint8Array, ...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  // No vendor setting in the environment: everything the handlers use comes through Configure.
  r = await start({});
  const res = await call.configure(configArgs(sb.config().env));
  expect(res.getAcceptsecrets()).toBe(true);
  expect(res.getSupportspreview()).toBe(true);
});

afterAll(async () => {
  process.stderr.write = realWrite;
  r?.client.close();
  await r?.plugin.close();
  await sb?.close();
});

describe("plugin information", () => {
  it("GetSchema answers schema.json exactly, GetPluginInfo the package version", async () => {
    const schema = await unary<P.GetSchemaRequest, P.GetSchemaResponse>(r.client, r.client.getSchema, new provider.GetSchemaRequest());
    expect(schema.getSchema()).toBe(readFileSync(join(packageRoot, "schema.json"), "utf8"));
    const info = await unary<unknown, InstanceType<typeof plugin.PluginInfo>>(r.client, r.client.getPluginInfo as never, new empty.Empty());
    expect(info.getVersion()).toBe((JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version);
  });

  it("Handshake accepts secrets and resource references", async () => {
    const res = await unary<P.ProviderHandshakeRequest, P.ProviderHandshakeResponse>(r.client, r.client.handshake, new provider.ProviderHandshakeRequest());
    expect(res.getAcceptSecrets()).toBe(true);
    expect(res.getAcceptResources()).toBe(true);
  });
});

describe("lookups through Invoke", () => {
  it("getUptrendsOperator, getControlRoomRole and getUiPathGroup answer as schema.json declares", async () => {
    const op = await call.invoke("apiidentity:index:getUptrendsOperator", { email: "ADMIN@sandbox.uptrends.test" });
    expect(op.failures).toEqual([]);
    expect(op.result).toMatchObject({ operatorGuid: sb.config().vendors.uptrends!.operatorGuid, isAccountAdministrator: true });
    const role = await call.invoke("apiidentity:index:getControlRoomRole", { name: "AAE_Basic" });
    expect(role.result).toMatchObject({ name: "AAE_Basic", id: expect.any(Number) as number });
    const group = await call.invoke("apiidentity:index:getUiPathGroup", { name: "everyone" });
    expect(group.result).toMatchObject({ name: "Everyone", id: "3e4f9c5a-2d6f-4a0c-9e83-5b7c4f9d0a03", type: "builtIn" });
  });

  it("arguments that break the declared inputs are failures naming the argument; a miss is the lookup's own error", async () => {
    const bad = await call.invoke("apiidentity:index:getControlRoomRole", {});
    expect(bad.failures.map((f) => f.property)).toEqual(["name"]);
    await expect(call.invoke("apiidentity:index:getUiPathGroup", { name: "No such group" })).rejects.toThrow(/getUiPathGroup.*No such group|No such group/);
    await expect(call.invoke("apiidentity:index:getNothing", {})).rejects.toThrow(/unknown function 'apiidentity:index:getNothing'/);
  });

  it("arguments not known yet (preview) reach no vendor", async () => {
    sb.clearRequests();
    const res = await call.invoke("apiidentity:index:getUptrendsOperator", { email: UNKNOWN });
    expect(res.result).toEqual({});
    expect(sb.requests()).toEqual([]);
  });
});

interface Case {
  kind: string;
  news: () => Values;
  /** An updatable property and a new value for it. */
  update: [string, unknown];
  /** A property whose change replaces the identity, and a new value. */
  replace?: [string, unknown];
  /** Outputs that must be secrets in state. */
  secretOutputs: string[];
}

const ROBOT_GROUP = "3e4f9c5a-2d6f-4a0c-9e83-5b7c4f9d0a03";
const cases: Case[] = [
  {
    kind: "UptrendsApiAccount",
    news: () => ({ operatorGuid: sb.config().vendors.uptrends!.operatorGuid!, description: "plugin integration" }),
    update: ["description", "plugin integration, changed"],
    replace: ["operatorGuid", "0a0b0c0d-1111-4222-8333-944445555666"],
    secretOutputs: ["password"],
  },
  {
    kind: "IseApiUser",
    news: () => ({ emailAddress: "plugin-it@example.com", password: secret("Plugin-Passw0rd-1"), firstName: "Plugin", lastName: "Test", roles: ["Cisco ISE Operations"] }),
    update: ["displayName", "Plugin integration"],
    replace: ["emailAddress", "plugin-it-2@example.com"],
    secretOutputs: ["password"],
  },
  {
    kind: "ControlRoomUser",
    news: () => ({ username: "plugin-it", email: "plugin-it@example.com", password: secret("Plugin#Pass1"), roles: ["AAE_Basic"], firstName: "Plugin" }),
    update: ["firstName", "Plugin changed"],
    replace: ["username", "plugin-it-2"],
    secretOutputs: ["password"],
  },
  {
    kind: "VerifyApiClient",
    news: () => ({ clientName: "plugin-it", entitlements: ["readUsers"], description: "plugin integration" }),
    update: ["description", "changed through the plugin"],
    secretOutputs: ["clientSecret"],
  },
  {
    kind: "UiPathRobotAccount",
    news: () => ({ name: "plugin-it", displayName: "Plugin integration", groupIds: [ROBOT_GROUP] }),
    update: ["displayName", "Plugin integration, changed"],
    replace: ["name", "plugin-it-2"],
    secretOutputs: [],
  },
];

describe.each(cases)("$kind through the plugin", (c) => {
  const urn = urnOf(c.kind, "it");

  it("check, preview, create, read, diff, update, import by id, delete", async () => {
    for (const v of Object.values(c.news())) if (isSecret(v)) secrets.add(String(v.value));

    // Check: the create key from the URN, secret inputs kept secret, no failure.
    const checked = await call.check(urn, {}, c.news());
    expect(checked.failures).toEqual([]);
    expect(checked.inputs.__createKey).toBe(`${PROJECT}/${STACK}/${c.kind}/it`);
    for (const [k, v] of Object.entries(c.news())) if (isSecret(v)) expect(isSecret(checked.inputs[k]), k).toBe(true);

    // A preview of the create sends nothing to the vendor and leaves the generated outputs unknown.
    sb.clearRequests();
    const preview = await call.create(urn, checked.inputs, true);
    expect(sb.requests()).toEqual([]);
    expect(preview.id).toBe("");
    for (const s of c.secretOutputs) expect(isSecret(preview.props[s]), s).toBe(true);
    for (const k of Object.keys(preview.props)) if (!(k in checked.inputs)) expect(reveal(preview.props[k]), k).toBe(UNKNOWN);

    const made = await call.create(urn, checked.inputs);
    expect(made.id).not.toBe("");
    for (const s of c.secretOutputs) {
      expect(isSecret(made.props[s]), s).toBe(true);
      const value = reveal(made.props[s]);
      if (typeof value === "string" && value !== "") secrets.add(value);
    }
    expect(made.props.__createKey).toBeUndefined();

    // Refresh: the same identity, and no diff against the checked inputs.
    const read = await call.read(urn, made.id, made.props, checked.inputs);
    expect(read.id).toBe(made.id);
    const same = await call.diff(urn, made.id, read.props, checked.inputs);
    expect(same).toMatchObject({ changes: DIFF_NONE, replaces: [], detailed: {}, hasDetailed: true });

    // An updatable change is an UPDATE, a replacing one an UPDATE_REPLACE, each under its own name.
    const [up, upValue] = c.update;
    const changed = (await call.check(urn, checked.inputs, { ...c.news(), [up]: upValue })).inputs;
    const upd = await call.diff(urn, made.id, read.props, changed);
    expect(upd).toMatchObject({ changes: DIFF_SOME, replaces: [], detailed: { [up]: UPDATE } });
    if (c.replace) {
      const [rep, repValue] = c.replace;
      const replacing = (await call.check(urn, checked.inputs, { ...c.news(), [rep]: repValue })).inputs;
      const d = await call.diff(urn, made.id, read.props, replacing);
      // (IseApiUser's username follows its emailAddress when not given: both replace.)
      expect(d).toMatchObject({ changes: DIFF_SOME, replaces: expect.arrayContaining([rep]) as string[], detailed: { [rep]: UPDATE_REPLACE } });
    }

    // A preview of the update reaches no vendor; the update itself changes the identity.
    sb.clearRequests();
    const previewed = await call.update(urn, made.id, read.props, changed, true);
    expect(sb.requests()).toEqual([]);
    expect(reveal(previewed[up])).toEqual(upValue);
    const updated = await call.update(urn, made.id, read.props, changed);
    expect(reveal(updated[up])).toEqual(upValue);
    for (const s of c.secretOutputs) expect(isSecret(updated[s]), s).toBe(true);
    const after = await call.read(urn, made.id, updated, changed);
    expect(reveal(after.props[up])).toEqual(upValue);

    // Import: Read with the id alone gives outputs and inputs that, checked and diffed, are no change.
    const importUrn = urnOf(c.kind, "imported");
    const imported = await call.read(importUrn, made.id);
    expect(imported.id).toBe(made.id);
    expect(imported.inputs.importId).toBe(made.id);
    const importChecked = await call.check(importUrn, {}, imported.inputs);
    // Nothing is missing, not even a password no vendor returns: with importId (which the Read
    // answers) an adopted identity keeps the password it has, so the printed code needs none.
    expect(importChecked.failures).toEqual([]);
    for (const p of writeOnlyInputsOf(c.kind)) expect(imported.inputs, p).not.toHaveProperty(p);
    const importDiff = await call.diff(importUrn, made.id, imported.props, importChecked.inputs);
    expect(importDiff, JSON.stringify(importDiff.detailed)).toMatchObject({ changes: DIFF_NONE, detailed: {} });

    // Delete; a read afterwards says it is gone (an empty id).
    await call.delete(urn, made.id, updated);
    expect((await call.read(urn, made.id, updated, changed)).id).toBe("");
  });
});

describe("configuration", () => {
  it("CheckConfig refuses a key that is no setting; DiffConfig reports a changed credential as an update", async () => {
    const req = new provider.CheckRequest();
    req.setUrn("urn:pulumi:dev::identities::pulumi:providers:apiidentity::default");
    req.setNews(toStruct({ uptrendsUsername: "u", uptrendsPasword: "typo" }));
    const res = await unary<P.CheckRequest, P.CheckResponse>(r.client, r.client.checkConfig, req);
    expect(res.getFailuresList().map((f) => f.getProperty())).toEqual(["uptrendsPasword"]);

    const d = new provider.DiffRequest();
    d.setUrn("urn:pulumi:dev::identities::pulumi:providers:apiidentity::default");
    d.setOldInputs(toStruct({ uptrendsPassword: "a" }));
    d.setOlds(toStruct({ uptrendsPassword: "a" }));
    d.setNews(toStruct({ uptrendsPassword: "b" }));
    const dr = await unary<P.DiffRequest, P.DiffResponse>(r.client, r.client.diffConfig, d);
    expect(dr.getChanges()).toBe(DIFF_SOME);
    expect(dr.getReplacesList()).toEqual([]);
    expect(dr.getDetaileddiffMap().get("uptrendsPassword")?.getKind()).toBe(UPDATE);
  });

  it("a vendor's refusal is the error the dynamic provider shows, word for word, with no credential in it", async () => {
    const other = await start({});
    const saved = r;
    r = other;
    try {
      const env = { ...sb.config().env, UPTRENDS_PASSWORD: "Wrong-Password-9" };
      secrets.add("Wrong-Password-9");
      await call.configure(configArgs(env));
      const news = cases[0]!.news();
      const checked = await call.check(urnOf("UptrendsApiAccount", "refused"), {}, news);
      const viaPlugin = await call.create(urnOf("UptrendsApiAccount", "refused"), checked.inputs).then(
        () => "created",
        (e: ServiceError) => e.details,
      );
      const dynamic = handlerFor("UptrendsApiAccount").with(resolveSettings({ env }));
      const viaHandler = await dynamic.create({ ...news, __createKey: `${PROJECT}/${STACK}/UptrendsApiAccount/refused` }).then(
        () => "created",
        (e: Error) => e.message,
      );
      expect(viaPlugin).toMatch(/^UptrendsApiAccount: .*401/);
      expect(viaPlugin).toBe(viaHandler);
      expect(viaPlugin).not.toContain("Wrong-Password-9");
    } finally {
      r = saved;
      other.client.close();
      await other.plugin.close();
    }
  });

  it("one client per vendor per process: a plugin configured twice alike fetches one token for all its calls", async () => {
    const other = await start({});
    const saved = r;
    r = other;
    try {
      const args = configArgs(sb.config().env);
      await call.configure(args);
      sb.clearRequests();
      const made: { urn: string; id: string; props: Values }[] = [];
      for (const name of ["one", "two"]) {
        const urn = urnOf("VerifyApiClient", `token-${name}`);
        // The engine configures the provider again for each resource of a new provider instance; alike, it changes nothing.
        await call.configure(args);
        const checked = await call.check(urn, {}, { clientName: `plugin-token-${name}`, entitlements: ["readUsers"] });
        made.push({ urn, ...(await call.create(urn, checked.inputs)) });
      }
      for (const m of made) await call.delete(m.urn, m.id, m.props);
      const tokens = sb.requests().filter((q) => q.vendor === "ibm-verify" && q.route.endsWith("/token"));
      expect(tokens.reduce((n, q) => n + q.count, 0)).toBe(1);
    } finally {
      r = saved;
      other.client.close();
      await other.plugin.close();
    }
  });

  it("advice on valid inputs that break a guessed vendor rule is a warning on the resource, once all values are known", async () => {
    const urn = urnOf("IseApiUser", "advised");
    const news = { emailAddress: "advised@example.com", password: secret("short"), roles: ["Cisco ISE Operations"] };
    const before = r.warnings.length;
    const checked = await call.check(urn, {}, news);
    expect(checked.failures).toEqual([]);
    const got = r.warnings.slice(before);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every(([m, u]) => u === urn && m.startsWith("password "))).toBe(true);
    // The same words the TypeScript classes show (the handler's own advice).
    expect(got.map(([m]) => m)).toEqual(handlerFor("IseApiUser").advise!({ ...news, password: "short" }));
    const pending = r.warnings.length;
    await call.check(urn, {}, { ...news, firstName: UNKNOWN });
    expect(r.warnings.length).toBe(pending);
  });

  it("the lifecycle's notes reach the engine attached to the resource whose call wrote them, never stderr", async () => {
    const made = await call.create(urnOf("VerifyApiClient", "noted"), (await call.check(urnOf("VerifyApiClient", "noted"), {}, { clientName: "plugin-noted", entitlements: ["readUsers"] })).inputs);
    const urn = urnOf("VerifyApiClient", "noted-adopted");
    const before = stderr.length;
    const checked = await call.check(urn, {}, { clientName: "plugin-noted", entitlements: ["readUsers"], importId: made.id });
    const adopted = await call.create(urn, checked.inputs);
    expect(adopted.id).toBe(made.id);
    expect(r.notes.filter(([, u]) => u === urn)).toEqual([[`adopted VerifyApiClient ${made.id}; changed: nothing`, urn, "info"]]);
    expect(stderr.slice(before).join("")).not.toContain("apiidentity: adopted");
    await call.delete(urn, adopted.id, adopted.props);
  });

  it("a secret wrapping nothing (ignoreChanges on a password state lacks) is no password: check passes with importId, and without it asks for one", async () => {
    const urn = urnOf("IseApiUser", "ignored");
    const nothing = { [SIG_KEY]: SECRET_SIG };
    const news = { emailAddress: "ignored@example.com", importId: "10001", password: nothing };
    const adopted = await call.check(urn, {}, news);
    expect(adopted.failures).toEqual([]);
    expect(adopted.inputs).not.toHaveProperty("password");
    // The same for a secret of null (a null survives the wire; a plain null would fail check as no string).
    const ofNull = await call.check(urn, {}, { ...news, password: secret(null) });
    expect(ofNull.failures).toEqual([]);
    expect(ofNull.inputs).not.toHaveProperty("password");
    const created = await call.check(urn, {}, { emailAddress: "ignored@example.com", password: nothing });
    expect(created.failures).toEqual([{ property: "password", reason: expect.stringContaining("password is required to create an API user") as string }]);
  });

  it("a resource type this provider does not serve is refused by name", async () => {
    await expect(call.check("urn:pulumi:dev::identities::apiidentity:index:Nothing::x", {}, {})).rejects.toThrow(/unknown resource type 'apiidentity:index:Nothing'/);
  });
});

describe("logs", () => {
  it("hold no secret: no credential, no generated password or client secret, no input password", () => {
    const logged = [...r.logs, ...stderr].join("\n");
    expect(secrets.size).toBeGreaterThan(8);
    for (const s of secrets) expect(logged).not.toContain(s);
  });
});
