// `apiidentity check example`: the contract tried against a tenant. Read-only unless `options.write`;
// then it creates, updates and deletes one throw-away account named `options.throwAwayName`.
import { randomUUID } from "node:crypto";
import type { Probe, ProbeOptions, ProbeRecorder, WriteTrial } from "../../probe.js";
import { exampleClient, type ExampleClient } from "./client.js";
import { PATHS, VENDOR } from "./contract.js";

async function writeTrial(rec: ProbeRecorder, client: ExampleClient, name: string): Promise<WriteTrial> {
  const trial: WriteTrial = { name, created: false, updated: false, deleted: false, confirmedGone: false };
  const made = await rec.call(`POST ${PATHS.accounts} (throw-away account '${name}')`, () => client.create({ name, description: "apiidentity check" }));
  if (!made) return { ...trial, problem: `the create failed; if a service account named '${name}' exists, delete it in the Example console` };
  trial.created = true;
  trial.updated = (await rec.call(`PATCH ${PATHS.account} (throw-away account)`, () => client.update(made.id, { description: "apiidentity check (updated)", groupId: null })))?.description === "apiidentity check (updated)";
  trial.deleted = (await rec.call(`DELETE ${PATHS.account} (throw-away account)`, () => client.remove(made.id))) === true;
  trial.confirmedGone = trial.deleted && (await rec.call(`GET ${PATHS.account} after the delete`, () => client.get(made.id))) === undefined;
  if (!trial.confirmedGone) trial.problem = `service account '${name}' (${made.id}) may still exist: delete it in the Example console`;
  return trial;
}

export const probe: Probe = {
  key: "example",
  vendor: VENDOR,
  async run(rec: ProbeRecorder, options: ProbeOptions): Promise<void> {
    const client = exampleClient(options.settings);
    const accounts = await rec.authenticate(`GET ${PATHS.accounts} with the API key`, () => client.list());
    rec.confirm("the account list answers an array of service accounts", `${accounts.length} service account(s) read`);
    const groups = await rec.call(`GET ${PATHS.groups}`, () => client.groups());
    if (groups) rec.confirm("the group list answers an array of groups", `${groups.length} group(s) read`);
    const missing = await rec.call(`GET ${PATHS.account} of an unknown id`, () => client.get(randomUUID()));
    if (missing === undefined && !rec.findings.some((f) => f.topic === `GET ${PATHS.account} of an unknown id`)) rec.confirm("an unknown id answers 404", "404");
    if (options.write) rec.write = await writeTrial(rec, client, options.throwAwayName);
  },
};
