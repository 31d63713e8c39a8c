// The small text helpers every user-facing message is built with, written once.

/** The message of anything thrown. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Ends a message with exactly one full stop. */
export function sentence(msg: string): string {
  const t = msg.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Without the closing full stop, for a message quoted inside another sentence. */
export function plain(msg: string): string {
  return msg.trim().replace(/[.\s]+$/, "");
}

/** The first letter upper-case. */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
