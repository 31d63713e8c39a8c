// A cached bearer token shared by all calls of one provider process; fetched once at a time.

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
