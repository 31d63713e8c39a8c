// Pacing of one tenant's calls to the vendor's rate limits, inside one provider process. Calls of a
// call class (the methods one published limit counts together) wait for budget in a sliding window
// instead of being sent into a 429; a 429 (or a 503 with Retry-After) pauses that class for what the
// vendor asks and slows it for the rest of the process, whether or not the vendor publishes a limit.
// The time the vendor's refusals cost a tenant is bounded by a budget; once it is spent the pacer
// stops and every later call of the tenant fails at once, the first one saying why.
import type { HttpMethod } from "./client.js";
import { callStatus } from "./pacing-settings.js";

/** One published limit: at most `requests` calls of these methods per `windowSeconds`. */
export interface RateLimit {
  methods: readonly HttpMethod[];
  requests: number;
  windowSeconds: number;
}

/** A vendor's published limits, as its module declares them. */
export interface RateLimits {
  /** What one budget belongs to at the vendor, in words ("organization"). */
  per: string;
  limits: readonly RateLimit[];
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** How one settings value wants its calls paced (the rateLimit* settings). */
export interface PacingOptions {
  /** Off: calls are sent as they come, a 429 is retried as any retryable answer. */
  on: boolean;
  /** What the vendor's 429s may cost one tenant in this process, in ms, before the pacer stops. */
  waitBudgetMs: number;
  /** Declared windows are divided by this (tests against a time-scaled sandbox); 1 otherwise. */
  timeScale: number;
}

/**
 * What a paced call is told to do after a 429: wait (the pacer already holds the next send back), or
 * stop; `first` for the one call whose refusal stopped the tenant (it carries the explanation).
 */
export type RateLimitedOutcome = { stop: false } | { stop: true; first: boolean; message: string };

/** A send recorded in a window; moved to the time it really left once it did. */
interface Sent {
  at: number;
}

const RECENT = 20;
/** Waits at least this long show on the resource that waits. */
const SHOWN_WAIT_MS = 1_000;
/** The longest gap the adaptive slow-down puts between two calls of one class. */
const MAX_SPACING_MS = 2_000;

function duration(ms: number): string {
  if (ms > 0 && ms < 9_950) return `${Number((ms / 1000).toFixed(1))} s`;
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
}

/** The declared window as people read it: "5 minutes". */
function windowWords(seconds: number): string {
  if (seconds % 60 === 0) return seconds === 60 ? "minute" : `${seconds / 60} minutes`;
  return `${seconds} s`;
}

class CallClass {
  readonly log: Sent[] = [];
  /** The times of the last sends since the last pause, for the adaptive slow-down. */
  readonly recent: number[] = [];
  /** No send before this (a pause the vendor asked for, or the spacing after the last send). */
  next = 0;
  pauseEnd = 0;
  spacingMs = 0;
  turn: Promise<void> = Promise.resolve();
  waiting = 0;
  paceNoted = false;
  adaptNoted = false;

  constructor(
    readonly name: string,
    readonly limit: RateLimit | undefined,
    readonly windowMs: number,
  ) {}

  /** The earliest time the window lets a call go, given the sends it holds. */
  windowOpensAt(): number {
    if (!this.limit || this.log.length < this.limit.requests) return 0;
    // A margin for the way to the vendor, whose window counts arrivals.
    return this.log[this.log.length - this.limit.requests]!.at + this.windowMs + Math.max(50, this.windowMs / 100);
  }
}

export class TenantPacer {
  private readonly classes = new Map<string, CallClass>();
  /** Time the vendor's 429s have held this tenant's calls back, in ms. */
  private refusedMs = 0;
  private stopped: string | undefined;

  constructor(
    /** The vendor's display name, in notes and errors. */
    readonly vendor: string,
    /** The tenant, as people recognise it (the base URL). */
    readonly tenant: string,
    private readonly declared: RateLimits | undefined,
    private readonly note: (text: string) => void,
  ) {}

  private classOf(method: HttpMethod, options: PacingOptions): CallClass {
    const limit = this.declared?.limits.find((l) => l.methods.includes(method));
    const name = limit ? limit.methods.join("/") : method;
    let c = this.classes.get(name);
    if (!c) this.classes.set(name, (c = new CallClass(name, limit, limit ? (limit.windowSeconds * 1000) / Math.max(1, options.timeScale) : 0)));
    return c;
  }

  /** Whether the vendor asked for a pause of this call class that has not ended (a call let go before it must wait again). */
  paused(method: HttpMethod, options: PacingOptions, clock: Clock): boolean {
    return this.classOf(method, options).pauseEnd > clock.now();
  }

  /** Whether an earlier call spent the budget: the message later calls fail with. */
  stoppedBy(): string | undefined {
    return this.stopped;
  }

  /**
   * Waits until a call of `method` may go, in the order calls asked; returns the function to call
   * right before the request leaves (it records the real send time in the window).
   */
  async acquire(method: HttpMethod, options: PacingOptions, clock: Clock): Promise<() => void> {
    const c = this.classOf(method, options);
    const before = c.turn;
    let release!: () => void;
    c.turn = new Promise<void>((r) => (release = r));
    c.waiting++;
    try {
      await before;
      if (this.stopped) return () => undefined;
      let t = Math.max(clock.now(), c.next);
      const waitFor = Math.max(t, c.windowOpensAt()) - clock.now();
      if (waitFor >= SHOWN_WAIT_MS) callStatus(this.statusText(c, waitFor, clock.now()));
      // Sends already granted may leave later than granted, which moves the window's opening: look again after each wait.
      for (let opens = c.windowOpensAt(); opens > t; opens = c.windowOpensAt()) {
        if (!c.paceNoted) this.notePacing(c, opens - t);
        await clock.sleep(opens - t);
        t = Math.max(opens, clock.now());
      }
      if (t > clock.now()) await clock.sleep(t - clock.now());
      return this.record(c, t, clock);
    } finally {
      c.waiting--;
      release();
    }
  }

  /**
   * The same without waiting, when nothing holds the call back (no one waits before it, no pause, the
   * window open): the request then leaves in the same tick. Undefined when it would have to wait.
   */
  tryAcquire(method: HttpMethod, options: PacingOptions, clock: Clock): (() => void) | undefined {
    const c = this.classOf(method, options);
    if (this.stopped) return () => undefined;
    const t = clock.now();
    if (c.waiting > 0 || c.next > t || c.windowOpensAt() > t) return undefined;
    return this.record(c, t, clock);
  }

  private record(c: CallClass, t: number, clock: Clock): () => void {
    const sent: Sent = { at: t };
    if (c.limit) {
      c.log.push(sent);
      if (c.log.length > c.limit.requests) c.log.splice(0, c.log.length - c.limit.requests);
    }
    c.recent.push(t);
    if (c.recent.length > RECENT) c.recent.shift();
    c.next = t + c.spacingMs;
    return () => void (sent.at = Math.max(sent.at, clock.now()));
  }

  /**
   * The vendor refused a call of `method` for its rate (429, or 503 with Retry-After): pause the class
   * for `retryAfterMs` (a second when the vendor gave no figure) and slow it for the rest of the
   * process. Stops the tenant when that pause does not fit what is left of the budget.
   */
  rateLimited(method: HttpMethod, retryAfterMs: number | undefined, options: PacingOptions, setting: string, clock: Clock): RateLimitedOutcome {
    if (this.stopped) return { stop: true, first: false, message: this.stopped };
    const c = this.classOf(method, options);
    const now = clock.now();
    const wait = retryAfterMs ?? 1000;
    const added = Math.max(0, now + wait - Math.max(c.pauseEnd, now));
    if (this.refusedMs + added > options.waitBudgetMs) {
      this.stopped = this.stopMessage(c, wait, options, setting);
      return { stop: true, first: true, message: this.stopped };
    }
    this.refusedMs += added;
    // Half the rate the class was sending at since its last pause, kept for the rest of the process.
    // Once per pause: the calls already in flight when the vendor refused come back refused too, and
    // a vendor that keeps refusing for a while (not for our rate) does not slow it further.
    if (c.pauseEnd <= now) {
      const r = c.recent;
      const observed = r.length > 1 ? (r[r.length - 1]! - r[0]!) / (r.length - 1) : 0;
      c.spacingMs = Math.min(MAX_SPACING_MS, Math.max(c.spacingMs, observed * 2, 10));
      r.length = 0;
    }
    c.pauseEnd = Math.max(c.pauseEnd, now + wait);
    c.next = Math.max(c.next, c.pauseEnd);
    if (!c.adaptNoted) {
      c.adaptNoted = true;
      this.note(
        `${this.vendor} (${this.tenant}) refused a ${method} call for its rate (HTTP 429): its ${c.name} calls wait ${duration(wait)} as the vendor asks, then go out at most one every ${c.spacingMs} ms for the rest of this run; the vendor's refusals may hold this tenant back ${duration(options.waitBudgetMs)} in all (${setting}).`,
      );
    }
    return { stop: false };
  }

  /** The status of a resource whose call waits `waitMs`. */
  private statusText(c: CallClass, waitMs: number, now: number): string {
    const l = c.limit;
    const why =
      c.pauseEnd > now
        ? "it refused a call for its rate (HTTP 429)"
        : l && c.windowOpensAt() > now
          ? `its limit of ${l.requests} ${c.name} calls per ${windowWords(l.windowSeconds)} per ${this.declared!.per}`
          : "the slower pace its refusals for rate asked for";
    return `waiting about ${duration(waitMs)} for ${this.vendor}: ${why}`;
  }

  private notePacing(c: CallClass, waitMs: number): void {
    c.paceNoted = true;
    const l = c.limit!;
    this.note(
      `${this.vendor} (${this.tenant}): pacing ${c.name} calls to the vendor's published limit of ${l.requests} per ${windowWords(l.windowSeconds)} per ${this.declared!.per}: calls wait for budget instead of being refused. The next ones go out in about ${duration(waitMs)}, and each further ${l.requests} calls add about ${duration(c.windowMs)} to this run (set apiidentity:rateLimitPacing to off to send them at once).`,
    );
  }

  private stopMessage(c: CallClass, wait: number, options: PacingOptions, setting: string): string {
    const l = c.limit;
    const published = l ? `its published limit is ${l.requests} ${c.name} calls per ${windowWords(l.windowSeconds)} per ${this.declared!.per}` : "it publishes no limit";
    return `${this.vendor} (${this.tenant}) keeps refusing ${c.name} calls for their rate (HTTP 429; ${published}): it asks to wait ${duration(wait)} more, and its refusals have already held this run back ${duration(this.refusedMs)} of the ${duration(options.waitBudgetMs)} allowed (${setting}). The calls not yet sent to this tenant are not sent; run again later, or raise that setting.`;
  }
}

/** Every tenant's pacer in this process, by vendor and base URL. */
const pacers = new Map<string, TenantPacer>();

export function pacerFor(vendor: string, baseUrl: string, declared: RateLimits | undefined, note: (text: string) => void): TenantPacer {
  const key = `${vendor} ${baseUrl}`;
  let p = pacers.get(key);
  if (!p) pacers.set(key, (p = new TenantPacer(vendor, baseUrl, declared, note)));
  return p;
}

/** Forgets every tenant's pacer (tests). */
export function forgetPacers(): void {
  pacers.clear();
}
