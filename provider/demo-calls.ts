// The vendor calls of the demo (a colleague's console edits, a pipeline's first use of its new
// credential): plain requests to the sandbox, which plays the vendors, made as a person or another
// program would make them, outside the provider's transport.
import { ApiIdentityError } from "./error-root.js";

/** Sends one request and answers its JSON body (undefined when there is none); a status of 300 or more throws. */
export async function demoCall<T>(url: string, init?: RequestInit): Promise<T> {
  const r = await fetch(url, init);
  const text = await r.text();
  if (!r.ok) throw new ApiIdentityError(`${init?.method ?? "GET"} ${url} answered ${r.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The Authorization header of HTTP Basic. */
export function basicAuth(username: string | undefined, password: string | undefined): string {
  return "Basic " + Buffer.from(`${username ?? ""}:${password ?? ""}`).toString("base64");
}

/** A string property of a vendor answer, when it is one. */
export function text(props: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = props[key];
  return typeof v === "string" && v !== "" ? v : undefined;
}
