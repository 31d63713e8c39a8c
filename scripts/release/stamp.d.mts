// Types of stamp.mjs, for the TypeScript tests that import it.
export function stampRelease(root: string, options: { version?: string; repository?: string }): string[];
