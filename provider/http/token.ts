// Bearer-token auth shared by every vendor that hands out tokens or logins: one token
// per auth provider, fetched by one call at a time, renewed before it expires and after a 401 for
// the token in use (a 401 for a token already replaced renews nothing).
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
    return (await this.take()).token;
  }

  /** The token, and whether this call waited for a fetch (started one or joined one under way). */
  async take(): Promise<{ token: string; fetched: boolean }> {
    if (this.current && this.current.expiresAt > this.now()) return { token: this.current.token, fetched: false };
    this.pending ??= this.fetchToken()
      .then((t) => {
        const life = Math.max(1, t.expiresInSeconds - this.skewSeconds);
        this.current = { token: t.token, expiresAt: this.now() + life * 1000 };
        return t.token;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return { token: await this.pending, fetched: true };
  }

  /**
   * Drops the cached token, so the next call fetches a new one. With `refused` (the token a request
   * was refused with), only when that is still the cached token: a 401 that comes back late, for a
   * token already replaced, must not throw away its successor.
   */
  invalidate(refused?: string): void {
    if (refused === undefined || this.current?.token === refused) this.current = undefined;
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
  acquire(): Promise<{ headers: Record<string, string>; fetched: boolean }>;
  /** After a 401 for a request that carried `refused`: renews the token if it is still that one. */
  invalidate(refused: Record<string, string>): void;
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
    acquire: async () => {
      const { token, fetched } = await cache.take();
      return { headers: o.header(token), fetched };
    },
    invalidate: (refused) => {
      const current = cache.value();
      if (current !== undefined && sameHeaders(o.header(current), refused)) cache.invalidate(current);
    },
    secrets: () => [...(o.credentials?.() ?? []), cache.value() ?? ""].filter((s) => s !== ""),
    token: () => cache.get(),
    cached: () => cache.value(),
  };
}

/** True when two header sets carry the same values (names compared case-insensitively). */
function sameHeaders(a: Record<string, string>, b: Record<string, string>): boolean {
  const norm = (h: Record<string, string>) =>
    JSON.stringify(
      Object.entries(h)
        .map(([k, v]) => [k.toLowerCase(), v])
        .sort(([x], [y]) => (x! < y! ? -1 : x! > y! ? 1 : 0)),
    );
  return norm(a) === norm(b);
}
