// A UiPath robot account written the way Pulumi's dynamic-provider documentation shows a provider:
// an object literal of inline async methods, calling the REST API with fetch, a fresh token for
// every call. Benchmark only (the "textbook" contender), never shipped: it is what this package is
// measured against. Settings come from the environment the sandbox prints (UIPATH_*).
import * as pulumi from "@pulumi/pulumi";

export interface RobotAccountArgs {
  name: string;
  displayName: string;
  groupIds: string[];
}

const robotAccountProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: RobotAccountArgs) {
    const env = process.env;
    const base = `${env.UIPATH_BASE_URL}/${env.UIPATH_ORGANIZATION}/identity_/api`;
    const tokenRes = await fetch(`${env.UIPATH_BASE_URL}/identity_/connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: env.UIPATH_CLIENT_ID ?? "", client_secret: env.UIPATH_CLIENT_SECRET ?? "", scope: "PM.RobotAccount" }),
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const res = await fetch(`${base}/RobotAccount`, {
      method: "POST",
      headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
      body: JSON.stringify({ partitionGlobalId: env.UIPATH_PARTITION_GLOBAL_ID, name: inputs.name, displayName: inputs.displayName, groupIDsToAdd: inputs.groupIds }),
    });
    if (!res.ok) throw new Error(`create robot account failed: ${res.status} ${await res.text()}`);
    const robot = (await res.json()) as { id: string };
    return { id: robot.id, outs: { ...inputs, robotAccountId: robot.id } };
  },

  async read(id: string, props: RobotAccountArgs) {
    const env = process.env;
    const base = `${env.UIPATH_BASE_URL}/${env.UIPATH_ORGANIZATION}/identity_/api`;
    const tokenRes = await fetch(`${env.UIPATH_BASE_URL}/identity_/connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: env.UIPATH_CLIENT_ID ?? "", client_secret: env.UIPATH_CLIENT_SECRET ?? "", scope: "PM.RobotAccount" }),
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const res = await fetch(`${base}/RobotAccount/${env.UIPATH_PARTITION_GLOBAL_ID}/${id}`, { headers: { authorization: `Bearer ${access_token}` } });
    if (!res.ok) throw new Error(`read robot account failed: ${res.status} ${await res.text()}`);
    const robot = (await res.json()) as { name: string; displayName: string };
    return { id, props: { ...props, name: robot.name, displayName: robot.displayName } };
  },

  async update(id: string, olds: RobotAccountArgs, news: RobotAccountArgs) {
    const env = process.env;
    const base = `${env.UIPATH_BASE_URL}/${env.UIPATH_ORGANIZATION}/identity_/api`;
    const tokenRes = await fetch(`${env.UIPATH_BASE_URL}/identity_/connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: env.UIPATH_CLIENT_ID ?? "", client_secret: env.UIPATH_CLIENT_SECRET ?? "", scope: "PM.RobotAccount" }),
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const res = await fetch(`${base}/RobotAccount/${id}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
      body: JSON.stringify({
        partitionGlobalId: env.UIPATH_PARTITION_GLOBAL_ID,
        displayName: news.displayName,
        groupIDsToAdd: news.groupIds.filter((g) => !olds.groupIds.includes(g)),
        groupIDsToRemove: olds.groupIds.filter((g) => !news.groupIds.includes(g)),
      }),
    });
    if (!res.ok) throw new Error(`update robot account failed: ${res.status} ${await res.text()}`);
    return { outs: { ...news, robotAccountId: id } };
  },

  async delete(id: string) {
    const env = process.env;
    const base = `${env.UIPATH_BASE_URL}/${env.UIPATH_ORGANIZATION}/identity_/api`;
    const tokenRes = await fetch(`${env.UIPATH_BASE_URL}/identity_/connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: env.UIPATH_CLIENT_ID ?? "", client_secret: env.UIPATH_CLIENT_SECRET ?? "", scope: "PM.RobotAccount" }),
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const res = await fetch(`${base}/RobotAccount/${env.UIPATH_PARTITION_GLOBAL_ID}/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${access_token}` } });
    if (!res.ok && res.status !== 404) throw new Error(`delete robot account failed: ${res.status} ${await res.text()}`);
  },
};

export class UiPathRobotAccount extends pulumi.dynamic.Resource {
  declare readonly robotAccountId: pulumi.Output<string>;

  constructor(name: string, args: RobotAccountArgs, opts?: pulumi.CustomResourceOptions) {
    super(robotAccountProvider, name, { ...args, robotAccountId: undefined }, opts);
  }
}
