// Creating API accounts, shared by `POST /ApiUser` and the legacy `POST /Register`.
import { randomSecret } from "../../http-util.js";
import type { Ctx } from "./auth.js";
import { sha256, type StoredApiUser, type StoredOperator } from "./state.js";

/** Both creation paths default an empty description to "API" (documented for /Register). */
export const DEFAULT_DESCRIPTION = "API";

export function normaliseDescription(description: string | null | undefined): string {
  return description === undefined || description === null || description.trim() === "" ? DEFAULT_DESCRIPTION : description;
}

/** Adds a Generic API account for `operator`; returns it with its one-time password. */
export function createApiUser(ctx: Ctx, operator: StoredOperator, description: string): { apiUser: StoredApiUser; password: string } {
  const password = randomSecret(32);
  const apiUser: StoredApiUser = {
    apiUserGuid: ctx.newId(),
    operatorGuid: operator.operatorGuid,
    description,
    // Generated, opaque user names (32 hex characters, INFERRED format).
    userName: ctx.newId().replace(/-/g, ""),
    passwordHash: sha256(password),
    apiAccessType: "Generic",
    createdDate: new Date(ctx.now()).toISOString(),
    lastUsed: { kind: "never" },
    usage: {},
  };
  ctx.state.apiUsers.push(apiUser);
  return { apiUser, password };
}
