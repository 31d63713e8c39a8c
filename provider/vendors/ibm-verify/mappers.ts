// Between the wire (`APIClientConfig`) and the resource's inputs/outputs, plus the normalisation that
// diff and read share so that values equal at the vendor never show as a change.
import { diffSpecOf } from "../../property-facts.js";
import { deepEqual, type DiffSpec } from "../../resource.js";
import { MARKER_PATTERN, MARKER_PREFIX, OVERRIDE_DEFAULTS } from "./contract.js";
import { verifyApiClientInputs, type Scope, type VerifyApiClientInputs, type VerifyApiClientOutputs } from "./inputs.js";
import type { ApiClientBody, ApiClientWire } from "./wire.js";

// ---- create marker -------------------------------------------------------------------------

/** The nonce of the provider's create marker at the end of a description, if any. */
export function markerOf(description: string | null | undefined): string | undefined {
  return description ? MARKER_PATTERN.exec(description)?.[1] : undefined;
}

/** The description without the provider's marker; undefined when nothing else is left. */
export function stripMarker(description: string | null | undefined): string | undefined {
  if (description === null || description === undefined) return undefined;
  const text = description.replace(MARKER_PATTERN, "");
  return text === "" ? undefined : text;
}

/** The user's description with the marker of `nonce` appended (the vendor stores one string). */
export function withMarker(description: string | undefined, nonce: string | undefined): string | undefined {
  if (!nonce) return description === "" ? undefined : description;
  const tag = `${MARKER_PREFIX}${nonce}]`;
  return description ? `${description} ${tag}` : tag;
}

/** Properties compared by diff and reconstructed by read (importId never diffs), as inputs.ts declares them. */
export const DIFF_SPEC = diffSpecOf(verifyApiClientInputs) as DiffSpec<VerifyApiClientInputs>;

export const VENDOR_PROPERTIES = DIFF_SPEC.properties.filter((p) => p !== "secretRotation");

const ALWAYS_SET: ReadonlySet<string> = new Set(["clientName", "entitlements", "enabled"]);

function sameValue(p: keyof VerifyApiClientInputs & string, a: unknown, b: unknown): boolean {
  const norm = DIFF_SPEC.normalise?.[p] ?? ((x: unknown) => x);
  const dflt = DIFF_SPEC.defaults?.[p];
  return deepEqual(norm(a ?? dflt), norm(b ?? dflt));
}

// ---- wire -> inputs/outputs ----------------------------------------------------------------

/** What the live client says about each vendor-held input, in the wire's own spelling. */
export function liveView(live: ApiClientWire): Omit<VerifyApiClientInputs, "secretRotation" | "importId"> {
  const view: Omit<VerifyApiClientInputs, "secretRotation" | "importId"> = {
    clientName: live.clientName,
    entitlements: [...new Set(live.entitlements ?? [])],
    enabled: live.enabled ?? true,
  };
  const description = stripMarker(live.description);
  if (description !== undefined) view.description = description;
  if (live.ipFilterOp) view.ipFilterOp = live.ipFilterOp;
  if (live.ipFilters?.length) view.ipFilters = [...live.ipFilters];
  const os = live.overrideSettings;
  if (os?.restrictScopes !== undefined && os.restrictScopes !== null) view.restrictScopes = os.restrictScopes;
  if (os?.scopes?.length) view.scopes = os.scopes.map((s) => (s.description ? { name: s.name, description: s.description } : { name: s.name }));
  return view;
}

/**
 * The inputs the live client stands for. Where a value equals the declared one under normalisation,
 * the declared spelling wins (order, duplicates, an unset default), so an unchanged client yields
 * exactly the program's inputs; a real difference shows the live value.
 */
export function reconcile(live: ApiClientWire, declared: Partial<VerifyApiClientInputs>): VerifyApiClientInputs {
  const view = liveView(live) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const p of VENDOR_PROPERTIES) {
    const d = (declared as Record<string, unknown>)[p];
    // An optional input left unset stays unset while the vendor holds its default; required ones
    // (and `enabled`, which check fills in) always have a value.
    const keep = sameValue(p, d, view[p]) && (d !== undefined || !ALWAYS_SET.has(p));
    const value = keep ? d : view[p];
    if (value !== undefined) out[p] = value;
  }
  // Provider-only inputs are not at the vendor: carry them over.
  if (declared.secretRotation !== undefined) out.secretRotation = declared.secretRotation;
  if (declared.importId !== undefined) out.importId = declared.importId;
  return out as VerifyApiClientInputs;
}

/** Vendor-held properties whose live value differs from the declared one. */
export function changedAtVendor(live: ApiClientWire, declared: VerifyApiClientInputs): string[] {
  const view = liveView(live) as Record<string, unknown>;
  return VENDOR_PROPERTIES.filter((p) => !sameValue(p, (declared as Record<string, unknown>)[p], view[p]));
}

export function toOutputs(live: ApiClientWire, declared: Partial<VerifyApiClientInputs>, secret: string): VerifyApiClientOutputs {
  return { ...reconcile(live, declared), apiClientId: live.id, clientId: live.clientId, clientSecret: secret };
}

// ---- inputs -> wire ------------------------------------------------------------------------

function scopesToWire(scopes: Scope[] | undefined): { name: string; description?: string }[] {
  return (scopes ?? []).map((s) => (s.description !== undefined ? { name: s.name, description: s.description } : { name: s.name }));
}

/** POST body (`APIClientConfigRequest`); IBM generates clientId and clientSecret. */
export function createBody(i: VerifyApiClientInputs, nonce: string): ApiClientBody {
  const body: ApiClientBody = {
    clientName: i.clientName,
    enabled: i.enabled,
    entitlements: [...new Set(i.entitlements)],
    overrideSettings: { restrictScopes: i.restrictScopes ?? OVERRIDE_DEFAULTS.restrictScopes, scopes: scopesToWire(i.scopes) },
  };
  const description = withMarker(i.description, nonce);
  if (description !== undefined) body.description = description;
  if (i.ipFilterOp) body.ipFilterOp = i.ipFilterOp;
  if (i.ipFilters?.length) body.ipFilters = [...i.ipFilters];
  return body;
}

/**
 * PUT body: PUT replaces the whole object, so start from the live object (keeping fields this
 * resource does not manage, e.g. `jwkUri`, `additionalConfig`, and the provider's marker) and set
 * every managed field from the inputs. `secret` undefined = omit it = IBM generates a new one.
 */
export function replaceBody(live: ApiClientWire, i: VerifyApiClientInputs, secret: string | undefined): ApiClientBody {
  // Everything else goes back as it came, except fields answered as `null` (IBM's schema has no null
  // values; leaving a field out clears it just the same in a full replace).
  const { id, clientSecret: _secret, description: _d, ipFilterOp: _op, ipFilters: _f, ...rest } = live;
  const kept = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null));
  const body: ApiClientBody = {
    // IBM's own SDK sets `id` in the PUT body (docs/vendors/ibm-verify.md); it must match the path.
    id,
    ...kept,
    clientName: i.clientName,
    enabled: i.enabled,
    entitlements: [...new Set(i.entitlements)],
    overrideSettings: {
      ...(live.overrideSettings ?? {}),
      restrictScopes: i.restrictScopes ?? OVERRIDE_DEFAULTS.restrictScopes,
      scopes: scopesToWire(i.scopes),
    },
  };
  const description = withMarker(i.description, markerOf(live.description));
  if (description !== undefined) body.description = description;
  if (i.ipFilterOp) body.ipFilterOp = i.ipFilterOp;
  if (i.ipFilters?.length) body.ipFilters = [...i.ipFilters];
  if (secret !== undefined) body.clientSecret = secret;
  return body;
}

/** The live object as it is after a PUT of `body` that kept `secret` (no GET needed). */
export function afterReplace(live: ApiClientWire, body: ApiClientBody): ApiClientWire {
  return { ...body, id: live.id, clientId: live.clientId } as ApiClientWire;
}
