// One vendor client per settings value, so connection pools and cached tokens are shared by every
// call made with the same settings. Keys are hashes: no credential is kept as a map key. Clients that
// hold connections are closed when the cache is cleared.
import { createHash } from "node:crypto";
import { withNetworkOf } from "./network.js";
import { withPacingOf } from "./pacing-settings.js";

/** A client that may hold connections to close. */
export interface Closable {
  close?(): Promise<void>;
}

/** Resolution numbers of settings values that stand for one provider process each. */
const resolutions = new WeakMap<object, number>();
let resolved = 0;

/**
 * Marks a freshly resolved settings value: it gets clients of its own even when another value holds
 * the same settings, as a new provider process would (resolveSettings marks every value it makes).
 */
export function markFreshResolution<T extends object>(settings: T): T {
  resolutions.set(settings, ++resolved);
  return settings;
}

export class PerSettings<S extends object, C> {
  private readonly clients = new Map<string, C>();

  constructor(private readonly make: (settings: S) => C) {}

  get(settings: S): C {
    const hash = createHash("sha256").update(JSON.stringify(settings)).digest("hex");
    const key = `${resolutions.get(settings) ?? 0}:${hash}`;
    let c = this.clients.get(key);
    // Made in the network and pacing scope of these settings: every HttpClient it makes uses their proxy, authorities and pacing.
    if (!c) this.clients.set(key, (c = withNetworkOf(settings, () => withPacingOf(settings, () => this.make(settings)))));
    return c;
  }

  /** Forgets every client and closes its connections. */
  async clear(): Promise<void> {
    const dropped = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(dropped.map((c) => (c as Closable).close?.()));
  }
}
