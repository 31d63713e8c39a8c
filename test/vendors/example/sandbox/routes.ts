// The Example API v1: service accounts (list, create, get, update, delete) and groups (list), every
// call with `Authorization: Bearer <API key>`.
import * as z from "zod";
import { bearerToken, json, noContent, randomSecret } from "../../http-util.js";
import type { Route, RouteHandler, SandboxResponse } from "../../types.js";
import { errorBody } from "./errors.js";
import type { ExampleState, StoredAccount } from "./state.js";

/** The account without its token (which only the create answers). */
const view = ({ token: _token, ...rest }: StoredAccount) => rest;

const withKey =
  (handler: RouteHandler<ExampleState>): RouteHandler<ExampleState> =>
  (req, ctx) =>
    bearerToken(req.headers) === ctx.state.apiKey ? handler(req, ctx) : errorBody(401, "The API key is missing or wrong.");

const createBody = z.object({
  name: z.string().min(1).max(100),
  description: z.string().max(1000).optional(),
  groupId: z.string().nullish(),
  createdBy: z.string().max(500).nullish(),
});
const updateBody = z.object({ description: z.string().max(1000).optional(), groupId: z.string().nullish() }).strict();

const unknownGroup = (state: ExampleState, groupId: string | null | undefined) => !!groupId && !state.groups.some((g) => g.id === groupId);

function find(state: ExampleState, id: string | undefined): StoredAccount | SandboxResponse {
  return state.accounts.find((a) => a.id === id) ?? errorBody(404, `No service account has the id '${id}'.`);
}

export const routes: Route<ExampleState>[] = [
  { method: "GET", template: "/v1/service-accounts", handler: withKey((_req, ctx) => json(200, ctx.state.accounts.map(view))) },
  {
    method: "POST",
    template: "/v1/service-accounts",
    handler: withKey((req, ctx) => {
      const body = createBody.safeParse(req.body);
      if (!body.success) return errorBody(400, `Invalid body: ${body.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      if (ctx.state.accounts.some((a) => a.name === body.data.name)) return errorBody(409, `A service account named '${body.data.name}' exists.`);
      if (unknownGroup(ctx.state, body.data.groupId)) return errorBody(400, `No group has the id '${body.data.groupId}'.`);
      const account: StoredAccount = {
        id: ctx.newId(),
        name: body.data.name,
        description: body.data.description ?? "",
        groupId: body.data.groupId ?? null,
        token: `ex_${randomSecret(32)}`,
        createdBy: body.data.createdBy ?? null,
        createdAt: new Date(ctx.now()).toISOString(),
      };
      ctx.state.accounts.push(account);
      return json(201, { ...view(account), token: account.token });
    }),
  },
  {
    method: "GET",
    template: "/v1/service-accounts/{id}",
    handler: withKey((req, ctx) => {
      const a = find(ctx.state, req.params.id);
      return "status" in a ? a : json(200, view(a));
    }),
  },
  {
    method: "PATCH",
    template: "/v1/service-accounts/{id}",
    handler: withKey((req, ctx) => {
      const a = find(ctx.state, req.params.id);
      if ("status" in a) return a;
      const body = updateBody.safeParse(req.body);
      if (!body.success) return errorBody(400, `Invalid body: ${body.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ")}`);
      if (unknownGroup(ctx.state, body.data.groupId)) return errorBody(400, `No group has the id '${body.data.groupId}'.`);
      if (body.data.description !== undefined) a.description = body.data.description;
      if (body.data.groupId !== undefined) a.groupId = body.data.groupId;
      return json(200, view(a));
    }),
  },
  {
    method: "DELETE",
    template: "/v1/service-accounts/{id}",
    handler: withKey((req, ctx) => {
      const before = ctx.state.accounts.length;
      ctx.state.accounts = ctx.state.accounts.filter((a) => a.id !== req.params.id);
      return ctx.state.accounts.length < before ? noContent() : errorBody(404, `No service account has the id '${req.params.id}'.`);
    }),
  },
  { method: "GET", template: "/v1/groups", handler: withKey((_req, ctx) => json(200, ctx.state.groups)) },
];
