// The rateLimit* settings as the transport uses them: read from the settings value whose clients are
// being made (PerSettings and the probe runner make them inside withPacingOf), as the network is.
// Where the pacer's notes go is the process's choice: stderr for the dynamic provider and the CLI,
// the engine's log for the plugin.
import { AsyncLocalStorage } from "node:async_hooks";
import { ConfigurationError } from "../error-root.js";
import { stderrNotes, type Notes } from "../notes.js";
import type { PacingOptions } from "./pacer.js";

/** The default of apiidentity:rateLimitWaitSeconds: what the vendor's 429s may cost a tenant in one run. */
export const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 300;

/**
 * Divides the vendors' declared windows, the wait budget and the cap on Retry-After, for tests
 * against a sandbox started with `--time-scale` (its windows are divided the same way).
 */
export const TIME_SCALE_ENV = "APIIDENTITY_RATE_LIMIT_TIME_SCALE";

function timeScale(): number {
  const raw = process.env[TIME_SCALE_ENV];
  const n = raw === undefined || raw === "" ? 1 : Number(raw);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

/** The pacing a settings value asks for; a value that is not one the setting takes is refused, naming it. */
export function pacingOf(settings: object): PacingOptions {
  const s = settings as { rateLimitPacing?: unknown; rateLimitWaitSeconds?: unknown };
  const pacing = typeof s.rateLimitPacing === "string" ? s.rateLimitPacing.trim().toLowerCase() : "on";
  if (pacing !== "on" && pacing !== "off") {
    throw new ConfigurationError(`apiidentity:rateLimitPacing (or APIIDENTITY_RATE_LIMIT_PACING) is '${String(s.rateLimitPacing)}'; give on or off`);
  }
  const rawWait = typeof s.rateLimitWaitSeconds === "string" ? s.rateLimitWaitSeconds.trim() : String(DEFAULT_RATE_LIMIT_WAIT_SECONDS);
  const wait = Number(rawWait);
  if (rawWait === "" || !Number.isFinite(wait) || wait < 0) {
    throw new ConfigurationError(`apiidentity:rateLimitWaitSeconds (or APIIDENTITY_RATE_LIMIT_WAIT_SECONDS) is '${rawWait}'; give a number of seconds, 0 or more`);
  }
  const scale = timeScale();
  return { on: pacing === "on", waitBudgetMs: (wait * 1000) / scale, timeScale: scale };
}

const scope = new AsyncLocalStorage<PacingOptions>();

/** Runs `fn` (and what it awaits) with the pacing of `settings`. */
export function withPacingOf<T>(settings: object, fn: () => T): T {
  return scope.run(pacingOf(settings), fn);
}

/** The pacing of the scope; outside any, the defaults (pacing on, the default budget). */
export function currentPacing(): PacingOptions {
  return scope.getStore() ?? pacingOf({});
}

let sink: Notes = stderrNotes;

/** Where the pacer's notes go from now on (the plugin sends them to the engine's log). */
export function setPacingNotes(notes: Notes): void {
  sink = notes;
}

/** A note of the pacer: pacing in effect, or a tenant slowed after a refusal. */
export function pacingNote(text: string): void {
  sink.info(text);
}

/** Where the resource a call is made for shows a passing status (the plugin: the engine's progress display). */
const statusScope = new AsyncLocalStorage<(text: string) => void>();

/** Runs `fn` (and what it awaits) with `status` as the place its waits are shown. */
export function withCallStatus<T>(status: (text: string) => void, fn: () => T): T {
  return statusScope.run(status, fn);
}

/** Shows why the current call waits, on its resource, where the process can (nowhere otherwise). */
export function callStatus(text: string): void {
  statusScope.getStore()?.(text);
}
