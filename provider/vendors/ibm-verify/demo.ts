// What `npm run demo` does at IBM Verify: a colleague adds an entitlement to the stack's API client.
import { demoCall, text } from "../../demo-calls.js";
import type { VendorDemo } from "../../vendor-module.js";

export const demo: VendorDemo = {
  name: (p) => text(p, "clientName"),
  async consoleEdit(sandbox, id) {
    const token = await demoCall<{ access_token: string }>(`${sandbox.baseUrl}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: sandbox.clientId ?? "", client_secret: sandbox.clientSecret ?? "" }).toString(),
    });
    const url = `${sandbox.baseUrl}/v1.0/apiclients/${id}`;
    const auth = { authorization: `Bearer ${token.access_token}` };
    const client = await demoCall<Record<string, unknown> & { entitlements: string[] }>(url, { headers: auth });
    await demoCall(url, { method: "PUT", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ ...client, entitlements: [...client.entitlements, "readGroupMembers"] }) });
    return `IBM Verify: entitlement 'readGroupMembers' added to API client '${String(client.clientName)}'`;
  },
};
