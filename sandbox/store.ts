// In-memory state of every vendor, optionally persisted to a JSON file after each change.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { VendorModule, VendorName, VendorState } from "./types.js";
import { vendorIdOf } from "./vendor-id.js";

export class Store {
  private data: Record<string, VendorState> = {};
  /** What the state file holds now. */
  private written: string | undefined;

  constructor(
    private readonly modules: VendorModule[],
    private readonly file?: string,
  ) {
    this.data = this.seed();
    if (file) {
      try {
        const loaded = JSON.parse(readFileSync(file, "utf8")) as { vendors?: Record<string, VendorState> };
        for (const m of modules) {
          // A file written before the one names keeps each vendor under its older camelCase id.
          const v = loaded.vendors?.[m.id] ?? Object.entries(loaded.vendors ?? {}).find(([k]) => vendorIdOf(k, [m]))?.[1];
          if (v) this.data[m.id] = v;
        }
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw new Error(`sandbox: cannot read state file ${file}: ${(e as Error).message}`);
      }
    }
  }

  private seed(): Record<string, VendorState> {
    return Object.fromEntries(this.modules.map((m) => [m.id, m.seed()]));
  }

  /** One vendor's live state, by its id or its older id (`VendorName`; a test's own module may have any id). */
  vendor(name: VendorName | (string & {})): VendorState {
    return this.data[vendorIdOf(name, this.modules) ?? name]!;
  }

  all(): Record<string, VendorState> {
    return this.data;
  }

  reset(): void {
    this.data = this.seed();
    this.persist();
  }

  /** Writes the whole state atomically (temp file + rename) when a state file is set. */
  persist(): void {
    if (!this.file) return;
    const text = JSON.stringify({ version: 1, vendors: this.data });
    // Most calls are reads that change nothing: write only when the state did change.
    if (text === this.written) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, this.file);
    this.written = text;
  }
}
