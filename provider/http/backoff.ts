// Retry timing: exponential backoff with full jitter, and Retry-After parsing.

export interface BackoffOptions {
  /** First delay ceiling in ms. */
  baseMs: number;
  /** Largest delay ceiling in ms. */
  maxMs: number;
}

/** Full jitter: a random delay in [0, min(max, base * 2^attempt)). `attempt` starts at 0. */
export function backoffDelay(attempt: number, opts: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * Milliseconds to wait according to a `Retry-After` header (delta-seconds or an HTTP date),
 * capped at `capMs`; undefined when absent or unparseable.
 */
export function parseRetryAfter(header: string | undefined, capMs: number, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    ms = Number(trimmed) * 1000;
  } else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  }
  return Math.max(0, Math.min(capMs, Math.round(ms)));
}
