// Bearer-token auth shared by every token vendor (IBM Verify, UiPath, the Control Room): one token
// per auth provider, fetched by one call at a time, renewed before it expires and once after a 401.
import type { AuthProvider } from "./client.js";

export interface IssuedToken {
  token: string;
  /** Lifetime in seconds as the vendor stated it. */
  expiresInSeconds: number;
}

export class CachedToken {
  private current: { token: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  /** `skewSeconds`: renew this long before the stated expiry, so a token never dies mid-request. */
  constructor(
    private readonly fetchToken: () => Promise<IssuedToken>,
    private readonly skewSeconds = 60,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.current && this.current.expiresAt > this.now()) return this.current.token;
    this.pending ??= this.fetchToken()
      .then((t) => {
        const life = Math.max(1, t.expiresInSeconds - this.skewSeconds);
        this.current = { token: t.token, expiresAt: this.now() + life * 1000 };
        return t.token;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  invalidate(): void {
    this.current = undefined;
  }

  /** The token in use, for redaction. */
  value(): string | undefined {
    return this.current?.token;
  }
}

export interface TokenAuthOptions {
  /** Asks the vendor for a new token (the call itself must not use this provider). */
  fetch: () => Promise<IssuedToken>;
  /** The request headers that carry a token, e.g. `{ authorization: "Bearer …" }`. */
  header: (token: string) => Record<string, string>;
  /** Renew this long before the stated expiry (default 60 s). */
  earlyRefreshSeconds?: number;
  /** Credentials the token is fetched with (a client secret, an API key): kept out of errors too. */
  credentials?: () => readonly string[];
  /** Overridable clock (tests). */
  now?: () => number;
}

/** An AuthProvider on a cached token, plus what `apiidentity check` asks of it. */
export interface TokenAuth extends AuthProvider {
  invalidate(): void;
  secrets(): string[];
  /** The current token, fetching one when none is cached or it is about to expire. */
  token(): Promise<string>;
  /** The cached token, if any, without fetching (never printed: for claims and redaction). */
  cached(): string | undefined;
}

export function tokenAuth(o: TokenAuthOptions): TokenAuth {
  const cache = new CachedToken(o.fetch, o.earlyRefreshSeconds ?? 60, o.now);
  return {
    headers: async () => o.header(await cache.get()),
    invalidate: () => cache.invalidate(),
    secrets: () => [...(o.credentials?.() ?? []), cache.value() ?? ""].filter((s) => s !== ""),
    token: () => cache.get(),
    cached: () => cache.value(),
  };
}
