// The recorder behind `apiidentity check`: how failed calls become findings, and how a report's
// status follows from them.
import * as z from "zod";
import { describe, expect, it } from "vitest";
import { ProbeRecorder, runProbe, type Probe } from "./probe.js";
import { ConfigurationError } from "./errors.js";
import { resolveSettings } from "./settings.js";
import { parseAnswer, TransportError, VendorError } from "./http/index.js";

const vendorError = (status: number) =>
  new VendorError({ vendor: "Toy", method: "GET", pathTemplate: "/things", status, vendorMessage: `said ${status}` });
const options = { write: false, throwAwayName: "apiidentity-check-test", settings: resolveSettings({}) };

describe("ProbeRecorder", () => {
  it("an answer that does not fit the wire schema contradicts the topic and names the field", async () => {
    const rec = new ProbeRecorder("Toy");
    const r = await rec.call("the thing list", async () => parseAnswer(z.object({ userName: z.string() }), { login: "x" }, "Toy", "GET /things"));
    expect(r).toBeUndefined();
    expect(rec.findings).toHaveLength(1);
    expect(rec.findings[0]!.verdict).toBe("contradicted");
    expect(rec.findings[0]!.detail).toContain("userName");
    expect(rec.findings[0]!.detail).not.toContain("x)");
  });

  it("403 marks the permission missing and leaves the topic open; 404 contradicts; 500 leaves open", async () => {
    const rec = new ProbeRecorder("Toy");
    const perm = { name: "View things", neededFor: "refresh" };
    await rec.call("a", () => Promise.reject(vendorError(403)), perm);
    await rec.call("b", () => Promise.reject(vendorError(404)));
    await rec.call("c", () => Promise.reject(vendorError(500)));
    expect(rec.permissions).toEqual([{ name: "View things", state: "missing", neededFor: "refresh", detail: expect.stringContaining("said 403") }]);
    expect(rec.findings.map((f) => [f.topic, f.verdict])).toEqual([["a", "open"], ["b", "contradicted"], ["c", "open"]]);
  });

  it("a successful call grants the permission it needed", async () => {
    const rec = new ProbeRecorder("Toy");
    expect(await rec.call("a", async () => 7, { name: "View things", neededFor: "refresh" })).toBe(7);
    expect(rec.permissions[0]!.state).toBe("granted");
  });

  it("expect() confirms or contradicts, keeping the INFERRED mark", () => {
    const rec = new ProbeRecorder("Toy");
    rec.expect("ids are numbers", true, "seen 3", "not numbers", true);
    rec.expect("names unique", false, "unique", "two share a name");
    expect(rec.findings).toEqual([
      { topic: "ids are numbers", verdict: "confirmed", detail: "seen 3", inferred: true },
      { topic: "names unique", verdict: "contradicted", detail: "two share a name" },
    ]);
  });
});

describe("runProbe", () => {
  const probe = (run: Probe["run"]): Probe => ({ key: "toy", vendor: "Toy", run });

  it("ok when nothing is contradicted, open findings included", async () => {
    const r = await runProbe(
      probe(async (rec) => {
        await rec.authenticate("login", async () => "token");
        rec.leaveOpen("x", "not visible");
        rec.confirm("y", "seen");
      }),
      options,
    );
    expect(r.status).toBe("ok");
    expect(r.auth).toEqual({ ok: true, detail: "login" });
    expect(r.error).toBeUndefined();
  });

  it("contradiction when any finding is contradicted", async () => {
    const r = await runProbe(probe(async (rec) => rec.contradict("y", "differs")), options);
    expect(r.status).toBe("contradiction");
  });

  it("error when the login fails or a setting is missing, with the reason", async () => {
    const rejected = await runProbe(probe(async (rec) => void (await rec.authenticate("login", () => Promise.reject(vendorError(401))))), options);
    expect(rejected.status).toBe("error");
    expect(rejected.auth.ok).toBe(false);
    expect(rejected.error).toContain("said 401");

    const missing = await runProbe(probe(async () => Promise.reject(new ConfigurationError("Toy: missing provider setting 'toyUrl'"))), options);
    expect(missing).toMatchObject({ status: "error", error: "Toy: missing provider setting 'toyUrl'" });

    const down = new TransportError({ vendor: "Toy", method: "POST", pathTemplate: "/login", code: "CONNECTION", detail: "connection refused", outcomeUnknown: false });
    const unreachable = await runProbe(probe(async (rec) => void (await rec.authenticate("login", () => Promise.reject(down)))), options);
    expect(unreachable.status).toBe("error");
  });

  it("a login answer of the wrong shape is a contradiction, not an outage", async () => {
    const r = await runProbe(
      probe(async (rec) => void (await rec.authenticate("login", async () => parseAnswer(z.object({ token: z.string() }), { jwt: "x" }, "Toy", "POST /login")))),
      options,
    );
    expect(r.status).toBe("contradiction");
    expect(r.findings[0]!.detail).toContain("token");
  });
});
