// Removes secrets from anything that may reach an error message or a log line.

/** Header and field names whose values are never shown. */
const SECRET_KEY = /^(authorization|x-authorization|proxy-authorization|cookie|set-cookie|password|passwd|pwd|secret|client_?secret|api_?key|apikey|token|access_?token|refresh_?token|id_?token|x-api-key)$|secret|password|token|apikey|api_key/i;

export const REDACTED = "[REDACTED]";

const PAIR_KEYS = "password|passwd|client_?secret|clientSecret|api_?key|apiKey|access_token|refresh_token|id_token|token|secret";
const SECRET_JSON_PAIR = new RegExp(`("(?:${PAIR_KEYS})"\\s*:\\s*)"[^"]*"`, "gi");
const SECRET_FORM_PAIR = new RegExp(`\\b((?:${PAIR_KEYS})=)[^\\s&,;]+`, "gi");

const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Deep copy of a JSON-like value with every secret-named field replaced and strings cleaned. */
export function redactValue(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === "string") return redactText(value, secrets);
  if (depth > 20 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = isSecretKey(k) && v !== null && v !== undefined && v !== "" ? REDACTED : redactValue(v, secrets, depth + 1);
  }
  return out;
}

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k] = isSecretKey(k) ? REDACTED : Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

/**
 * Replaces every known secret value, any `Basic`/`Bearer` credential and secret-looking
 * `key=value` / `"key":"value"` pairs in free text (vendor messages can echo what we sent).
 */
export function redactText(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join(REDACTED);
  }
  out = out.replace(/\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]{6,}/gi, `$1 ${REDACTED}`);
  // The user and password of a URL (a proxy's, http://user:password@proxy:3128): the host stays.
  out = out.replace(URL_USERINFO, `$1${REDACTED}@`);
  // JSON pairs ("password": "…") and form/query pairs (password=…); not prose such as
  // "password: Password must be longer", which vendors use in validation messages.
  out = out.replace(SECRET_JSON_PAIR, `$1"${REDACTED}"`);
  out = out.replace(SECRET_FORM_PAIR, `$1${REDACTED}`);
  return out;
}
