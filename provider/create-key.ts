// The create key's one spelling, shared by the TypeScript SDK classes (program side, which must not
// load the vendor code: no imports here) and the provider plugin (derived from the URN).

/** The resource's create key: `project/stack/Kind/name`, known before a create and the same after a crash. */
export function formatCreateKey(project: string, stack: string, kind: string, name: string): string {
  return `${project}/${stack}/${kind}/${name}`;
}
