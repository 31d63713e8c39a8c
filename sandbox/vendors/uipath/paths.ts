// Every Identity API route is served twice: under `/identity_/api/...` (the OpenAPI's server and
// the older docs) and under `/{organization}/identity_/api/...` (current docs). The reference
// infers both work, the organization being named again by `partitionGlobalId`.
import type { Route, RouteHandler } from "../../types.js";
import type { UiPathState } from "./state.js";

export function identityApi(method: string, apiPath: string, handler: RouteHandler<UiPathState>): Route<UiPathState>[] {
  return [
    { method, template: `/identity_/api${apiPath}`, handler },
    { method, template: `/{organization}/identity_/api${apiPath}`, handler },
  ];
}
