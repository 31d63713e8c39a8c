export { HttpClient, assertSafeUrl, debugEnabled, type AuthProvider, type HttpClientOptions, type HttpMethod, type HttpResponse, type RequestOptions } from "./client.js";
export { VendorError, TransportError, TokenError, isOutcomeUnknown, type TransportErrorCode } from "./errors.js";
export { backoffDelay, parseRetryAfter, type BackoffOptions } from "./backoff.js";
export { CachedToken, tokenAuth, type IssuedToken, type TokenAuth, type TokenAuthOptions } from "./token.js";
export { REDACTED, redactText, redactValue, redactHeaders, isSecretKey } from "./redact.js";
export { basicAuth } from "./basic-auth.js";
export { parseAnswer, UnexpectedAnswerError } from "./answer.js";
export { PerSettings, markFreshResolution, type Closable } from "./per-settings.js";
export { caseInsensitiveObject, respellKeys } from "./keys.js";
