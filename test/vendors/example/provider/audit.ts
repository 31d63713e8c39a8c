// `apiidentity audit` at Example: every service account from its one list, with its group; the
// API key the provider calls with belongs to no service account, and the API reports no last use.
import type { AuditSupport } from "../../vendor-module.js";
import { exampleClient } from "./client.js";

export const audit: AuditSupport = {
  // The Example API has no administrative group or role.
  administrative: [],
  async inventory(settings, progress) {
    const accounts = await exampleClient(settings).list();
    progress?.(accounts.length);
    return accounts.map((a) => ({ kind: "ExampleServiceAccount", id: a.id, name: a.name, createdAt: new Date(Date.parse(a.createdAt)).toISOString(), roles: a.groupId ? [a.groupId] : [] }));
  },
};
