// Token expiry mid-run: an `up` of N identities over the five kinds (APIIDENTITY_TOKEN_EXPIRY_SIZE,
// default 50) while the sandbox expires every token of each token vendor (IBM Verify, UiPath, the
// Control Room) in the middle of that vendor's creates (APIIDENTITY_TOKEN_EXPIRIES times, default
// twice, spread evenly; each after the re-authentication that answered the one before, so a request
// renewed after the first expiry may meet the second). Each expiry costs exactly one
// re-authentication at its vendor (token calls beyond those of the same `up` without expiry,
// measured first on a stack of its own), and no resource fails: the first `up` succeeds and the
// vendors hold exactly the identities in state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { baseline, census, discrepancies } from "../reliability/census.js";
import { appliedFaults, armInSequence, clearRequests, CREATE_ROUTES, requestCounts, tokenCalls, TOKEN_ROUTES, type TokenVendor } from "../reliability/faults.js";
import { fleet, fleetProgram, perKind, sizeFromEnv, VENDOR_OF } from "../reliability/fleet.js";
import { PulumiProject } from "./harness.js";

const SIZE = sizeFromEnv("APIIDENTITY_TOKEN_EXPIRY_SIZE", 50);
const EXPIRIES = sizeFromEnv("APIIDENTITY_TOKEN_EXPIRIES", 2);
const TOKEN_VENDORS = Object.keys(TOKEN_ROUTES) as TokenVendor[];

let sb: Sandbox;
const projects: PulumiProject[] = [];

/** A fresh stack of the fleet `prefix` against the sandbox. */
async function fleetStack(prefix: string) {
  const members = fleet({ size: SIZE, generation: "v1", uptrendsOperatorGuid: sb.config().vendors.uptrends!.operatorGuid!, prefix });
  const p = new PulumiProject({ program: fleetProgram(members), env: sb.config().env });
  projects.push(p);
  await p.init();
  return { p, members };
}

/** The creates, counted from 1, at which a vendor with `n` creates has its tokens expired: spread evenly. */
const expiryPoints = (n: number) => [...new Set(Array.from({ length: EXPIRIES }, (_, k) => Math.ceil(((k + 1) * n) / (EXPIRIES + 1))))].filter((k) => k >= 1);

describe(`token expiry mid-run: ${SIZE} identities`, () => {
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(async () => {
    for (const p of projects) p.cleanup();
    await sb?.close();
  });

  it("each expiry costs one re-authentication per token vendor and no resource fails", async () => {
    // The token calls of the same `up` when no token expires.
    const calm = await fleetStack("calm");
    await clearRequests(sb.url);
    await calm.p.up();
    const calmTokens = tokenCalls(await requestCounts(sb.url));

    const base = await baseline(sb.url);
    const { p, members } = await fleetStack("expiry");

    // A vendor's next expiry waits for the token call that answered the one before: two expiries
    // before one re-authentication would rightly cost only one.
    const expiries = {} as Record<TokenVendor, number>;
    const armed = {} as Record<TokenVendor, () => number>;
    for (const vendor of TOKEN_VENDORS) {
      const points = expiryPoints(members.filter((m) => VENDOR_OF[m.kind] === vendor).length);
      expiries[vendor] = points.length;
      const route = CREATE_ROUTES[vendor];
      const isToken = (method: string, template: string) => method === "POST" && (TOKEN_ROUTES[vendor] as readonly string[]).includes(template);
      armed[vendor] = armInSequence(sb.faults, { vendor, method: "POST", route, points, settled: isToken }, { vendor, method: "POST", route, count: 1, effect: { type: "expireTokens" } });
    }
    await clearRequests(sb.url);
    const started = Date.now();
    const up = await p.run(["up", "--yes", "--skip-preview"]);
    const seconds = Math.round((Date.now() - started) / 1000);
    const counts = await requestCounts(sb.url);
    const applied = (await appliedFaults(sb.url)).filter((r) => r.effect.type === "expireTokens");
    if (up.code !== 0) throw new Error(`up failed with tokens expiring mid-run\n${up.stdout}\n${up.stderr}`);

    // Every expiry was armed and fired, on a create in the middle of its vendor's creates.
    expect(Object.fromEntries(TOKEN_VENDORS.map((v) => [v, armed[v]()]))).toEqual(expiries);
    const fired: Record<string, number> = {};
    for (const r of applied) fired[r.vendor!] = (fired[r.vendor!] ?? 0) + r.applied;
    expect(fired).toEqual(Object.fromEntries(TOKEN_VENDORS.filter((v) => expiries[v] > 0).map((v) => [v, expiries[v]])));

    // The tokens of a calm run, plus one per expiry.
    const tokens = tokenCalls(counts);
    const rejected = Object.fromEntries(TOKEN_VENDORS.map((v) => [v, counts.filter((c) => c.vendor === v && c.status === 401).reduce((a, c) => a + c.count, 0)]));
    const reauths = Object.fromEntries(TOKEN_VENDORS.map((v) => [v, tokens[v] - calmTokens[v]]));
    console.log(
      `token expiry: ${SIZE} identities ${JSON.stringify(perKind(members))} in ${seconds} s; tokens expired ${JSON.stringify(expiries)} times; ` +
        `token calls ${JSON.stringify(tokens)} (without expiry ${JSON.stringify(calmTokens)}); ` +
        `re-authentications ${JSON.stringify(reauths)}; requests refused 401 ${JSON.stringify(rejected)}; failed resources 0`,
    );
    expect(reauths).toEqual(expiries);

    const { resources } = await p.exportStack();
    const c = await census(sb.url, base, resources, members);
    expect(discrepancies(c)).toEqual({});
  });
});
