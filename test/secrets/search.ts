// Searches text "places" (CLI output, exported state, files, URLs, error messages) for secret values
// in plain text: as written, percent-encoded and JSON-escaped. Hits are reported with the secret
// masked, so a failing test does not print the secret again.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface Hit {
  place: string;
  secret: string;
  /** A little context around the hit, with the secret masked. */
  context: string;
}

function spellings(value: string): string[] {
  return [...new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])];
}

const mask = (s: string) => `${s.slice(0, 3)}…(${s.length} chars)`;

export class SecretSearch {
  private readonly places = new Map<string, string>();

  /** Adds (or appends to) a place. */
  add(place: string, text: string): void {
    this.places.set(place, (this.places.get(place) ?? "") + text);
  }

  /** Every file under `dir`, except the folders named in `skip`, as a place named by its path. */
  addFiles(dir: string, label: string, skip: readonly string[] = ["node_modules"]): number {
    let n = 0;
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) {
          if (!skip.includes(e.name)) walk(p);
        } else if (e.isFile() && statSync(p).size < 32 * 1024 * 1024) {
          this.add(`${label}/${relative(dir, p)}`, readFileSync(p, "utf8"));
          n++;
        }
      }
    };
    walk(dir);
    return n;
  }

  get size(): number {
    return this.places.size;
  }

  names(): string[] {
    return [...this.places.keys()];
  }

  /** Plain-text occurrences of each secret (the map's keys; values say what each one is). */
  find(secrets: ReadonlyMap<string, string>): Hit[] {
    const hits: Hit[] = [];
    for (const [place, text] of this.places) {
      for (const [secret, kind] of secrets) {
        for (const s of spellings(secret)) {
          const at = text.indexOf(s);
          if (at < 0) continue;
          const context = text.slice(Math.max(0, at - 60), at + s.length + 60).split(s).join(mask(s));
          hits.push({ place, secret: `${kind} ${mask(secret)}`, context });
          break;
        }
      }
    }
    return hits;
  }
}
