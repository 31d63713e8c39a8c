// An IBM Verify API client written the way Pulumi's dynamic-provider documentation shows a provider:
// an object literal of inline async methods, calling the REST API with fetch, a fresh token for
// every call. Benchmark only (the "textbook" contender), never shipped: it is what this package is
// measured against. Settings come from the environment the sandbox prints (VERIFY_*).
import * as pulumi from "@pulumi/pulumi";

export interface ApiClientArgs {
  clientName: string;
  entitlements: string[];
  description: string;
}

const apiClientProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: ApiClientArgs) {
    const env = process.env;
    const tokenRes = await fetch(`${env.IBM_VERIFY_TENANT_URL}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: env.IBM_VERIFY_CLIENT_ID ?? "", client_secret: env.IBM_VERIFY_CLIENT_SECRET ?? "" }),
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const res = await fetch(`${env.IBM_VERIFY_TENANT_URL}/v1.0/apiclients`, {
      method: "POST",
      headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
      body: JSON.stringify({ clientName: inputs.clientName, enabled: true, entitlements: inputs.entitlements, description: inputs.description }),
    });
    if (res.status !== 201) throw new Error(`create API client failed: ${res.status} ${await res.text()}`);
    // The id is the last segment of Location; the generated clientId and secret need a GET.
    const id = (res.headers.get("location") ?? "").split("/").pop() ?? "";
    const got = await fetch(`${env.IBM_VERIFY_TENANT_URL}/v1.0/apiclients/${id}`, { headers: { authorization: `Bearer ${access_token}` } });
    const client = (await got.json()) as { clientId: string; clientSecret: string };
    return { id, outs: { ...inputs, clientId: client.clientId, clientSecret: client.clientSecret } };
  },

  async read(id: string, props: ApiClientArgs) {
    const env = process.env;
    const tokenRes = await fetch(`${env.IBM_VERIFY_TENANT_URL}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: env.IBM_VERIFY_CLIENT_ID ?? "", client_secret: env.IBM_VERIFY_CLIENT_SECRET ?? "" }),
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const got = await fetch(`${env.IBM_VERIFY_TENANT_URL}/v1.0/apiclients/${id}`, { headers: { authorization: `Bearer ${access_token}` } });
    if (!got.ok) throw new Error(`read API client failed: ${got.status} ${await got.text()}`);
    const client = (await got.json()) as { clientName: string; entitlements: string[]; description: string };
    return { id, props: { ...props, clientName: client.clientName, entitlements: client.entitlements, description: client.description } };
  },

  async update(id: string, _olds: ApiClientArgs, news: ApiClientArgs) {
    const env = process.env;
    const tokenRes = await fetch(`${env.IBM_VERIFY_TENANT_URL}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: env.IBM_VERIFY_CLIENT_ID ?? "", client_secret: env.IBM_VERIFY_CLIENT_SECRET ?? "" }),
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    // PUT replaces the whole client (and rotates the secret when it is left out): read it first.
    const got = await fetch(`${env.IBM_VERIFY_TENANT_URL}/v1.0/apiclients/${id}`, { headers: { authorization: `Bearer ${access_token}` } });
    const live = (await got.json()) as Record<string, unknown>;
    const res = await fetch(`${env.IBM_VERIFY_TENANT_URL}/v1.0/apiclients/${id}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
      body: JSON.stringify({ ...live, clientName: news.clientName, entitlements: news.entitlements, description: news.description }),
    });
    if (!res.ok) throw new Error(`update API client failed: ${res.status} ${await res.text()}`);
    return { outs: { ...news, clientId: live.clientId, clientSecret: live.clientSecret } };
  },

  async delete(id: string) {
    const env = process.env;
    const tokenRes = await fetch(`${env.IBM_VERIFY_TENANT_URL}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: env.IBM_VERIFY_CLIENT_ID ?? "", client_secret: env.IBM_VERIFY_CLIENT_SECRET ?? "" }),
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const res = await fetch(`${env.IBM_VERIFY_TENANT_URL}/v1.0/apiclients/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${access_token}` } });
    if (!res.ok && res.status !== 404) throw new Error(`delete API client failed: ${res.status} ${await res.text()}`);
  },
};

export class VerifyApiClient extends pulumi.dynamic.Resource {
  declare readonly clientId: pulumi.Output<string>;
  declare readonly clientSecret: pulumi.Output<string>;

  constructor(name: string, args: ApiClientArgs, opts?: pulumi.CustomResourceOptions) {
    super(apiClientProvider, name, { ...args, clientId: undefined, clientSecret: undefined }, opts);
  }
}
