// The vendors' published rate limits, enforced when a test asks for them (`--rate-limits uipath`):
// per vendor, tenant and call class, a rolling window of the requests let through; one over the
// limit is answered 429 with Retry-After (the seconds until the oldest leaves the window). A time
// scale divides every window, so that a 5-minute window takes 5 s at `--time-scale 60`.
import type { SandboxRateLimits, VendorModule } from "./types.js";

export interface RateLimitSettings {
  /** Vendor ids whose declared limits are enforced. */
  vendors: readonly string[];
  /** Windows are divided by this; 1 (the vendor's real windows) by default. */
  timeScale?: number;
}

export class RateLimiter {
  private enforced = new Set<string>();
  private scale = 1;
  /** Times of the requests let through, by vendor, tenant and call class, oldest first. */
  private readonly windows = new Map<string, number[]>();

  constructor(private readonly modules: readonly VendorModule[]) {}

  /** Enforces the limits of these vendors from now on, with empty windows; throws on a vendor without declared limits. */
  set(settings: RateLimitSettings): void {
    const scale = settings.timeScale ?? 1;
    if (!Number.isFinite(scale) || scale <= 0) throw new Error(`time scale must be a positive number, got ${scale}`);
    for (const v of settings.vendors) {
      const m = this.modules.find((x) => x.id === v);
      if (!m) throw new Error(`no vendor '${v}' in this sandbox`);
      if (!m.rateLimits) throw new Error(`${v} publishes no rate limit to enforce (vendors with limits: ${this.modules.filter((x) => x.rateLimits).map((x) => x.id).join(", ") || "none"})`);
    }
    this.enforced = new Set(settings.vendors);
    this.scale = scale;
    this.windows.clear();
  }

  settings(): Required<RateLimitSettings> {
    return { vendors: [...this.enforced], timeScale: this.scale };
  }

  /**
   * Whether this request may go through; when not, the seconds to wait (at least 1, as Retry-After
   * takes whole seconds). A request let through is counted in its window.
   */
  admit(module: VendorModule, method: string, path: string, now: number): { retryAfterSeconds: number } | undefined {
    const declared: SandboxRateLimits | undefined = module.rateLimits;
    if (!declared || !this.enforced.has(module.id)) return undefined;
    const tenant = declared.tenantOf(path);
    const limit = declared.limits.find((l) => l.methods.includes(method));
    if (tenant === undefined || !limit) return undefined;
    const windowMs = (limit.windowSeconds * 1000) / this.scale;
    const key = `${module.id} ${tenant} ${limit.methods.join("/")}`;
    const sent = this.windows.get(key) ?? [];
    this.windows.set(key, sent);
    while (sent.length > 0 && sent[0]! <= now - windowMs) sent.shift();
    if (sent.length >= limit.requests) return { retryAfterSeconds: Math.max(1, Math.ceil((sent[0]! + windowMs - now) / 1000)) };
    sent.push(now);
    return undefined;
  }
}
