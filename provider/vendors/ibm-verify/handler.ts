// VerifyApiClient: an IBM Verify API client (client_credentials grant) with entitlements.
import { randomUUID } from "node:crypto";
import { isOutcomeUnknown } from "../../http/index.js";
import { describeFailure, diffProperties, step, type ResourceHandler } from "../../resource.js";
import { VENDOR, verifyClient, type VerifyClient } from "./client.js";
import { MARKER_PREFIX, SECRET_VISIBLE_WITH } from "./contract.js";
import { adviseInputs, checkInputs, verifyApiClientInputs, verifyApiClientOutputs, type VerifyApiClientInputs, type VerifyApiClientOutputs } from "./inputs.js";
import { DIFF_SPEC, afterReplace, asText, changedAtVendor, createBody, markerOf, replaceBody, toOutputs } from "./mappers.js";
import type { ApiClientWire } from "./wire.js";

const KIND = "VerifyApiClient";
type In = VerifyApiClientInputs;
type Out = VerifyApiClientOutputs;

const noSecretHint = `the provider's API client needs ${SECRET_VISIBLE_WITH.map((e) => `'${e}'`).join(" or ")} to see client secrets`;

/** The client for the current settings; a missing setting fails naming the config key and env variable. */
function clientFor(action: string): Promise<VerifyClient> {
  return step(KIND, action, async () => verifyClient());
}

/** The live client, or a clear error when it is gone. */
async function mustGet(client: VerifyClient, id: string, action: string): Promise<ApiClientWire> {
  const live = await step(KIND, action, () => client.get(id));
  if (!live) throw new Error(`${KIND}: ${action} failed: ${VENDOR} has no API client with id '${id}' (GET /v1.0/apiclients/{id} answered 404). It may have been deleted out of band: run 'pulumi refresh'.`);
  return live;
}

/**
 * After a create whose answer was lost: the one client with this name whose description carries
 * this create's marker is the one just created. Anything else fails and names what may exist.
 */
async function recoverLostCreate(client: VerifyClient, name: string, nonce: string, cause: unknown): Promise<string> {
  const marker = `${MARKER_PREFIX}${nonce}]`;
  const maybe = `An API client named '${name}' whose description ends with '${marker}' may have been created at ${VENDOR}: look for it and delete it, or adopt it with importId.`;
  let found: ApiClientWire[];
  try {
    found = (await client.findByName(name)).filter((c) => markerOf(c.description) === nonce);
  } catch (lookup) {
    const first = describeFailure(KIND, `creating API client '${name}'`, cause).message;
    const second = describeFailure(KIND, "looking up the possibly created client", lookup).message;
    throw new Error(`${first} The outcome is unknown and the look-up failed too (${second}). ${maybe}`);
  }
  const [only, ...more] = found;
  if (only && more.length === 0) {
    process.stderr.write(`apiidentity: ${KIND} '${name}': the create answer was lost; found the client it created (${only.id}) by its marker\n`);
    return only.id;
  }
  const first = describeFailure(KIND, `creating API client '${name}'`, cause).message;
  if (!only) throw new Error(`${first} The outcome was unknown; no API client named '${name}' carries this create's marker, so none was created. Run 'pulumi up' again.`);
  throw new Error(`${first} ${found.length} API clients carry this create's marker (${found.map((c) => c.id).join(", ")}); resolve this at ${VENDOR} before running again.`);
}

/**
 * Brings a live client to the declared inputs with one full-replace PUT, when anything differs or a
 * rotation is asked for. Without a rotation the current secret is sent back, so it stays as it is.
 */
async function converge(client: VerifyClient, live: ApiClientWire, news: In, opts: { rotate: boolean; knownSecret?: string }): Promise<{ outs: Out; changed: string[] }> {
  const changed = changedAtVendor(live, news);
  const secret = live.clientSecret ?? opts.knownSecret;
  if (changed.length === 0 && !opts.rotate) {
    if (!secret) throw new Error(`${KIND}: reading API client ${live.id} failed: ${VENDOR} did not return its clientSecret; ${noSecretHint}.`);
    return { outs: toOutputs(live, news, secret), changed };
  }
  if (!opts.rotate && !secret) {
    // A PUT without clientSecret generates a new one: refuse rather than rotate unasked.
    throw new Error(`${KIND}: updating API client ${live.id} refused: ${VENDOR} did not return its clientSecret and a PUT without it would rotate the secret; ${noSecretHint}.`);
  }
  const body = replaceBody(live, news, opts.rotate ? undefined : secret);
  const action = opts.rotate ? `rotating the secret of API client ${live.id}` : `updating API client ${live.id} (${changed.join(", ")})`;
  await step(KIND, action, () => client.replace(live.id, body));
  if (!opts.rotate) return { outs: toOutputs(afterReplace(live, body), news, secret!), changed };
  // The new secret exists only at the vendor: read it back.
  const fresh = await mustGet(client, live.id, `reading the new secret of API client ${live.id}`);
  if (!fresh.clientSecret) throw new Error(`${KIND}: API client ${live.id} got a new secret but ${VENDOR} did not return it; ${noSecretHint}.`);
  return { outs: toOutputs(fresh, news, fresh.clientSecret), changed: [...changed, "clientSecret"] };
}

async function adopt(client: VerifyClient, news: In, importId: string): Promise<{ id: string; outs: Out }> {
  const live = await step(KIND, `adopting API client '${importId}'`, () => client.get(importId));
  if (!live) {
    throw new Error(
      `${KIND}: adopting failed: ${VENDOR} has no API client with id '${importId}' (GET /v1.0/apiclients/{id} answered 404). importId takes the object id (the 'id' field of GET /v1.0/apiclients), not the OAuth clientId.`,
    );
  }
  const { outs, changed } = await converge(client, live, news, { rotate: false });
  process.stderr.write(`apiidentity: adopted ${KIND} ${live.id}; changed: ${changed.length ? changed.join(", ") : "nothing"}\n`);
  return { id: live.id, outs };
}

export const verifyApiClient: ResourceHandler<In, Out> = {
  kind: KIND,
  vendor: VENDOR,
  inputs: verifyApiClientInputs,
  outputs: verifyApiClientOutputs,
  secretOutputs: ["clientSecret"],
  replaceOnChanges: DIFF_SPEC.replaceOnChanges,

  check: async (olds, news) => checkInputs(news, olds),

  advise: (inputs) => adviseInputs(inputs),

  diff: async (_id, olds, news) => diffProperties(olds, news, DIFF_SPEC),

  async create(inputs) {
    const action = `creating API client '${inputs.clientName}'`;
    const client = await clientFor(action);
    if (inputs.importId) return adopt(client, inputs, inputs.importId);
    // The marker lets a lost create answer be resolved without guessing (names are not unique).
    const nonce = randomUUID();
    let id: string | undefined;
    try {
      id = await client.create(createBody(inputs, nonce));
    } catch (e) {
      if (!isOutcomeUnknown(e)) throw describeFailure(KIND, action, e);
      id = await recoverLostCreate(client, inputs.clientName, nonce, e);
    }
    // 201 without a usable Location: the client exists, find it the same way.
    id ??= await recoverLostCreate(client, inputs.clientName, nonce, new Error(`${VENDOR} answered 201 without a Location header`));
    const created = id;
    const live = await mustGet(client, id, `reading the new API client ${id}`).catch((e: unknown) => {
      // The client exists even though we could not read it: say so, so nothing is left unreported.
      throw new Error(`${e instanceof Error ? e.message : String(e)} API client ${created} was created; adopt it with importId '${created}' or delete it.`);
    });
    if (!live.clientSecret) {
      throw new Error(`${KIND}: created API client ${id} (clientId ${live.clientId}) but ${VENDOR} did not return its clientSecret; ${noSecretHint}. Delete it or adopt it with importId.`);
    }
    return { id, outs: toOutputs(live, inputs, live.clientSecret) };
  },

  async read(id, props) {
    const action = `reading API client ${id}`;
    const client = await clientFor(action);
    const live = await step(KIND, action, () => client.get(id));
    if (!live) return {};
    const outs = toOutputs(live, props, live.clientSecret ?? props.clientSecret);
    const { apiClientId: _a, clientId: _c, clientSecret: _s, ...inputs } = outs;
    return { id, props: outs, inputs };
  },

  async update(id, olds, news) {
    const client = await clientFor(`updating API client ${id}`);
    const live = await mustGet(client, id, `updating API client ${id}`);
    // Only a new value rotates; removing secretRotation leaves the secret alone.
    const rotate = news.secretRotation !== undefined && asText(news.secretRotation) !== asText(olds.secretRotation);
    const { outs } = await converge(client, live, news, { rotate, knownSecret: olds.clientSecret });
    return outs;
  },

  async delete(id) {
    const action = `deleting API client ${id}`;
    const client = await clientFor(action);
    await step(KIND, action, () => client.delete(id));
  },
};
