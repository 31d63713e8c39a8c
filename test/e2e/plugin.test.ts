// The provider plugin `pulumi-resource-apiidentity` through the real engine: a program registers
// `apiidentity:index:UptrendsApiAccount` as a plain custom resource (no dynamic provider), so the
// engine starts the plugin it finds on PATH (the package's bin/, as npm installs it) and drives it
// over the resource-provider protocol: up, a preview with no changes, an updatable and a replacing
// change each shown in detailedDiff with its kind, refresh, destroy.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import type { UptrendsState } from "../../sandbox/vendors/uptrends/state.js";
import { PulumiProject, type PreviewStep } from "./harness.js";

const TYPE = "apiidentity:index:UptrendsApiAccount";

const program = (props: Record<string, unknown>) => `
import * as pulumi from "@pulumi/pulumi";
const account = new pulumi.CustomResource(${JSON.stringify(TYPE)}, "monitoring", {
  ...${JSON.stringify(props)},
  apiUserGuid: undefined, username: undefined, password: undefined, createdDate: undefined,
});
export const apiUserGuid = account.apiUserGuid;
export const username = account.username;
export const password = account.password;
`;

describe("provider plugin through the pulumi CLI", () => {
  let sb: Sandbox;
  let p: PulumiProject;
  const accounts = () => (sb.store.vendor("uptrends") as unknown as UptrendsState).apiUsers;

  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(async () => {
    p?.cleanup();
    await sb?.close();
  });

  const stepOf = (steps: PreviewStep[]) => steps.find((s) => s.urn.endsWith(`${TYPE}::monitoring`));

  it("up, no-change preview, detailedDiff of an update and of a replacement, refresh, destroy", async () => {
    const cfg = sb.config().vendors.uptrends!;
    const operatorGuid = cfg.operatorGuid!;
    p = new PulumiProject({ program: program({ operatorGuid, description: "plugin e2e" }), env: sb.config().env });
    // The engine finds the plugin on PATH: the bin/ of the package as installed in the program.
    p.env.PATH = `${join(p.dir, "node_modules", "pulumi-apiidentity", "bin")}:${p.env.PATH}`;
    await p.init();

    await p.up();
    const made = accounts().filter((a) => a.description === "plugin e2e");
    expect(made).toHaveLength(1);
    const out = await p.outputs();
    expect(out.apiUserGuid).toBe(made[0]!.apiUserGuid);
    expect(typeof out.password).toBe("string");

    const { raw, resources } = await p.exportStack();
    const state = resources.find((r) => r.type === TYPE)!;
    expect(state.id).toBe(made[0]!.apiUserGuid);
    // The generated password is a secret in state: never in clear text.
    expect(raw).not.toContain(String(out.password));
    expect(state.inputs?.__createKey).toBe(`e2e/${p.stack}/UptrendsApiAccount/monitoring`);

    const same = await p.preview({ expectNoChanges: true });
    expect(same.code, same.raw.stdout + same.raw.stderr).toBe(0);

    p.writeProgram(program({ operatorGuid, description: "plugin e2e, changed" }));
    const update = stepOf((await p.preview()).steps)!;
    expect(update.op).toBe("update");
    expect(update.detailedDiff).toEqual({ description: { kind: "update", inputDiff: true } });

    p.writeProgram(program({ operatorGuid: operatorGuid.toUpperCase().replace(/^.{8}/, "00000000"), description: "plugin e2e" }));
    const replace = stepOf((await p.preview()).steps)!;
    expect(replace.op).toBe("replace");
    expect(replace.detailedDiff).toEqual({ operatorGuid: { kind: "update-replace", inputDiff: true } });

    p.writeProgram(program({ operatorGuid, description: "plugin e2e, changed" }));
    await p.up();
    expect(accounts().find((a) => a.apiUserGuid === made[0]!.apiUserGuid)?.description).toBe("plugin e2e, changed");

    await p.refresh();
    await p.destroy();
    expect(accounts().filter((a) => a.description?.startsWith("plugin e2e"))).toHaveLength(0);
  });
});
