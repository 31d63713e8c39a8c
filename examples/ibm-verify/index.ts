// Every input of VerifyApiClient. Provider settings: apiidentity:ibmVerifyTenantUrl / ibmVerifyClientId /
// ibmVerifyClientSecret (or IBM_VERIFY_TENANT_URL, IBM_VERIFY_CLIENT_ID, IBM_VERIFY_CLIENT_SECRET).
import { VerifyApiClient } from "pulumi-apiidentity";

const client = new VerifyApiClient("reporting", {
  clientName: "reporting-export",
  description: "Nightly export of sign-in reports",
  entitlements: ["readReports", "readUsers"], // documented names; a typo fails preview with suggestions
  enabled: true,
  ipFilterOp: "allow",
  ipFilters: ["10.20.0.0/16", "192.0.2.10"],
  restrictScopes: true,
  scopes: [{ name: "reports.read", description: "Read reports" }],
  secretRotation: "2026-11", // change it to rotate the client secret in place (same client id)
  // importId: "6b2f…",       // adopt an existing API client
});

export const apiClientId = client.apiClientId;
export const clientId = client.clientId;
export const clientSecret = client.clientSecret; // secret
