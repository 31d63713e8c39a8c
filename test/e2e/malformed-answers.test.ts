// Malformed vendor answers through the real engine: a `pulumi refresh` of one
// identity of each kind while every vendor read answers with truncated JSON, an empty 200, an HTML
// page (with 200, and as a gateway's 502) or fields of the wrong type (sandbox faults). Each refresh
// fails with one error per resource that names the vendor call, nothing crashes, the state is left as
// it was and no vendor is written to; once the vendors answer properly again, a refresh shows no change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FaultRuleInput } from "../../sandbox/faults.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { PulumiProject, type StateResource } from "./harness.js";

let sb: Sandbox;
let p: PulumiProject;

/** The read each kind makes on refresh, as its error names it. */
const CALLS: Record<string, RegExp> = {
  UptrendsApiAccount: /Uptrends:? .*GET \/ApiUser\/\{apiUserGuid\}/,
  IseApiUser: /Ivanti:? .*GET \/api\/v1\/account\/\{accountId\}/,
  // The Control Room client names a read by what it asks when it cannot parse the answer (its path
  // differs between generations), and by method and path when the vendor answered an error status.
  ControlRoomUser: /Automation Anywhere:? .*(the user read|GET \/v2\/usermanagement\/users\/\{userId\})/,
  VerifyApiClient: /IBM Verify:? .*GET \/v1\.0\/apiclients\/\{id\}/,
  UiPathRobotAccount: /UiPath:? .*GET \/RobotAccount\/\{partitionGlobalId\}\/\{robotAccountId\}/,
};

/** Each vendor's identity field, given a value of the wrong type. */
const WRONG_TYPES: FaultRuleInput[] = [
  { vendor: "uptrends", method: "GET", effect: { type: "setField", name: "ApiUserGuid", value: 42 } },
  { vendor: "ivanti", method: "GET", effect: { type: "setField", name: "id", value: "10001" } },
  { vendor: "automation-anywhere", method: "GET", effect: { type: "setField", name: "id", value: "2001" } },
  { vendor: "ibm-verify", method: "GET", effect: { type: "setField", name: "id", value: 42 } },
  { vendor: "uipath", method: "GET", effect: { type: "setField", name: "id", value: { guid: "x" } } },
];

const FORMS: { what: string; rules: FaultRuleInput[] }[] = [
  { what: "truncated JSON", rules: [{ method: "GET", effect: { type: "truncateAnswer", keepFraction: 0.5 } }] },
  { what: "an empty 200", rules: [{ method: "GET", effect: { type: "emptyAnswer", status: 200 } }] },
  { what: "an HTML page with 200", rules: [{ method: "GET", effect: { type: "htmlPage", status: 200 } }] },
  { what: "a gateway's HTML 502", rules: [{ method: "GET", effect: { type: "htmlPage", status: 502 } }] },
  { what: "wrong types", rules: WRONG_TYPES },
];

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const READ_ONLY_POSTS = [/\/authentication$/, /\/token$/, /\/usermanagement\/roles\/list$/];

/** Resources as state holds them, secrets as their ciphertext's absence (it may be re-encrypted). */
function comparable(resources: StateResource[]): string {
  const mask = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(mask);
    if (v && typeof v === "object") {
      if ("4dabf18193072939515e22adb298388d" in v) return "[secret]";
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mask(x)]));
    }
    return v;
  };
  return JSON.stringify(resources.map((r) => ({ urn: r.urn, id: r.id, inputs: mask(r.inputs), outputs: mask(r.outputs) })));
}

beforeAll(async () => {
  sb = await startSandbox();
  const operatorGuid = sb.config().vendors.uptrends!.operatorGuid!;
  p = new PulumiProject({
    env: sb.config().env,
    program: `import { ControlRoomUser, IseApiUser, UiPathRobotAccount, UptrendsApiAccount, VerifyApiClient } from "pulumi-apiidentity";
new IseApiUser("ise", { emailAddress: "malformed-ise@example.com", firstName: "Cisco", lastName: "ISE", password: "Ex4mple-Ise-Pass" });
new UptrendsApiAccount("monitor", { operatorGuid: ${JSON.stringify(operatorGuid)}, description: "malformed answers" });
new ControlRoomUser("bot", { username: "svc-malformed", email: "malformed@example.com", password: "Ex4mple#Bot1", roles: ["AAE_Basic"] });
new VerifyApiClient("client", { clientName: "malformed-client", entitlements: ["readUsers"] });
new UiPathRobotAccount("robot", { name: "malformed-robot" });
`,
  });
  await p.init();
  await p.up();
}, 300_000);

afterAll(async () => {
  try {
    sb.faults.clear();
    await p?.destroy();
  } finally {
    p?.cleanup();
    await sb?.close();
  }
}, 300_000);

describe("malformed vendor answers on refresh", () => {
  let errors = 0;

  it.each(FORMS.map((f) => [f.what, f] as const))("%s: an error naming the call for each resource, no crash, state kept", async (_what, form) => {
    const before = comparable((await p.exportStack()).resources);
    sb.faults.clear();
    sb.clearRequests();
    for (const rule of form.rules) sb.faults.add(rule);
    const r = await p.run(["refresh", "--yes", "--skip-preview"]);
    sb.faults.clear();
    const out = `${r.stdout}\n${r.stderr}`;
    expect(r.code, out).not.toBe(0);
    for (const [kind, call] of Object.entries(CALLS)) {
      const own = out.split("\n").filter((l) => l.includes(`error: ${kind}: `));
      expect(own.some((l) => call.test(l)), `${kind}: no error names its call\n${out}`).toBe(true);
      errors++;
    }
    // An error, not a crash of our code: no JavaScript fault, nothing unhandled.
    expect(out).not.toMatch(/TypeError|ReferenceError|SyntaxError|RangeError|unhandled|panic:/i);
    expect(comparable((await p.exportStack()).resources)).toBe(before);
    const writes = sb.requests().filter((q) => WRITES.has(q.method) && !READ_ONLY_POSTS.some((re) => re.test(q.route)));
    expect(writes).toEqual([]);
  });

  it("once the vendors answer properly, refresh succeeds and shows no change", async () => {
    await p.refresh();
    const preview = await p.preview({ refresh: true, expectNoChanges: true });
    expect(preview.code, preview.raw.stdout + preview.raw.stderr).toBe(0);
    console.log(
      `malformed answers: ${FORMS.length} forms (${FORMS.map((f) => f.what).join(", ")}) x ${Object.keys(CALLS).length} resources refreshed, ${errors} errors naming the vendor call, 0 crashes, state unchanged, 0 vendor writes`,
    );
  });
});
