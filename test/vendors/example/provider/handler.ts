// ExampleServiceAccount: a plain CRUD identity. Only the vendor's own steps are written here; the
// diff, the secret and replace lists come from the declarations, and a lost create answer, the
// adoption's messages and the rest from the lifecycle's defaults.
import { vendorCall } from "../../errors.js";
import { defineResource, type Converged } from "../../lifecycle.js";
import { diffProperties } from "../../resource.js";
import { diffSpecOf } from "../../property-facts.js";
import { exampleClient, type ExampleClient } from "./client.js";
import { VENDOR } from "./contract.js";
import { exampleServiceAccountInputs, exampleServiceAccountOutputs, type ExampleServiceAccountInputs as In, type ExampleServiceAccountOutputs as Out } from "./inputs.js";
import { toInputs, toOutputs } from "./mappers.js";

const KIND = "ExampleServiceAccount";
const spec = diffSpecOf(exampleServiceAccountInputs);

/** One PATCH when the description or the group differs; the name never does (a new name replaces). */
async function converge(client: ExampleClient, id: string, current: Out, desired: In): Promise<Converged<Out>> {
  const { changed } = diffProperties(current, desired, spec);
  if (!changed.length) return { outs: current, changed };
  const live = await vendorCall(KIND, `updating service account ${id}`, () => client.update(id, { description: desired.description ?? "", groupId: desired.groupId ?? null }));
  return { outs: toOutputs(live, { token: current.token, importId: desired.importId }), changed };
}

export const exampleServiceAccount = defineResource({
  kind: KIND,
  vendor: VENDOR,
  noun: "service account",
  console: "in the Example console",
  inputs: exampleServiceAccountInputs,
  outputs: exampleServiceAccountOutputs,
  client: (settings) => exampleClient(settings),

  create: {
    action: (i) => `creating service account '${i.name}'`,
    // The create key, when the SDK sent one, is the mark `apiidentity orphans` reads.
    plan: (_client, i, ctx) => ({ name: i.name, description: i.description ?? "", ...(i.groupId ? { groupId: i.groupId } : {}), ...(ctx.key ? { createdBy: ctx.key } : {}) }),
    send: (client, body) => client.create(body),
    finish: (_client, made) => ({ id: made.id, outs: toOutputs(made, { token: made.token }) }),
  },

  adopt: {
    fetch: (client, id) => client.get(id),
    // The token was shown once, to whoever made the account: an adopted one has none.
    current: (_client, live, i) => ({ id: live.id, current: toOutputs(live, { token: "", importId: i.importId }) }),
  },
  converge,

  async read(client, id, props) {
    const live = await vendorCall(KIND, `reading service account ${id}`, () => client.get(id));
    if (!live) return {};
    const outs = toOutputs(live, { token: props.token ?? "", importId: props.importId });
    return { id, props: outs, inputs: toInputs(outs) };
  },

  async remove(client, id) {
    await vendorCall(KIND, `deleting service account ${id}`, () => client.remove(id));
  },
});
