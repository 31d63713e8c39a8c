// Every resource kind this package serves, by the key the serialised adapter calls it with.
import type { ResourceHandler } from "./resource.js";
import { uptrendsApiAccount } from "./vendors/uptrends/handler.js";
import { iseApiUser } from "./vendors/ivanti/handler.js";
import { controlRoomUser } from "./vendors/automation-anywhere/handler.js";
import { verifyApiClient } from "./vendors/ibm-verify/handler.js";
import { uiPathRobotAccount } from "./vendors/uipath/handler.js";
import { memo } from "./testing/memo.js";

const handlers: Record<string, ResourceHandler> = Object.fromEntries(
  [uptrendsApiAccount, iseApiUser, controlRoomUser, verifyApiClient, uiPathRobotAccount, memo].map((h) => [
    h.kind,
    h as unknown as ResourceHandler,
  ]),
);

export function handlerFor(kind: string): ResourceHandler {
  const h = handlers[kind];
  if (!h) throw new Error(`apiidentity: no handler for resource kind '${kind}'. Is the installed pulumi-apiidentity older than the one that created this resource?`);
  return h;
}

export function allHandlers(): ResourceHandler[] {
  return Object.values(handlers).filter((h) => h !== memo);
}
