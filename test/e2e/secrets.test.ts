// Secrets end to end: a create / update / refresh / rotate / destroy cycle of all five kinds through
// the real pulumi CLI, plus deliberately failed calls whose vendor errors echo what was sent (the
// passwords, client secrets, tokens and provider credentials in the request), and a password refused
// by a local rule. Then every secret value that travelled in a request (where it must) or came back
// in an answer is searched for in plain text everywhere else: the exported state after each step,
// the backend's files and history, the project's files, the stdout and stderr of every pulumi command
// (the provider's own stderr, debug log on, reaches them), every error message, and the full URL of
// every vendor request (seen by a recording proxy in front of the sandbox).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VENDORS } from "../../provider/vendors/index.js";
import { BASIC_VENDORS, TOKEN_VENDORS } from "../../sandbox/kinds.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import type { AaState } from "../../sandbox/vendors/automation-anywhere/state.js";
import type { VerifyState } from "../../sandbox/vendors/ibm-verify/state.js";
import type { IvantiState } from "../../sandbox/vendors/ivanti/state.js";
import type { UiPathState } from "../../sandbox/vendors/uipath/state.js";
import type { UptrendsState } from "../../sandbox/vendors/uptrends/state.js";
import { CREATE_ROUTES, TOKEN_ROUTES } from "../reliability/faults.js";
import { ECHO, startRecordingProxy, type RecordingProxy } from "../secrets/recording-proxy.js";
import { SecretSearch } from "../secrets/search.js";
import { PulumiProject, type RunResult } from "./harness.js";

/** The registry's kinds and vendors: a vendor missing from the walk's program fails the create step. */
const WALK_KINDS = VENDORS.flatMap((v) => v.kinds.map((k) => k.kind));
const VENDOR_NAMES = VENDORS.map((v) => v.name);
/** Which vendor an error line is about: the first display name in it. */
const vendorIn = (line: string) => VENDORS.map((v) => v.displayName).find((n) => line.includes(n));
/** Each vendor's create route (the sandbox's template) where the fault table knows it; else every POST. */
const createRoute = (vendor: string): string | undefined => (CREATE_ROUTES as Readonly<Record<string, string>>)[vendor];

const hex = (n: number) => randomBytes(n).toString("hex");
// Ivanti: 8-128 characters of three classes; Control Room: 8-15 of a-z A-Z 0-9 @ - _ ! # $ % & .
const isePasswords = [`Ise#${hex(5)}Pw1`, `Ise#${hex(5)}Pw2`, `Ise#${hex(5)}Pw3`];
const crPasswords = [`Cr#${hex(4)}Pw1`, `Cr#${hex(4)}Pw2`];
const badCrPassword = `Cr(${hex(8)})-far-too-long`;

interface Step {
  description: string;
  rotation: number;
}

const program = (s: Step) => `
import * as pulumi from "@pulumi/pulumi";
import { ControlRoomUser, IseApiUser, UiPathRobotAccount, UptrendsApiAccount, VerifyApiClient, getControlRoomRole, getUiPathGroup, getUptrendsOperator } from "pulumi-apiidentity";
const cfg = new pulumi.Config();
const description = ${JSON.stringify(s.description)};
const operator = await getUptrendsOperator({ email: "admin@sandbox.uptrends.test" });
const runner = await getControlRoomRole({ name: "bot_runner" });
const robots = await getUiPathGroup({ name: "Robots" });
const ise = new IseApiUser("ise", { emailAddress: "secrets-ise@example.com", firstName: "Ise", displayName: description, password: cfg.requireSecret("isePassword") });
const uptrends = new UptrendsApiAccount("uptrends", { operatorGuid: operator.operatorGuid, description });
const cr = new ControlRoomUser("controlroom", { username: "secrets-robot", email: "robot@example.com", password: cfg.requireSecret("controlRoomPassword"), roles: [runner, "AAE_Basic"], licenseFeatures: ["RUNTIME"], description });
const verify = new VerifyApiClient("verify", { clientName: "secrets-client", entitlements: ["readUsers"], description, secretRotation: ${s.rotation} });
const bot = new UiPathRobotAccount("uipath", { name: "secrets-bot", displayName: description, groupIds: [robots.id] });
export const isePassword = ise.password;
export const uptrendsPassword = uptrends.password;
export const controlRoomPassword = cr.password;
export const verifyClientSecret = verify.clientSecret;
export const ids = [ise.accountId, uptrends.apiUserGuid, cr.userId, verify.apiClientId, bot.robotAccountId];
`;

describe("secrets through a full cycle of the five kinds", () => {
  let sb: Sandbox;
  let proxy: RecordingProxy;
  let p: PulumiProject;
  const search = new SecretSearch();
  const outputs: { step: string; r: RunResult }[] = [];
  let exports = 0;
  let debugFigure = "";
  const changed = "secrets walk, changed";
  let created: Held;
  let updated: Held;

  /** Runs a pulumi command, keeping its output as a place to search. */
  async function pulumi(step: string, args: string[], expectCode: "ok" | "fail" = "ok"): Promise<RunResult> {
    const r = await p.run(args);
    outputs.push({ step, r });
    search.add(`pulumi ${step} (stdout)`, r.stdout);
    search.add(`pulumi ${step} (stderr)`, r.stderr);
    if (expectCode === "ok" && r.code !== 0) throw new Error(`pulumi ${step} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    if (expectCode === "fail" && r.code === 0) throw new Error(`pulumi ${step} was expected to fail\n${r.stdout}\n${r.stderr}`);
    return r;
  }

  async function exportState(step: string): Promise<string> {
    const r = await pulumi(`stack export after ${step}`, ["stack", "export"]);
    exports++;
    search.add(`stack export after ${step}`, r.stdout);
    return r.stdout;
  }

  /** Every vendor's error answers to matching calls echo the request's values and credentials. */
  function echoFaults(rules: { vendor: string; method: string; route?: string | undefined; status: number }[]): void {
    for (const r of rules) sb.faults.add({ vendor: r.vendor, method: r.method, ...(r.route ? { route: r.route } : {}), effect: { type: "status", status: r.status, message: `${ECHO}` } });
  }

  /** The error lines of a failed command, one per failed vendor call. */
  function errorLines(r: RunResult): string[] {
    return `${r.stdout}\n${r.stderr}`.split("\n").filter((l) => /failed with HTTP \d{3}/.test(l));
  }

  /** What the vendors hold for the walk's five identities, found by the names the program gives them. */
  function held() {
    const ise = (sb.store.vendor("ivanti") as unknown as IvantiState).accounts.filter((a) => a.uid === "secrets-ise@example.com");
    const uptrends = (sb.store.vendor("uptrends") as unknown as UptrendsState).apiUsers.filter((u) => u.description.startsWith("secrets walk"));
    const cr = Object.values((sb.store.vendor("automation-anywhere") as unknown as AaState).users).filter((u) => u.username === "secrets-robot");
    const verify = (sb.store.vendor("ibm-verify") as unknown as VerifyState).apiClients.filter((c) => c.clientName === "secrets-client");
    const bot = (sb.store.vendor("uipath") as unknown as UiPathState).robotAccounts.filter((r) => r.name === "secrets-bot");
    return {
      ise: ise.map((a) => ({ id: a.id, displayName: a.displayName, password: a.password })),
      uptrends: uptrends.map((u) => ({ id: u.apiUserGuid, description: u.description, passwordHash: u.passwordHash })),
      controlRoom: cr.map((u) => ({ id: u.id, description: u.description, password: u.password })),
      verify: verify.map((c) => ({ id: c.id, description: c.description, clientSecret: c.clientSecret })),
      uipath: bot.map((r) => ({ id: r.id, displayName: r.displayName, groupIds: r.groupIds })),
    };
  }
  type Held = ReturnType<typeof held>;

  beforeAll(async () => {
    sb = await startSandbox();
    proxy = await startRecordingProxy(sb.url);
    // Every vendor URL points at the proxy; the UiPath client secret is encrypted stack config.
    const env: Record<string, string> = { APIIDENTITY_DEBUG: "1" };
    for (const [k, v] of Object.entries(sb.config().env)) env[k] = v.startsWith(sb.url) ? proxy.origin + v.slice(sb.url.length) : v;
    delete env.UIPATH_CLIENT_SECRET;
    p = new PulumiProject({ program: program({ description: "secrets walk", rotation: 0 }), env });
    await p.init();
    await p.setConfig("apiidentity:uipathClientSecret", sb.config().vendors.uipath!.clientSecret!, true);
    await p.setConfig("isePassword", isePasswords[0]!, true);
    await p.setConfig("controlRoomPassword", badCrPassword, true);
  });

  afterAll(async () => {
    p?.cleanup();
    await proxy?.close();
    await sb?.close();
  });

  it("a password refused by a local rule: the error names the property, not the value, and no vendor write", async () => {
    try {
      const r = await pulumi("preview with a bad password", ["preview"], "fail");
      expect(r.stdout + r.stderr).toMatch(/ControlRoomUser resource 'controlroom': property password value \S+ has a problem: password must be 8 to 15 characters/);
      // Only the program's look-ups (log-ins and lists) talked to vendors.
      expect(proxy.exchanges.filter((e) => e.method !== "GET" && !/token|authentication|list/i.test(e.url))).toEqual([]);
    } finally {
      await p.setConfig("controlRoomPassword", crPasswords[0]!, true);
    }
  });

  it("creates refused by vendors that echo the request (passwords, tokens, Basic credentials): every error is redacted", async () => {
    echoFaults(VENDOR_NAMES.map((vendor) => ({ vendor, method: "POST", route: createRoute(vendor), status: 400 })));
    try {
      const r = await pulumi("up with echoing create errors", ["up", "--yes", "--skip-preview", "--continue-on-error"], "fail");
      const lines = errorLines(r);
      expect(new Set(lines.map(vendorIn)).size).toBe(VENDORS.length);
      for (const l of lines) expect(l).toContain("[REDACTED]");
    } finally {
      sb.faults.clear();
    }
    expect(proxy.exchanges.filter((e) => e.echoed).length).toBeGreaterThanOrEqual(VENDORS.length);
  });

  it("creates all five", async () => {
    await pulumi("up (create)", ["up", "--yes", "--skip-preview"]);
    const state = JSON.parse(await exportState("create")) as { deployment: { resources?: { type: string }[] } };
    const kinds = (state.deployment.resources ?? []).map((r) => r.type.split(":").pop());
    expect(kinds.filter((k) => WALK_KINDS.includes(k!)).sort()).toEqual([...WALK_KINDS].sort());
    created = held();
    for (const [vendor, identities] of Object.entries(created)) expect(identities, vendor).toHaveLength(1);
    expect(created.ise[0]!.password).toBe(isePasswords[0]);
    expect(created.controlRoom[0]!.password).toBe(crPasswords[0]);
  });

  it("updates refused by vendors that echo the request (Ivanti and Control Room password changes among them): every error is redacted", async () => {
    await p.setConfig("isePassword", isePasswords[1]!, true);
    await p.setConfig("controlRoomPassword", crPasswords[1]!, true);
    p.writeProgram(program({ description: "secrets walk, changed", rotation: 0 }));
    echoFaults(VENDOR_NAMES.map((vendor) => ({ vendor, method: "PUT", status: 500 })));
    try {
      const r = await pulumi("up with echoing update errors", ["up", "--yes", "--skip-preview", "--continue-on-error"], "fail");
      const lines = errorLines(r);
      expect(new Set(lines.map(vendorIn)).size).toBe(VENDORS.length);
      for (const l of lines) expect(l).toContain("[REDACTED]");
    } finally {
      sb.faults.clear();
    }
    await exportState("failed update");
  });

  it("updates all five (passwords changed at Ivanti and the Control Room)", async () => {
    await pulumi("up (update)", ["up", "--yes", "--skip-preview"]);
    await exportState("update");
    // The same five identities, changed in place: the new description and passwords are the vendors'.
    updated = held();
    const [ise, uptrends, cr, verify, bot] = [created.ise[0]!, created.uptrends[0]!, created.controlRoom[0]!, created.verify[0]!, created.uipath[0]!];
    // IBM Verify holds the create key's marker after the description; it stays through an update.
    const marker = / \[apiidentity:\w+\]$/.exec(verify.description ?? "")?.[0];
    expect(marker).toBeDefined();
    expect(updated).toEqual({
      ise: [{ ...ise, displayName: changed, password: isePasswords[1] }],
      uptrends: [{ ...uptrends, description: changed }],
      controlRoom: [{ ...cr, description: changed, password: crPasswords[1] }],
      verify: [{ ...verify, description: changed + marker }],
      uipath: [{ ...bot, displayName: changed }],
    });
  });

  it("refreshes", async () => {
    await pulumi("refresh", ["refresh", "--yes", "--skip-preview"]);
    await exportState("refresh");
    expect(held()).toEqual(updated);
  });

  it("rotates: the Verify client secret (secretRotation) and the Ivanti password", async () => {
    await p.setConfig("isePassword", isePasswords[2]!, true);
    p.writeProgram(program({ description: "secrets walk, changed", rotation: 1 }));
    await pulumi("up (rotate)", ["up", "--yes", "--skip-preview"]);
    await exportState("rotate");
    // The same client with a new secret, the API user with the third password, the rest untouched.
    const rotated = held();
    expect(rotated.verify).toHaveLength(1);
    expect(rotated.verify[0]!.clientSecret).not.toBe(updated.verify[0]!.clientSecret);
    expect(rotated).toEqual({
      ...updated,
      ise: [{ ...updated.ise[0]!, password: isePasswords[2] }],
      verify: [{ ...updated.verify[0]!, clientSecret: rotated.verify[0]!.clientSecret }],
    });
  });

  it("logins and reads refused by vendors that echo the credentials: every error is redacted", async () => {
    // HTTP Basic vendors refuse every read; token vendors refuse their token calls (every POST where the fault table knows none).
    const tokenRoutes = (vendor: string): readonly (string | undefined)[] => (TOKEN_ROUTES as Readonly<Record<string, readonly string[]>>)[vendor] ?? [undefined];
    echoFaults([
      ...BASIC_VENDORS.map((vendor) => ({ vendor, method: "GET", status: 401 })),
      ...TOKEN_VENDORS.flatMap((vendor) => tokenRoutes(vendor).map((route) => ({ vendor, method: "POST", route, status: 401 }))),
    ]);
    try {
      const r = await pulumi("refresh with echoing auth errors", ["refresh", "--yes", "--skip-preview"], "fail");
      const lines = errorLines(r);
      expect(new Set(lines.map(vendorIn)).size).toBe(VENDORS.length);
      for (const l of lines) expect(l).toContain("[REDACTED]");
    } finally {
      sb.faults.clear();
    }
  });

  it("with --debug -v=9, Pulumi's own SDK and engine print secrets (never publish such logs); the provider's own lines print none", async () => {
    // Kept out of the search below: these lines are Pulumi's, and they do hold secrets.
    const r = await p.run(["preview", "--refresh", "--debug", "-v=9", "--logtostderr"]);
    expect(r.code).toBe(0);
    const lines = `${r.stdout}\n${r.stderr}`.split("\n");
    const values = [...proxy.secrets.keys(), ...isePasswords, ...crPasswords];
    const withSecret = (l: string) => values.some((v) => l.includes(v));
    const ours = lines.filter((l) => l.includes("apiidentity: "));
    const pulumis = lines.filter((l) => !l.includes("apiidentity: ") && withSecret(l));
    expect(ours.length).toBeGreaterThan(5);
    expect(ours.filter(withSecret)).toEqual([]);
    // The hazard the docs warn about, seen in the pinned engine: RPC payloads (decrypted config,
    // RegisterResource answers) are printed with the secrets in them.
    expect(pulumis.some((l) => l.includes("Marshaling property for RPC") || l.includes("RegisterResource RPC finished"))).toBe(true);
    debugFigure = `${ours.length} provider lines with 0 secrets, ${pulumis.length} Pulumi SDK/engine lines with secrets`;
  });

  it("destroys", async () => {
    await pulumi("destroy", ["destroy", "--yes", "--skip-preview"]);
    await exportState("destroy");
    expect(held()).toEqual({ ise: [], uptrends: [], controlRoom: [], verify: [], uipath: [] });
  });

  it("no secret is in plain text anywhere but the requests that must carry it", () => {
    // What the provider used and what the vendors made: provider credentials, the passwords the
    // program set, the generated password and client secrets, every token issued.
    const secrets = new Map(proxy.secrets);
    const cfg = sb.config().vendors;
    const credentials: [string, string | undefined][] = [
      ["Uptrends provider password", cfg.uptrends?.password],
      ["Ivanti provider password", cfg.ivanti?.password],
      ["Control Room provider API key", cfg["automation-anywhere"]?.apiKey],
      ["Control Room provider password", cfg["automation-anywhere"]?.password],
      ["IBM Verify provider client secret", cfg["ibm-verify"]?.clientSecret],
      ["UiPath provider client secret", cfg.uipath?.clientSecret],
    ];
    for (const [kind, v] of credentials) if (v) secrets.set(v, kind);
    for (const v of [...isePasswords, ...crPasswords, badCrPassword]) secrets.set(v, "password set by the program");

    // The proof that the search looks at real values: each kind of secret was seen on the wire.
    const kinds = [...secrets.values()];
    expect(kinds.filter((k) => /header credential/.test(k)).length).toBeGreaterThanOrEqual(2); // Basic: Ivanti, Uptrends
    expect(kinds.filter((k) => /answer field (access_token|token)/i.test(k)).length).toBeGreaterThanOrEqual(3); // issued tokens
    expect(kinds.filter((k) => /answer field clientSecret/i.test(k)).length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => /answer field password/i.test(k)).length).toBeGreaterThanOrEqual(1);
    for (const v of [isePasswords[1]!, isePasswords[2]!, crPasswords[1]!]) expect(proxy.secrets.has(v)).toBe(true);

    // The places: besides the command outputs and exports added as the walk went, every file of the
    // backend (checkpoints, history, backups) and of the project (config, program), the URLs, and
    // the error messages the echoing vendors provoked.
    const files = search.addFiles(p.root, "project", ["node_modules", "plugins"]);
    search.add("vendor request URLs", proxy.exchanges.map((e) => `${e.method} ${e.url}\n`).join(""));
    const errors = outputs.flatMap(({ step, r }) => errorLines(r).map((l) => ({ step, l })));
    errors.forEach(({ step, l }, i) => search.add(`error ${i + 1} of ${step}`, l));
    const providerLog = outputs.flatMap(({ r }) => `${r.stdout}\n${r.stderr}`.split("\n").filter((l) => l.includes("apiidentity: ")));

    expect(errors.length).toBeGreaterThanOrEqual(15);
    expect(providerLog.length).toBeGreaterThan(20); // the provider's debug log reached the CLI output
    expect(proxy.exchanges.length).toBeGreaterThan(50);
    expect(exports).toBeGreaterThanOrEqual(6);
    expect(files).toBeGreaterThanOrEqual(5);

    const hits = search.find(secrets);
    expect(hits).toEqual([]);
    console.log(
      `secrets: ${secrets.size} secret values searched in ${search.size} places (${outputs.length} pulumi commands' stdout and stderr, ${exports} state exports, ${files} project and backend files, ${proxy.exchanges.length} vendor request URLs, ${errors.length} vendor error messages, ${providerLog.length} provider log lines), ${hits.length} hits; with --debug -v=9: ${debugFigure}`,
    );
  });
});
