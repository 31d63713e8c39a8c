// What `npm run demo` does at Automation Anywhere: the quickstart's bot runner needs a password of the
// demo's own, and a colleague disables that user in the Control Room.
import { demoCall, text } from "../../demo-calls.js";
import type { VendorDemo } from "../../vendor-module.js";

export const demo: VendorDemo = {
  config: async (_sandbox, password) => ({ botRunnerPassword: { value: password(), secret: true } }),
  name: (p) => text(p, "username"),
  async consoleEdit(sandbox, id) {
    const { token } = await demoCall<{ token: string }>(`${sandbox.baseUrl}/v2/authentication`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: sandbox.username, apiKey: sandbox.apiKey }),
    });
    const url = `${sandbox.baseUrl}/v2/usermanagement/users/${id}`;
    const user = await demoCall<Record<string, unknown>>(url, { headers: { "x-authorization": token } });
    await demoCall(url, { method: "PUT", headers: { "x-authorization": token, "content-type": "application/json" }, body: JSON.stringify({ ...user, disabled: true }) });
    return `Automation Anywhere: Control Room user '${String(user.username)}' disabled`;
  },
};
