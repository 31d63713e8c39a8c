// Vendors compare login names, usernames and e-mail addresses without case; so do we.

/** Whether two names are the same but for case; a missing or empty one matches nothing. */
export function sameCaseless(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}
