// The lifecycle of every kind in the vendor registry (check, create, read, diff, update, delete, read
// after delete) against a sandbox, with the inputs the sandbox's vendor module gives for each kind:
// what the network tests run through a proxy or over HTTPS.
import { expect } from "vitest";
import { recordingNotes } from "../../provider/notes.js";
import type { Settings } from "../../provider/settings.js";
import { VENDORS } from "../../provider/vendors/index.js";
import { exampleInputs, type Kind } from "../../sandbox/kinds.js";

/** Every kind the registry serves, with its handler. */
export const REGISTRY_KINDS = VENDORS.flatMap((v) => v.kinds);

/** Walks every kind once; `tag` keeps the identities of two walks on one sandbox apart. Returns the kinds walked. */
export async function walkEveryKind(settings: Settings, tag: string): Promise<string[]> {
  const walked: string[] = [];
  for (const [index, k] of REGISTRY_KINDS.entries()) {
    const m = k.handler.with(settings, recordingNotes());
    const name = `net-${tag}-${index}`;
    const first = await m.check(undefined, exampleInputs(k.kind as Kind, { index, name, label: `${name} v1` }));
    expect(first.failures, k.kind).toEqual([]);
    const created = await m.create(first.inputs);
    const read = await m.read(created.id, created.outs);
    expect(read.id, k.kind).toBe(created.id);
    const second = await m.check(created.outs, exampleInputs(k.kind as Kind, { index, name, label: `${name} v2` }));
    expect(second.failures, k.kind).toEqual([]);
    const diff = await m.diff(created.id, created.outs, second.inputs);
    expect(diff.changes, k.kind).toBe(true);
    const updated = await m.update(created.id, created.outs, second.inputs);
    await m.delete(created.id, updated);
    expect((await m.read(created.id, updated)).id, `${k.kind} after delete`).toBeUndefined();
    walked.push(k.kind);
  }
  return walked;
}
