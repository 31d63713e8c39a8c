// What a user should see about a resource besides its result and its errors: an adoption, a lost
// create answer settled, what an earlier send left behind, an account adopted as it is. The lifecycle
// and the vendor folders write them to the Notes they are given and never to a stream; where notes go
// is the caller's choice. The dynamic provider writes them on stderr, which the engine shows for a
// dynamic provider; the plugin sends them to the engine's log, attached to the resource (a plugin's
// stderr reaches only the engine's verbose log); tests record them. Notes are written secret-free.
// The transport's debug lines (APIIDENTITY_DEBUG) are no notes: they stay on stderr, behind that switch.

export interface Notes {
  /** Something done on the user's behalf that they should know of (an adoption, a create settled). */
  info(text: string): void;
  /** Something the user should look at (an identity adopted although it looks unusual). */
  warn(text: string): void;
}

/** The line a note is on stderr: `apiidentity: <text>`. */
export function noteLine(text: string): string {
  return `apiidentity: ${text}\n`;
}

/** The dynamic provider's notes: each on its own line on stderr. */
export const stderrNotes: Notes = {
  info: (text) => void process.stderr.write(noteLine(text)),
  warn: (text) => void process.stderr.write(noteLine(text)),
};

export interface RecordedNote {
  severity: "info" | "warning";
  text: string;
}

/** Notes kept in memory, for tests: `recorded` in order, `written()` as stderr would have shown them. */
export function recordingNotes(): Notes & { readonly recorded: RecordedNote[]; written(): string; clear(): void } {
  const recorded: RecordedNote[] = [];
  return {
    recorded,
    info: (text) => void recorded.push({ severity: "info", text }),
    warn: (text) => void recorded.push({ severity: "warning", text }),
    written: () => recorded.map((n) => noteLine(n.text)).join(""),
    clear: () => void recorded.splice(0),
  };
}
