// `apiidentity check` with probes of the test's own: which vendors run, exit codes, the text report.
import { describe, expect, it } from "vitest";
import type { Probe, VendorReport } from "../provider/probe.js";
import { noSettings, sandboxSettings } from "../test/settings.js";
import { exitCodeOf, formatText, runChecks, selectProbes, throwAwayName } from "./check.js";

const probe = (key: string, run: Probe["run"] = async (rec) => void (await rec.authenticate("login", async () => true))): Probe => ({
  key,
  vendor: key.toUpperCase(),
  run,
});
const five = ["ivanti", "uptrends", "automation-anywhere", "ibm-verify", "uipath"].map((k) => probe(k));
const report = (status: VendorReport["status"]): VendorReport => ({ key: "k", vendor: "K", status, auth: { ok: true, detail: "" }, permissions: [], findings: [] });

describe("selectProbes", () => {
  it("takes named vendors and their aliases, in the order given", () => {
    expect(selectProbes(["verify", "automation-anywhere", "ivanti"], five, noSettings()).map((p) => p.key)).toEqual(["ibm-verify", "automation-anywhere", "ivanti"]);
    expect(selectProbes(["ise", "controlroom", "ibmVerify", "automationAnywhere"], five, noSettings()).map((p) => p.key)).toEqual(["ivanti", "automation-anywhere", "ibm-verify", "automation-anywhere"]);
  });

  it("refuses an unknown vendor, listing the known ones", () => {
    expect(() => selectProbes(["okta"], five, noSettings())).toThrow("unknown vendor 'okta': use one or more of ivanti, uptrends, automation-anywhere, ibm-verify, uipath");
  });

  it("with no name, takes the vendors that have settings, and says what to do when none has", () => {
    expect(() => selectProbes([], five, noSettings())).toThrow(/no vendor is configured/);
    const some = sandboxSettings({ UPTRENDS_USERNAME: "someone", IBM_VERIFY_TENANT_URL: "https://tenant.example" });
    expect(selectProbes([], five, some).map((p) => p.key)).toEqual(["uptrends", "ibm-verify"]);
  });
});

describe("exit codes", () => {
  it("0 when nothing is contradicted, 1 on a contradiction (even with an error), 2 when a check could not run", () => {
    expect(exitCodeOf([report("ok"), report("ok")])).toBe(0);
    expect(exitCodeOf([report("ok"), report("contradiction"), report("error")])).toBe(1);
    expect(exitCodeOf([report("ok"), report("error")])).toBe(2);
  });
});

describe("runChecks and the text report", () => {
  it("runs each probe with its own throw-away name and reports progress", async () => {
    const names: string[] = [];
    const progress: string[] = [];
    const record: Probe["run"] = async (rec, o) => {
      names.push(o.throwAwayName);
      await rec.authenticate("login", async () => true);
      if (o.write) rec.write = { name: o.throwAwayName, created: true, updated: true, deleted: true, confirmedGone: true };
    };
    const run = await runChecks([probe("a", record), probe("b", record)], { write: true, settings: noSettings(), progress: (l) => progress.push(l) });
    expect(run.exitCode).toBe(0);
    expect(names).toHaveLength(2);
    for (const n of names) expect(n).toMatch(/^apiidentity-check-[0-9a-f]{8}$/);
    expect(names[0]).not.toBe(names[1]);
    expect(progress[0]).toBe("checking A (with a write trial)…");
    expect(progress[1]).toMatch(/^A: ok in \d+\.\d s$/);
    expect(formatText(run.reports)).toContain(`write trial with '${names[0]}': created, updated, deleted, confirmed gone`);
  });

  it("shows permissions, findings with their verdicts and the summary line", async () => {
    const run = await runChecks(
      [
        probe("automation-anywhere", async (rec) => {
          await rec.authenticate("POST /v2/authentication", async () => true);
          rec.permission("View users", "granted", "refresh");
          rec.confirm("users/list answers", "v2");
          rec.contradict("user field 'username'", "GET /v2/usermanagement/users/{id}: username: expected string", true);
          rec.leaveOpen("duplicate username answers 409", "only a write shows it", true);
        }),
        probe("ibm-verify", async (rec) => void (await rec.authenticate("token", () => Promise.reject(new Error("connection refused"))))),
      ],
      { write: false, settings: noSettings() },
    );
    expect(run.exitCode).toBe(1);
    const text = formatText(run.reports);
    expect(text).toContain("AUTOMATION-ANYWHERE (automation-anywhere): CONTRADICTS the contract");
    expect(text).toContain("    granted View users (for refresh)");
    expect(text).toContain("    confirmed    users/list answers — v2");
    expect(text).toContain("    CONTRADICTED user field 'username' [inferred] — GET /v2/usermanagement/users/{id}: username: expected string");
    expect(text).toContain("    open         duplicate username answers 409 [inferred] — only a write shows it");
    expect(text).toContain("IBM-VERIFY (ibm-verify): could not run");
    expect(text).toContain("  could not run: connection refused");
    expect(text.trim().split("\n").at(-1)).toBe("check: 0 ok, 1 contradicting, 1 could not run");
  });

  it("says per vendor whether the answers carry the last-used field, as JSON and as one text line", async () => {
    const run = await runChecks(
      [
        probe("uipath", async (rec) => rec.lastUse("lastLoginTime", true)),
        probe("uptrends", async (rec) => rec.lastUse("LastUsed", false)),
        probe("ivanti", async (rec) => rec.lastUse(undefined)),
        probe("ibm-verify", async (rec) => rec.lastUse("lastUsed", undefined, "no clients to look at")),
        probe("automation-anywhere"),
      ],
      { write: false, settings: noSettings() },
    );
    expect(run.reports.map((r) => r.lastUse?.state)).toEqual(["reported", "missing", "not reported", "not seen", undefined]);
    const text = formatText(run.reports);
    expect(text).toContain("  last use: reported (lastLoginTime)\n");
    expect(text).toContain("  last use: LastUsed missing — no answer carries LastUsed; the audit will report last use as unknown here\n");
    expect(text).toContain("  last use: not reported by IVANTI\n");
    expect(text).toContain("  last use: lastUsed not seen — no clients to look at\n");
    expect(text.split("\n").filter((l) => l.startsWith("  last use:"))).toHaveLength(4);
  });

  it("a throw-away name is never reused", () => {
    expect(new Set(Array.from({ length: 50 }, throwAwayName)).size).toBe(50);
  });
});
