// `npm run demo` end to end (its compiled entry; npm test builds first): every step, exit 0.
import { execFile } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./harness.js";

function demo(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((res) => {
    execFile(process.execPath, [join(repoRoot, "dist/cli/demo.js"), ...args], { maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (err, stdout, stderr) =>
      res({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

describe("npm run demo", () => {
  it("walks up → vendor table → console edit → drift → up --refresh → destroy, and cleans up", async () => {
    const { code, out } = await demo([]);
    expect(code, out).toBe(0);
    for (const step of ["1. pulumi up", "2. What now exists at each vendor", "3. Someone edits", "4. pulumi preview --refresh", "5. pulumi up --refresh", "6. pulumi destroy"]) {
      expect(out).toContain(step);
    }
    for (const kind of ["IseApiUser", "UptrendsApiAccount", "ControlRoomUser", "VerifyApiClient", "UiPathRobotAccount"]) {
      expect(out).toMatch(new RegExp(`^\\s+\\S.*\\s${kind}\\s`, "m"));
    }
    expect(out).toMatch(/Held encrypted in state: .*UptrendsApiAccount\.password.*VerifyApiClient\.clientSecret/);
    // exactly the two console edits show up as drift
    expect(out).toContain("Drift in stack demo: 2 identities");
    expect(out).toContain("disabled: in state false, at the vendor true");
    expect(out).toMatch(/entitlements: in state .* at the vendor .*readGroupMembers/);
    expect(out).toContain("No drift left");
    expect(out).toContain("All 5 identities are gone at their vendors.");
    const tmp = /state in (\S+)\/sandbox-state\.json/.exec(out)?.[1];
    expect(tmp && existsSync(tmp)).toBe(false);
  });

  it("--keep leaves the stack and the sandbox running and prints how to explore them", async () => {
    const { code, out } = await demo(["--keep"]);
    const pid = Number(/stop it with: kill (\d+)/.exec(out)?.[1]);
    const url = /sandbox: (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    const root = /rm -rf (\S+)/.exec(out)?.[1];
    try {
      expect(code, out).toBe(0);
      expect(out).toContain("Kept running (--keep)");
      expect(out).toContain("pulumi stack output --show-secrets");
      const state = await fetch(`${url}/_sandbox/config`);
      expect(state.status).toBe(200);
    } finally {
      if (pid) process.kill(pid, "SIGTERM");
      if (root) rmSync(root, { recursive: true, force: true });
    }
  });
});
