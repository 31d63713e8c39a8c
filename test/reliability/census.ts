// What the vendors hold against what Pulumi's state holds: every identity the sandbox has (from
// `GET /_sandbox/state`, less what was there before the test) is compared with the custom resources
// of `pulumi stack export`, kind by kind. No duplicate (two at a vendor with one natural key), no
// orphan (at a vendor, in no state), none missing (in state, gone at the vendor), and each holds the
// value the program declared for the property that updates in place.
import type { StateResource } from "../e2e/harness.js";
import { heldIdentities } from "../../sandbox/kinds.js";
import type { HeldIdentity } from "../../sandbox/types.js";
import { SANDBOX_KINDS, VENDOR_OF, type Kind, type Member } from "./fleet.js";

/** One identity at a vendor, reduced to what the census compares (the sandbox module says where each kind lives). */
export type VendorIdentity = HeldIdentity;

type SandboxState = { vendors: Record<string, Record<string, unknown>> };

/** Every identity of every kind at the vendors, read over HTTP from the sandbox's control API. */
export async function vendorIdentities(sandboxUrl: string): Promise<Record<Kind, VendorIdentity[]>> {
  const res = await fetch(`${sandboxUrl}/_sandbox/state`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GET /_sandbox/state answered ${res.status}`);
  const body = (await res.json()) as SandboxState;
  return Object.fromEntries(SANDBOX_KINDS.map((k) => [k, heldIdentities(k, body.vendors[VENDOR_OF[k]] ?? {})])) as Record<Kind, VendorIdentity[]>;
}

/** Ids of what the vendors held before the test (seeded admins and the like): never counted. */
export type Baseline = Record<Kind, Set<string>>;

export async function baseline(sandboxUrl: string): Promise<Baseline> {
  const all = await vendorIdentities(sandboxUrl);
  return Object.fromEntries(SANDBOX_KINDS.map((k) => [k, new Set(all[k].map((i) => i.id))])) as Baseline;
}

export interface KindCensus {
  declared: number;
  inState: number;
  atVendor: number;
  /** In state, not at the vendor. */
  missing: string[];
  /** At the vendor, in no state. */
  orphans: string[];
  /** Natural keys held more than once at the vendor. */
  duplicates: string[];
  /** Declared members absent from state, or in state under another id than the vendor's. */
  undeclared: string[];
  /** `name: field=actual (declared …)` where the vendor holds another value than the program. */
  wrongValue: string[];
}

export type Census = Record<Kind, KindCensus>;

/** Vendor values may carry a suffix the provider owns (IBM Verify's description marker). */
function holds(actual: unknown, declared: string): boolean {
  return actual === declared || (typeof actual === "string" && actual.startsWith(`${declared} [apiidentity:`));
}

/**
 * Compares the vendors (less `base`) with the exported state for the declared `members`
 * (empty after a destroy).
 */
export async function census(sandboxUrl: string, base: Baseline, resources: readonly StateResource[], members: readonly Member[]): Promise<Census> {
  const vendors = await vendorIdentities(sandboxUrl);
  const out = {} as Census;
  for (const kind of SANDBOX_KINDS) {
    const at = vendors[kind].filter((i) => !base[kind].has(i.id));
    const byId = new Map(at.map((i) => [i.id, i]));
    const state = resources.filter((r) => r.type === `pulumi-nodejs:dynamic/apiidentity:${kind}`);
    const stateIds = new Set(state.map((r) => String(r.id)));
    const declared = members.filter((m) => m.kind === kind);
    const keyCount = new Map<string, number>();
    for (const i of at) keyCount.set(i.key, (keyCount.get(i.key) ?? 0) + 1);
    const c: KindCensus = {
      declared: declared.length,
      inState: state.length,
      atVendor: at.length,
      missing: [...stateIds].filter((id) => !byId.has(id)),
      orphans: at.filter((i) => !stateIds.has(i.id)).map((i) => `${i.key} (${i.id})`),
      duplicates: [...keyCount].filter(([, n]) => n > 1).map(([k, n]) => `${k} x${n}`),
      undeclared: [],
      wrongValue: [],
    };
    for (const m of declared) {
      const r = state.find((s) => s.urn.endsWith(`::${m.name}`));
      const live = r ? byId.get(String(r.id)) : undefined;
      if (!r || !live) {
        c.undeclared.push(m.name);
        continue;
      }
      const actual = live.fields[m.updated.field];
      if (!holds(actual, m.updated.value)) c.wrongValue.push(`${m.name}: ${m.updated.field}=${JSON.stringify(actual)} (declared ${JSON.stringify(m.updated.value)})`);
    }
    out[kind] = c;
  }
  return out;
}

/** Kinds with any discrepancy; empty when the vendors hold exactly what state holds and the program declares. */
export function discrepancies(c: Census): Partial<Census> {
  return Object.fromEntries(
    Object.entries(c).filter(
      ([, k]) => k.missing.length + k.orphans.length + k.duplicates.length + k.undeclared.length + k.wrongValue.length > 0 || k.inState !== k.declared || k.atVendor !== k.declared,
    ),
  ) as Partial<Census>;
}
