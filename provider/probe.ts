// `apiidentity check`: the vendor contract tried against a real tenant. Each vendor folder supplies a
// Probe (its calls and what it concludes); this file records what the probe learns and turns failed
// calls into findings, so the five probes share one notion of "confirmed", "contradicted" and "open".
import { ApiIdentityError, ConfigurationError } from "./errors.js";
import { TransportError, UnexpectedAnswerError, VendorError, withNetworkOf, withPacingOf } from "./http/index.js";
import type { Settings } from "./settings.js";
import { messageOf } from "./wording.js";

/** What a vendor's answers say about one thing the client relies on. */
export type Verdict = "confirmed" | "contradicted" | "open";

export interface Finding {
  /** What the client relies on, e.g. "users/list answers with `list` and `page.total`". */
  topic: string;
  verdict: Verdict;
  /** What was seen (never a secret or a token), or why it stays open. */
  detail: string;
  /** True when the fact is one of the INFERRED guesses of the vendor's contract. */
  inferred?: boolean;
}

export type PermissionState = "granted" | "missing" | "unknown";

export interface Permission {
  /** The vendor's own name for the permission, role or scope. */
  name: string;
  state: PermissionState;
  /** What the provider needs it for. */
  neededFor: string;
  detail?: string;
}

/** What `--write` did with its throw-away identity. */
export interface WriteTrial {
  name: string;
  created: boolean;
  updated: boolean;
  deleted: boolean;
  /** A read after the delete no longer finds it. */
  confirmedGone: boolean;
  /** Set when the trial could not finish; says what may be left behind and how to remove it. */
  problem?: string;
}

export type VendorStatus = "ok" | "contradiction" | "error";

/**
 * Whether the tenant's answers carry the vendor's last-used field, which `apiidentity audit` reads:
 * "reported" (seen), "missing" (identities answered without it), "not seen" (no identity to look
 * at), or "not reported" (the vendor has no such field).
 */
export interface LastUseReport {
  field: string | null;
  state: "reported" | "missing" | "not seen" | "not reported";
  detail: string;
}

export interface VendorReport {
  /** The vendor's one name, as the CLI takes it. */
  key: string;
  vendor: string;
  /** "ok": nothing contradicted; "contradiction": at least one finding contradicted; "error": could not run. */
  status: VendorStatus;
  auth: { ok: boolean; detail: string };
  permissions: Permission[];
  findings: Finding[];
  write?: WriteTrial;
  /** Whether the answers carry the last-used field; absent when the probe got no list to look at. */
  lastUse?: LastUseReport;
  /** Why the check could not run (missing settings, unreachable host, rejected credentials). */
  error?: string;
}

export interface ProbeOptions {
  /** Also create, update and delete one throw-away identity named `throwAwayName`. */
  write: boolean;
  /** `apiidentity-check-<random>`: the only name a write trial may touch. */
  throwAwayName: string;
  /** The provider settings to check with. */
  settings: Settings;
}

/** A vendor's side of `apiidentity check`: read-only calls unless `options.write`. */
export interface Probe {
  /** The vendor's one name (its folder), the same as `apiidentity discover` takes. */
  key: string;
  vendor: string;
  run(rec: ProbeRecorder, options: ProbeOptions): Promise<void>;
}

/** Thrown by ProbeRecorder.authenticate when the vendor cannot be reached or rejects the login. */
export class ProbeCannotRun extends ApiIdentityError {}

/** Collects a probe's findings; its methods never throw except `authenticate`. */
export class ProbeRecorder {
  readonly findings: Finding[] = [];
  readonly permissions: Permission[] = [];
  auth: { ok: boolean; detail: string } = { ok: false, detail: "not tried" };
  write: WriteTrial | undefined;
  lastUseReport: LastUseReport | undefined;

  constructor(readonly vendor: string) {}

  /**
   * Records whether the tenant's identities carry `field`, the vendor's last-used field (undefined:
   * the vendor reports none); `carried` undefined when there was no identity to look at.
   */
  lastUse(field: string | undefined, carried?: boolean, detail?: string): void {
    if (field === undefined) this.lastUseReport = { field: null, state: "not reported", detail: `not reported by ${this.vendor}` };
    else if (carried === undefined) this.lastUseReport = { field, state: "not seen", detail: detail ?? "no identity to look at" };
    else this.lastUseReport = { field, state: carried ? "reported" : "missing", detail: detail ?? (carried ? `${field} seen in the answers` : `no answer carries ${field}`) };
  }

  confirm(topic: string, detail: string, inferred?: boolean): void {
    this.findings.push({ topic, verdict: "confirmed", detail, ...(inferred ? { inferred } : {}) });
  }

  contradict(topic: string, detail: string, inferred?: boolean): void {
    this.findings.push({ topic, verdict: "contradicted", detail, ...(inferred ? { inferred } : {}) });
  }

  leaveOpen(topic: string, detail: string, inferred?: boolean): void {
    this.findings.push({ topic, verdict: "open", detail, ...(inferred ? { inferred } : {}) });
  }

  /** Confirms or contradicts by a condition, with the detail for each case. */
  expect(topic: string, holds: boolean, ifHolds: string, ifNot: string, inferred?: boolean): void {
    if (holds) this.confirm(topic, ifHolds, inferred);
    else this.contradict(topic, ifNot, inferred);
  }

  permission(name: string, state: PermissionState, neededFor: string, detail?: string): void {
    this.permissions.push({ name, state, neededFor, ...(detail ? { detail } : {}) });
  }

  /**
   * The first call: logs in (or makes the first authenticated call). Any failure here means the
   * check cannot run; it is rethrown as ProbeCannotRun with the vendor's own message.
   */
  async authenticate<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      const r = await fn();
      this.auth = { ok: true, detail: what };
      return r;
    } catch (e) {
      const why = messageOf(e);
      this.auth = { ok: false, detail: why };
      if (e instanceof UnexpectedAnswerError) {
        // The login answered, but not in the shape we read: that is a contradiction, not an outage.
        this.contradict(what, why);
      }
      throw new ProbeCannotRun(why, { cause: e });
    }
  }

  /**
   * One read-only vendor call about `topic`. Its answer is validated by the client's wire schemas;
   * an answer that does not fit contradicts the topic (naming the fields), a 403 marks the
   * permission missing, anything else leaves the topic open. Returns undefined when the call failed.
   */
  async call<T>(topic: string, fn: () => Promise<T>, permission?: { name: string; neededFor: string }): Promise<T | undefined> {
    try {
      const r = await fn();
      if (permission) this.permission(permission.name, "granted", permission.neededFor);
      return r;
    } catch (e) {
      this.fail(topic, e, permission);
      return undefined;
    }
  }

  /** Records a failed call as a finding (and a permission, for a 403). */
  fail(topic: string, e: unknown, permission?: { name: string; neededFor: string }): void {
    const why = messageOf(e);
    if (e instanceof UnexpectedAnswerError) {
      this.contradict(topic, why);
    } else if (e instanceof VendorError && e.status === 403) {
      if (permission) this.permission(permission.name, "missing", permission.neededFor, why);
      this.leaveOpen(topic, `not readable with these credentials: ${why}`);
    } else if (e instanceof VendorError && (e.status === 404 || e.status === 405)) {
      // The call the client relies on does not exist here.
      this.contradict(topic, why);
    } else {
      this.leaveOpen(topic, why);
    }
  }
}

/** Runs one probe to a report. Never throws: a probe that cannot run reports status "error". */
export async function runProbe(probe: Probe, options: ProbeOptions): Promise<VendorReport> {
  const rec = new ProbeRecorder(probe.vendor);
  let error: string | undefined;
  try {
    // Probes make clients of their own: in the network scope of the settings, as PerSettings makes them.
    await withNetworkOf(options.settings, () => withPacingOf(options.settings, () => probe.run(rec, options)));
  } catch (e) {
    error = cannotRunMessage(e);
  }
  const contradicted = rec.findings.some((f) => f.verdict === "contradicted");
  const status: VendorStatus = contradicted ? "contradiction" : error !== undefined ? "error" : "ok";
  return {
    key: probe.key,
    vendor: probe.vendor,
    status,
    auth: rec.auth,
    permissions: rec.permissions,
    findings: rec.findings,
    ...(rec.write ? { write: rec.write } : {}),
    ...(rec.lastUseReport ? { lastUse: rec.lastUseReport } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}

function cannotRunMessage(e: unknown): string {
  if (e instanceof ProbeCannotRun) return e.message;
  if (e instanceof ConfigurationError || e instanceof TransportError || e instanceof VendorError) return e.message;
  return `the check stopped: ${messageOf(e)}`;
}
