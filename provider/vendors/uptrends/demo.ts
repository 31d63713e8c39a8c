// What `npm run demo` does at Uptrends: the quickstart looks the seeded operator up by e-mail, and the
// monitoring pipeline calls the API once with the account the stack made, so "last used" has a value.
import { basicAuth, demoCall, text } from "../../demo-calls.js";
import type { VendorDemo } from "../../vendor-module.js";

export const demo: VendorDemo = {
  async config(sandbox) {
    const operator = await demoCall<{ Email: string }>(`${sandbox.baseUrl}/Operator/${sandbox.operatorGuid}`, {
      headers: { authorization: basicAuth(sandbox.username, sandbox.password) },
    });
    return { uptrendsOperatorEmail: { value: operator.Email } };
  },
  name: (p) => text(p, "username"),
  lastUsed: (p) => text(p, "lastUsed"),
  async use(sandbox, outputs) {
    const r = await fetch(`${sandbox.baseUrl}/Account`, { headers: { authorization: basicAuth(String(outputs.uptrendsUsername), String(outputs.uptrendsPassword)) } });
    return `the monitoring pipeline called Uptrends once with its new API account: HTTP ${r.status}`;
  },
  basicRead: "/Operator",
};
