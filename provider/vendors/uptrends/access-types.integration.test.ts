// An API account of access type Grafana (made by the Uptrends app, never by this provider) reads like
// any other: refresh, adoption, discover and `apiidentity check` take it without a warning.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { discoverVendor } from "../../../cli/discover.js";
import { startSandbox, type Sandbox } from "../../../sandbox/server.js";
import { uptrends as uptrendsModule } from "../../../sandbox/vendors/uptrends/index.js";
import type { UptrendsState } from "../../../sandbox/vendors/uptrends/state.js";
import type { VendorModule } from "../../../sandbox/types.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { runProbe } from "../../probe.js";
import { probe } from "./probe.js";
import { uptrendsApiAccount } from "./handler.js";
import type { UptrendsApiAccountOutputs } from "./inputs.js";

const settings = new SettingsUnderTest();
const h = settings.bind(uptrendsApiAccount);

let sb: Sandbox;
let OP: string;
let GRAFANA = "";
const state = () => sb.store.vendor("uptrends") as unknown as UptrendsState;

/** Everything the provider writes to stderr (its warnings) while `run` runs. */
async function stderrOf<T>(run: () => Promise<T>): Promise<{ value: T; lines: string[] }> {
  const spy = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    const value = await run();
    return { value, lines: spy.mock.calls.map((c) => String(c[0])) };
  } finally {
    spy.mockRestore();
  }
}

beforeAll(async () => {
  sb = await startSandbox({ modules: [uptrendsModule as unknown as VendorModule] });
  settings.set(sb.config().env);
  const v = sb.config().vendors.uptrends!;
  OP = v.operatorGuid!;
  const auth = "Basic " + Buffer.from(`${v.username!}:${v.password!}`).toString("base64");
  const res = await fetch(`${v.baseUrl}/ApiUser`, {
    method: "POST",
    headers: { authorization: auth, accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify({ OperatorGuid: OP, Description: "Grafana dashboards" }),
  });
  GRAFANA = ((await res.json()) as { ApiUserGuid: string }).ApiUserGuid;
  // The API makes Generic accounts only; the Uptrends app makes the Grafana ones.
  state().apiUsers.find((u) => u.apiUserGuid === GRAFANA)!.apiAccessType = "Grafana";
});
afterAll(async () => {
  await sb?.close();
});

describe("an Uptrends API account of access type Grafana", () => {
  it("refreshes with its access type, inputs that pass check, no diff and no warning", async () => {
    // What discover does: read with no prior state.
    const { value: r, lines } = await stderrOf(() => h.read(GRAFANA, {} as UptrendsApiAccountOutputs));
    expect(r.props).toMatchObject({ apiUserGuid: GRAFANA, accessType: "Grafana", description: "Grafana dashboards" });
    const checked = await h.check(undefined, r.inputs);
    expect(checked.failures).toEqual([]);
    expect(uptrendsApiAccount.advise?.(checked.inputs)).toEqual([]);
    expect((await h.diff(GRAFANA, r.props as UptrendsApiAccountOutputs, checked.inputs)).changes).toBe(false);
    expect(lines).toEqual([]);
  });

  it("is adopted with importId without a write or a warning", async () => {
    sb.clearRequests();
    const inputs = (await h.check(undefined, { operatorGuid: OP, description: "Grafana dashboards", importId: GRAFANA })).inputs;
    const { value: r, lines } = await stderrOf(() => h.create(inputs));
    expect(r.outs).toMatchObject({ apiUserGuid: GRAFANA, accessType: "Grafana" });
    expect(lines).toEqual([`apiidentity: adopted UptrendsApiAccount ${GRAFANA}; changed: nothing\n`]);
    expect(sb.requests().filter((q) => q.vendor === "uptrends" && q.method !== "GET")).toEqual([]);
  });

  it("is discovered like any other account", async () => {
    const { value: found, lines } = await stderrOf(() => discoverVendor("uptrends", settings.value));
    expect(found.find((f) => f.id === GRAFANA)?.inputs).toEqual({ operatorGuid: OP, description: "Grafana dashboards" });
    expect(lines).toEqual([]);
  });

  it("`apiidentity check` counts Grafana among the known access types, leaving nothing open about them", async () => {
    const r = await runProbe(probe, { write: false, throwAwayName: "apiidentity-check-grafana", settings: settings.value });
    expect(r.findings.find((f) => f.topic === "ApiAccessType values")).toMatchObject({ verdict: "confirmed" });
    expect(r.findings.filter((f) => f.verdict !== "confirmed" && /Grafana/.test(f.detail))).toEqual([]);
  });
});
