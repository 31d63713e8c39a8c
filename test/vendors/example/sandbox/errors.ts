// The Example API's error body for every 4xx: `{ "error": "<message>" }`.
import { json } from "../../http-util.js";
import type { SandboxResponse } from "../../types.js";

export const errorBody = (status: number, error: string): SandboxResponse => json(status, { error });
