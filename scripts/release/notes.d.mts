// Types of notes.mjs, for the TypeScript tests that import it.
export function releaseNotes(changelog: string, version: string): string;
