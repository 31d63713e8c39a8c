// The provider-wide settings of the network path to every vendor (a proxy, private certificate
// authorities), declared once beside the vendors' own: the settings layer, schema.json's config,
// the docs tables and the dynamic provider read them from here as they read the vendor modules'.
// The transport reads them from the settings value (provider/http/network.ts).
import type { SettingDeclaration } from "./vendor-module.js";

export const NETWORK_SETTINGS = {
  proxyUrl: {
    env: "APIIDENTITY_PROXY_URL",
    description:
      "Proxy every vendor call goes through (http://host:port, with user:password@ when the proxy asks for them), instead of the one HTTPS_PROXY or HTTP_PROXY name; NO_PROXY still applies. The value none sends every call directly, whatever the environment says.",
    secret: true,
  },
  caCertificates: {
    env: "APIIDENTITY_CA_CERTIFICATES",
    description:
      "Certificate authorities to trust besides Node.js's own, for a vendor or a proxy that intercepts TLS: PEM text (one or more certificates), or the path of a PEM file.",
  },
} as const satisfies Readonly<Record<string, SettingDeclaration>>;

export type NetworkSettingName = keyof typeof NETWORK_SETTINGS;
