// `apiidentity check verify`: the IBM Verify contract tried against a real tenant with the provider's
// own settings. Read-only by default; with `write`, one throw-away API client is created, changed and
// deleted. Every answer is parsed with the client's wire schemas.
import { randomUUID } from "node:crypto";
import type { ProbeRecorder, Probe, ProbeOptions } from "../../probe.js";
import { ApiIdentityError } from "../../errors.js";
import { VendorError } from "../../http/index.js";
import { VerifyClient, verifySettings } from "./client.js";
import { VENDOR } from "./contract.js";
import { COLLECTION_PATH, ITEM_PATH, OVERRIDE_DEFAULTS, SEARCHABLE_NAME, SECRET_VISIBLE_WITH, TOKEN_PATH } from "./contract.js";
import { isKnownEntitlement } from "./entitlements.js";
import { markerOf, replaceBody, withMarker } from "./mappers.js";
import type { ApiClientWire } from "./wire.js";
import { messageOf } from "../../wording.js";
import { audit } from "./audit.js";

const MANAGE = "manageAPIClients";
const NEEDED_FOR = "creating, updating and deleting API clients, and seeing their secrets";

/** The provider's own API client in a list, found by its OAuth client id. */
function ownClient(list: ApiClientWire[], clientId: string): ApiClientWire | undefined {
  return list.find((c) => c.clientId === clientId);
}

async function readOnly(rec: ProbeRecorder, client: VerifyClient, ownClientId: string): Promise<void> {
  const listTopic = `GET ${COLLECTION_PATH} answers {apiClients: [APIClientConfig]}`;
  let list: ApiClientWire[];
  try {
    list = await client.list();
  } catch (e) {
    // No read right at all means no manage right either.
    if (e instanceof VendorError && e.status === 403) rec.permission(MANAGE, "missing", NEEDED_FOR, e.message);
    rec.fail(listTopic, e);
    return;
  }
  rec.confirm(listTopic, `${list.length} API client(s) listed; every one parsed`);

  const own = ownClient(list, ownClientId);
  if (!own) {
    rec.permission(MANAGE, "unknown", NEEDED_FOR, "the provider's own API client is not in the list");
    rec.leaveOpen(`the {id} of ${ITEM_PATH} is the object id from the list`, "the provider's own API client is not in the list, so there is nothing to read by id", true);
    return;
  }
  const held = new Set(own.entitlements ?? []);
  rec.permission(MANAGE, held.has(MANAGE) ? "granted" : "missing", NEEDED_FOR, `the provider's API client holds: ${[...held].join(", ") || "nothing"}`);
  const unknown = [...held].filter((e) => !isKnownEntitlement(e));
  if (unknown.length) rec.leaveOpen("every entitlement IBM answers is one this package knows", `not in our list (kept as they are): ${unknown.join(", ")}`);

  // null: the GET answered 404; undefined: the call failed (recorded by rec.call).
  const one = await rec.call(`GET ${ITEM_PATH} answers APIClientConfig`, async () => (await client.get(own.id)) ?? null);
  if (one === undefined) return;
  rec.expect(
    `the {id} of ${ITEM_PATH} is the object id from the list`,
    one !== null && one.id === own.id,
    "GET by the list's id found the same client",
    "GET by the list's id did not find it (answered 404)",
    true,
  );
  if (one === null) return;

  const mayRead = SECRET_VISIBLE_WITH.filter((e) => held.has(e));
  if (mayRead.length === 0) {
    rec.leaveOpen("clientSecret is in GET answers for a caller holding manageAPIClients or readAPIClientsAndClientSecret", "the provider's API client holds neither", true);
  } else {
    rec.expect(
      "clientSecret is in GET answers for a caller holding manageAPIClients or readAPIClientsAndClientSecret",
      typeof one.clientSecret === "string" && one.clientSecret !== "",
      `the answer carries clientSecret (caller holds ${mayRead.join(", ")})`,
      `the answer has no clientSecret although the caller holds ${mayRead.join(", ")}: updates and creates cannot work`,
      true,
    );
  }

  if (SEARCHABLE_NAME.test(own.clientName)) {
    const found = await rec.call(`GET ${COLLECTION_PATH}?search=clientName = "<name>" finds a client by its exact name`, () => client.findByName(own.clientName));
    if (found) {
      rec.expect(
        `GET ${COLLECTION_PATH}?search=clientName = "<name>" finds a client by its exact name`,
        found.some((c) => c.id === own.id),
        "the search found the provider's own API client",
        "the search did not find the provider's own API client by its name",
        true,
      );
    }
  } else {
    rec.leaveOpen(`GET ${COLLECTION_PATH}?search=clientName = "<name>" finds a client by its exact name`, "the provider's client name holds a quote, & or \\, which is never searched", true);
  }
}

/** A request with a token IBM never issued: the client relies on it answering 401 (then fetches a new token). */
async function invalidToken(rec: ProbeRecorder, client: VerifyClient): Promise<void> {
  const topic = `a bad or expired token is answered 401 on ${COLLECTION_PATH}`;
  try {
    const res = await client.http.request({
      method: "GET",
      path: COLLECTION_PATH,
      query: { pagination: "limit=1" },
      noAuth: true,
      headers: { authorization: `Bearer apiidentity-check-${randomUUID()}` },
      accept: [401],
    });
    rec.expect(topic, res.status === 401, "answered 401", `answered ${res.status}`, true);
  } catch (e) {
    if (e instanceof VendorError) rec.contradict(topic, `answered ${e.status}: the client fetches a new token only after a 401`, true);
    else rec.leaveOpen(topic, messageOf(e), true);
  }
}

/** Creates, updates and deletes one throw-away API client; never touches any other. */
async function writeTrial(rec: ProbeRecorder, client: VerifyClient, name: string): Promise<void> {
  const trial = { name, created: false, updated: false, deleted: false, confirmedGone: false } as NonNullable<ProbeRecorder["write"]>;
  rec.write = trial;
  const nonce = randomUUID();
  let id: string | undefined;
  try {
    id = await client.create({
      clientName: name,
      // Disabled: it can never obtain a token while it exists.
      enabled: false,
      entitlements: ["readAPIClients"],
      description: withMarker("apiidentity check: throw-away client", nonce),
      overrideSettings: { restrictScopes: OVERRIDE_DEFAULTS.restrictScopes, scopes: [] },
    });
    if (!id) {
      // 201 without a Location: find it by name and this trial's marker (never anything else).
      const found = (await client.findByName(name)).filter((c) => markerOf(c.description) === nonce);
      id = found.length === 1 ? found[0]!.id : undefined;
    }
    rec.expect(`POST ${COLLECTION_PATH} answers 201 with the new id in Location`, id !== undefined, "the Location named the new client", "no usable Location header and no single client carrying the trial's marker");
    if (!id) {
      trial.problem = `An API client named '${name}' may exist at ${VENDOR}; delete it in the admin console.`;
      return;
    }
    trial.created = true;
    const live = await client.get(id);
    if (!live) throw new ApiIdentityError(`GET ${ITEM_PATH} answered 404 right after the create`);
    rec.expect("description is stored verbatim (the create marker survives)", markerOf(live.description) === nonce, "the marker came back unchanged", "the description came back changed; lost creates cannot be resolved by marker", true);
    rec.expect(
      "overrideSettings defaults to restrictScopes false",
      (live.overrideSettings?.restrictScopes ?? false) === false,
      "restrictScopes is false or absent",
      "restrictScopes came back true",
      true,
    );

    const inputs = { clientName: name, entitlements: ["readAPIClients"], enabled: false, description: "apiidentity check: updated" };
    const secret = live.clientSecret ?? undefined;
    if (!secret) {
      rec.leaveOpen("PUT with id, clientId and the current secret keeps the secret", "the answer had no clientSecret, and a PUT without it would rotate it");
    } else {
      await client.replace(id, replaceBody(live, inputs, secret));
      const after = await client.get(id);
      trial.updated = (after?.description ?? "").startsWith("apiidentity check: updated");
      rec.expect(
        "PUT with id, clientId and the current secret keeps the secret",
        trial.updated && after?.clientSecret === secret,
        "updated in place, same secret",
        trial.updated ? "the PUT changed the secret" : "the PUT did not change the description",
        true,
      );
    }
  } catch (e) {
    const why = messageOf(e);
    rec.fail("the write trial", e);
    trial.problem = why;
  } finally {
    if (id) {
      try {
        await client.delete(id);
        trial.deleted = true;
        trial.confirmedGone = (await client.get(id)) === undefined;
        rec.expect(`DELETE ${ITEM_PATH} removes the client (GET then answers 404)`, trial.confirmedGone, "gone", "still there after the DELETE");
      } catch (e) {
        rec.fail(`DELETE ${ITEM_PATH}`, e);
      }
      if (!trial.confirmedGone) {
        trial.problem = `${trial.problem ? `${trial.problem} ` : ""}The throw-away API client '${name}' (id ${id}) may still exist at ${VENDOR}; delete it in the admin console.`;
      }
    }
  }
}

export const probe: Probe = {
  key: "ibm-verify",
  vendor: VENDOR,
  async run(rec: ProbeRecorder, options: ProbeOptions): Promise<void> {
    rec.lastUse(audit.lastUsed?.field);
    const settings = verifySettings(options.settings);
    // A client of its own: the token is fetched now, not taken from a provider cache.
    const client = new VerifyClient(settings);
    await rec.authenticate(`POST ${TOKEN_PATH} (client_credentials) gave a token`, () => client.authenticate());
    rec.confirm(`the token endpoint is ${TOKEN_PATH}`, "it issued a token", true);
    await readOnly(rec, client, settings.clientId);
    await invalidToken(rec, client);
    rec.leaveOpen("client names are not unique (no duplicate-name error)", "not tried: it would need a second client with the same name", true);
    rec.leaveOpen("PUT accepts back every field of the GET answer this resource does not manage", "the throw-away client of --write has no such field; an update of a client set up in the admin console shows it", true);
    if (options.write) await writeTrial(rec, client, options.throwAwayName);
  },
};
