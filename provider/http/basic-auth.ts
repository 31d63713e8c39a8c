// HTTP Basic credentials as an AuthProvider: nothing to refresh, so no invalidate.
import type { AuthProvider } from "./client.js";

export function basicAuth(username: string, password: string): AuthProvider {
  const encoded = Buffer.from(`${username}:${password}`, "utf8").toString("base64");
  return { headers: async () => ({ authorization: `Basic ${encoded}` }), secrets: () => [password, encoded] };
}
