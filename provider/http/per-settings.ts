// One vendor client per distinct settings for the life of the process, so connection pools and
// cached tokens are shared by every call with the same credentials. Keys are hashes: no credential
// is kept as a map key.
import { createHash } from "node:crypto";

export class PerSettings<S, C> {
  private readonly clients = new Map<string, C>();

  constructor(private readonly make: (settings: S) => C) {}

  get(settings: S): C {
    const key = createHash("sha256").update(JSON.stringify(settings)).digest("hex");
    let c = this.clients.get(key);
    if (!c) this.clients.set(key, (c = this.make(settings)));
    return c;
  }

  /** Forget every client, as a new provider process would start (tests). */
  clear(): void {
    this.clients.clear();
  }
}
