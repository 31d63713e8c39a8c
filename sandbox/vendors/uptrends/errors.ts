// The vendor's error body: `MessageList` = {"Messages": [{"Message": "…"}]} for every documented 4xx.
import type { SandboxResponse } from "../../types.js";
import type { UptrendsState } from "./state.js";

export function messageList(status: number, ...messages: string[]): SandboxResponse {
  return { status, body: { Messages: messages.map((Message) => ({ Message })) } };
}

/** Text of ASP.NET's authorisation filter, which is what a bad Basic credential meets. */
export const UNAUTHORIZED_MESSAGE = "Authorization has been denied for this request.";

export function unauthorized(state: UptrendsState): SandboxResponse {
  const headers = { "www-authenticate": 'Basic realm="Uptrends API"' };
  if (state.behaviour.unauthorizedBody === "empty") return { status: 401, headers };
  return { ...messageList(401, UNAUTHORIZED_MESSAGE), headers };
}

export const OPERATOR_NOT_FOUND = "The specified operator was not found.";
export const API_USER_NOT_FOUND = "The specified API user was not found.";

export const operatorNotFound = (): SandboxResponse => messageList(404, OPERATOR_NOT_FOUND);
export const apiUserNotFound = (): SandboxResponse => messageList(404, API_USER_NOT_FOUND);
export const forbidden = (message: string): SandboxResponse => messageList(403, message);
export const badRequest = (...messages: string[]): SandboxResponse => messageList(400, ...messages);
