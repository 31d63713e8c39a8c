// Wire shapes of UiPath Identity (OpenAPI `UiPath/uipathcli:definitions/identity.yaml`, see
// docs/vendors/uipath.md): exactly the fields this client reads. Unknown fields are ignored so that
// additions at the vendor break nothing; enums (group type, member kind) are open strings; what the
// OpenAPI marks nullable is read as absent.
import * as z from "zod";
import { parseAnswer } from "../../http/index.js";

export const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().default(3600),
  token_type: z.string().optional(),
  scope: z.string().optional(),
});

/** Nullable in the OpenAPI: read as "" so one odd entry does not fail a whole list. */
const nullableName = z.string().nullish().transform((v) => v ?? "");

/** The OpenAPI's `format: uuid` (letter case free): the id becomes the resource id, so nothing else passes. */
const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "expected a GUID");

export const robotAccountDto = z.object({
  id: guid,
  name: nullableName,
  displayName: z.string().nullish(),
  creationTime: z.string().nullish(),
  lastLoginTime: z.string().nullish(),
  groupIds: z.array(z.string()).nullish(),
});
export type RobotAccountDto = z.output<typeof robotAccountDto>;

export const robotAccountPage = z.object({
  totalCount: z.coerce.number().int().nonnegative(),
  // Nullable in the OpenAPI, but present: a missing `results` means the answer changed shape.
  results: z.array(robotAccountDto).nullable().transform((v) => v ?? []),
});

export const groupDto = z.object({
  id: z.string().min(1),
  name: nullableName,
  displayName: z.string().nullish(),
  // Documented `builtIn` | `custom`; any other value is kept (open enum).
  type: z.string().nullish(),
  creationTime: z.string().nullish(),
  lastModificationTime: z.string().nullish(),
  members: z
    .array(
      z.object({
        objectType: z.string().nullish(),
        identifier: z.string().nullish(),
        name: z.string().nullish(),
      }),
    )
    .nullish(),
});
export type GroupDto = z.output<typeof groupDto>;

export const groupList = z.array(groupDto);

/** ASP.NET Core ProblemDetails / ValidationProblemDetails, and the OAuth2 error of the token endpoint. */
export const problemDetails = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  status: z.number().optional(),
  traceId: z.string().optional(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

export interface CreateRobotAccountCommand {
  partitionGlobalId: string;
  name: string;
  displayName?: string;
  groupIDsToAdd?: string[];
}

export interface UpdateRobotAccountCommand {
  partitionGlobalId: string;
  displayName?: string;
  groupIDsToAdd?: string[];
  groupIDsToRemove?: string[];
}

/** Parses a vendor answer; a shape mismatch is a clear error naming the call, not a crash later. */
export function parseWire<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  return parseAnswer(schema, body, "UiPath", what);
}
