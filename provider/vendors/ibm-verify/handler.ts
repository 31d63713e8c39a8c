// VerifyApiClient: an IBM Verify API client (client_credentials grant) with entitlements.
import { createHash, randomUUID } from "node:crypto";
import { ApiIdentityError, LostCreateError, OutcomeUnknownError, vendorCall } from "../../errors.js";
import { createRetry, defineResource, type Converged, type LostAnswer, type OwnCreate } from "../../lifecycle.js";
import { verifyClient, type VerifyClient } from "./client.js";
import { MARKER_PREFIX, SECRET_VISIBLE_WITH, VENDOR } from "./contract.js";
import { adviseInputs, checkInputs, verifyApiClientInputs, verifyApiClientOutputs, type VerifyApiClientInputs, type VerifyApiClientOutputs } from "./inputs.js";
import { asText } from "./compare.js";
import { afterReplace, changedAtVendor, createBody, markerOf, replaceBody, toOutputs } from "./mappers.js";
import type { ApiClientWire } from "./wire.js";
import { messageOf } from "../../wording.js";

const KIND = "VerifyApiClient";
const CONSOLE = "in IBM Verify (Security > API access)";
type In = VerifyApiClientInputs;
type Out = VerifyApiClientOutputs;

const noSecretHint = `the provider's API client needs ${SECRET_VISIBLE_WITH.map((e) => `'${e}'`).join(" or ")} to see client secrets`;

/** The live client, or a clear error when it is gone. */
async function mustGet(client: VerifyClient, id: string, action: string): Promise<ApiClientWire> {
  const live = await vendorCall(KIND, action, () => client.get(id));
  if (!live) throw new ApiIdentityError(`${KIND}: ${action} failed: ${VENDOR} has no API client with id '${id}' (GET /v1.0/apiclients/{id} answered 404). It may have been deleted out of band: run 'pulumi refresh'.`);
  return live;
}

/** A create's marker, written at the end of the description: the proof a lost create is ours. */
const markerText = (nonce: string) => `${MARKER_PREFIX}${nonce}]`;

/** What one send of a create writes: its marker. */
interface Plan {
  nonce: string;
  /** The resource's create key, when the SDK sent one: the marker is derived from it. */
  key?: string;
  /** 1 for the first send. */
  send?: number;
}

/**
 * The nonce of send `send` of the create with `key`: `k` + 40 hex digits of SHA-256 of the key, `s`
 * and the send number. Known from the pending create a killed run leaves in state, so what it made can
 * be found; one per send, so a late commit of an earlier send is still told apart.
 */
export function keyedNonce(key: string, send: number): string {
  return `k${createHash("sha256").update(key).digest("hex").slice(0, 40)}s${send}`;
}

const planFor = (key: string | undefined, send: number): Plan => (key === undefined ? { nonce: randomUUID() } : { nonce: keyedNonce(key, send), key, send });

/**
 * The nonces every send of the create with `key` may have written (sends 1 to the budget): what
 * `apiidentity recover` looks for after a killed run, to find the client its pending create made.
 */
export function keyedNonces(key: string): string[] {
  return Array.from({ length: createRetry.sends }, (_, n) => keyedNonce(key, n + 1));
}

/**
 * After a create whose answer was lost: a client with this name whose description carries the marker
 * of this send, or of an earlier send of the same create (one that landed late), is one this create
 * made. Names are not unique, so nothing else is proof. The latest send's is taken; what earlier
 * sends made is deleted by `deleteMadeLate` once the create is done.
 */
async function findOwnCreate(client: VerifyClient, name: string, plan: Plan, lost: LostAnswer<Plan>): Promise<OwnCreate<string>> {
  const mine = [plan, ...[...lost.earlier].reverse()].map((p) => p.nonce);
  const found = (await client.findByName(name)).filter((c) => mine.includes(markerOf(c.description) ?? ""));
  const twice = mine.find((n) => found.filter((c) => markerOf(c.description) === n).length > 1);
  if (twice !== undefined) {
    const same = found.filter((c) => markerOf(c.description) === twice);
    throw new LostCreateError(KIND, lost.action, `${same.length} API clients carry this create's marker (${same.map((c) => c.id).join(", ")}); resolve this at ${VENDOR} before running again`, {
      cause: lost.cause,
    });
  }
  const latest = mine.map((n) => found.find((c) => markerOf(c.description) === n)).find((c) => c !== undefined);
  if (!latest) {
    const sends = lost.earlier.length + 1;
    return { found: "none", note: `no API client named '${name}' carries ${sends > 1 ? `the marker of any of this create's ${sends} sends` : "this create's marker"}, so none was created` };
  }
  return { found: "ours", made: latest.id, id: latest.id };
}

/**
 * After a create that needed several sends: an earlier send proven to have made nothing may still
 * have landed late. Deletes the clients carrying an earlier send's marker (never `keep`); names what
 * it could not delete.
 */
async function deleteMadeLate(client: VerifyClient, name: string, earlier: readonly Plan[], keep: string): Promise<string | undefined> {
  const nonces = new Set(earlier.map((p) => p.nonce));
  const late = (await client.findByName(name)).filter((c) => c.id !== keep && nonces.has(markerOf(c.description) ?? ""));
  const failed: string[] = [];
  for (const c of late) {
    await vendorCall(KIND, `deleting API client ${c.id}, made late by an earlier send of this create`, () => client.delete(c.id)).catch((e: unknown) => {
      failed.push(`${c.id} (${messageOf(e)})`);
    });
  }
  if (failed.length === 0) return undefined;
  return `an earlier send of this create also made ${failed.length > 1 ? "API clients" : "API client"} ${failed.join(", ")}, not deleted: delete ${failed.length > 1 ? "them" : "it"} ${CONSOLE}`;
}

/**
 * Brings a live client to the declared inputs with one full-replace PUT, when anything differs or a
 * rotation is asked for. Without a rotation the current secret is sent back, so it stays as it is.
 */
async function converge(client: VerifyClient, live: ApiClientWire, news: In, opts: { rotate: boolean; knownSecret?: string }): Promise<Converged<Out>> {
  const changed = changedAtVendor(live, news);
  const secret = live.clientSecret ?? opts.knownSecret;
  if (changed.length === 0 && !opts.rotate) {
    if (!secret) throw new ApiIdentityError(`${KIND}: reading API client ${live.id} failed: ${VENDOR} did not return its clientSecret; ${noSecretHint}.`);
    return { outs: toOutputs(live, news, secret), changed };
  }
  if (!opts.rotate && !secret) {
    // A PUT without clientSecret generates a new one: refuse rather than rotate unasked.
    throw new ApiIdentityError(`${KIND}: updating API client ${live.id} refused: ${VENDOR} did not return its clientSecret and a PUT without it would rotate the secret; ${noSecretHint}.`);
  }
  const body = replaceBody(live, news, opts.rotate ? undefined : secret);
  const action = opts.rotate ? `rotating the secret of API client ${live.id}` : `updating API client ${live.id} (${changed.join(", ")})`;
  await vendorCall(KIND, action, () => client.replace(live.id, body));
  if (!opts.rotate) return { outs: toOutputs(afterReplace(live, body), news, secret!), changed };
  // The new secret exists only at the vendor: read it back.
  const fresh = await mustGet(client, live.id, `reading the new secret of API client ${live.id}`);
  if (!fresh.clientSecret) throw new ApiIdentityError(`${KIND}: API client ${live.id} got a new secret but ${VENDOR} did not return it; ${noSecretHint}.`);
  return { outs: toOutputs(fresh, news, fresh.clientSecret), changed: [...changed, "clientSecret"] };
}

/** The new client, read back for its generated secret; anything missing is named with what to do. */
async function finish(client: VerifyClient, id: string, inputs: In): Promise<{ id: string; outs: Out }> {
  const live = await mustGet(client, id, `reading the new API client ${id}`).catch((e: unknown) => {
    // The client exists even though we could not read it: say so, so nothing is left unreported.
    throw new ApiIdentityError(`${messageOf(e)} API client ${id} was created; adopt it with importId '${id}' or delete it.`, { cause: e });
  });
  if (!live.clientSecret) {
    throw new ApiIdentityError(`${KIND}: created API client ${id} (clientId ${live.clientId}) but ${VENDOR} did not return its clientSecret; ${noSecretHint}. Delete it or adopt it with importId.`);
  }
  return { id, outs: toOutputs(live, inputs, live.clientSecret) };
}

export const verifyApiClient = defineResource({
  kind: KIND,
  vendor: VENDOR,
  noun: "API client",
  console: CONSOLE,
  inputs: verifyApiClientInputs,
  outputs: verifyApiClientOutputs,
  client: (settings) => verifyClient(settings),

  check: (olds, news) => checkInputs(news, olds),
  advise: (inputs) => adviseInputs(inputs),

  create: {
    action: (i) => `creating API client '${i.clientName}'`,
    // The marker lets a lost create answer be resolved without guessing (names are not unique).
    // With the create key (from the SDK) the marker is derived from it, so what a killed `pulumi up`
    // made is found from its pending create (`apiidentity recover`); without it, a random one.
    plan: (_client, _i, ctx): Plan => planFor(ctx.key, 1),
    // Each send carries its own marker, so a late commit of an earlier send is told apart and deleted.
    resendPlan: (p): Plan => planFor(p.key, (p.send ?? 1) + 1),
    async send(client, { nonce }, i) {
      const id = await client.create(createBody(i, nonce));
      // 201 without a usable Location: the client exists, found the same way as after a lost answer.
      if (!id) throw new OutcomeUnknownError(`${VENDOR} answered 201 without a Location header`);
      return id;
    },
    findOwnCreate: (client, plan, i, lost) => findOwnCreate(client, i.clientName, plan, lost),
    deleteMadeLate: (client, earlier, made, i) => deleteMadeLate(client, i.clientName, earlier, made.id),
    mayHaveMade: ({ nonce }, i) => `An API client named '${i.clientName}' whose description ends with '${markerText(nonce)}' may have been created at ${VENDOR}`,
    finish: (client, id, i) => finish(client, id, i),
  },

  adopt: {
    fetch: (client, importId) => client.get(importId),
    notFound: () => ({
      detail: "(GET /v1.0/apiclients/{id} answered 404)",
      todo: "importId takes the object id (the 'id' field of GET /v1.0/apiclients), not the OAuth clientId",
    }),
  },
  converge: (client, _id, live: ApiClientWire, news) => converge(client, live, news, { rotate: false }),

  async read(client, id, props) {
    const live = await vendorCall(KIND, `reading API client ${id}`, () => client.get(id));
    if (!live) return {};
    const outs = toOutputs(live, props, live.clientSecret ?? props.clientSecret);
    const { apiClientId: _a, clientId: _c, clientSecret: _s, ...inputs } = outs;
    return { id, props: outs, inputs };
  },

  async update(client, id, olds, news) {
    const live = await mustGet(client, id, `updating API client ${id}`);
    // Only a new value rotates; removing secretRotation leaves the secret alone.
    const rotate = news.secretRotation !== undefined && asText(news.secretRotation) !== asText(olds.secretRotation);
    const { outs } = await converge(client, live, news, { rotate, knownSecret: olds.clientSecret });
    return outs;
  },

  async remove(client, id) {
    await vendorCall(KIND, `deleting API client ${id}`, () => client.delete(id));
  },
});
