// Proves the dynamic adapter through the real pulumi CLI: up -> refresh -> destroy on the test-only
// Memo kind, with a tiny serialised provider that captures no credential.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedInputs, PulumiProject, resourcesOfType } from "./harness.js";

const CONFIG_TOKEN = "cfg-Tok3n-d0-not-capture-9f8e7d";
const ENV_TOKEN = "env-Tok3n-d0-not-capture-1a2b3c";

const program = (text: string) => `
import { Memo } from "pulumi-apiidentity/testing";
const m = new Memo("note", { key: "k1", text: ${JSON.stringify(text)} });
export const memoId = m.memoId;
export const text = m.text;
`;

describe("dynamic adapter (TestingMemo) through the pulumi CLI", () => {
  let p: PulumiProject;
  let store: string;

  beforeAll(async () => {
    p = new PulumiProject({ program: program("first") });
    store = join(p.root, "memos.json");
    writeFileSync(store, JSON.stringify({ token: CONFIG_TOKEN, memos: {} }));
    // The env token is wrong on purpose: stack config must win, and neither may be captured.
    p.env.APIIDENTITY_MEMO_TOKEN = ENV_TOKEN;
    await p.init();
    await p.setConfig("apiidentity:memoToken", CONFIG_TOKEN, true);
    await p.setConfig("apiidentity:memoStore", store);
  });
  afterAll(() => p?.cleanup());

  const memos = () => (JSON.parse(readFileSync(store, "utf8")) as { memos: Record<string, { text: string }> }).memos;

  it("creates through the adapter, with a small credential-free __provider", async () => {
    await p.up();
    const out = await p.outputs();
    expect(out.text).toBe("first");
    const id = out.memoId as string;
    expect(memos()[id]?.text).toBe("first");

    const { raw, resources } = await p.exportStack();
    const [res] = resourcesOfType(resources, "TestingMemo");
    expect(res?.id).toBe(id);
    for (const bag of [res!.inputs!, res!.outputs!]) {
      const provider = bag.__provider;
      expect(typeof provider).toBe("string");
      expect(Buffer.byteLength(provider as string)).toBeLessThan(1024);
      expect(provider).toContain('require("pulumi-apiidentity/dist/provider/dynamic/kinds/TestingMemo.cjs")');
    }
    expect(raw).not.toContain(CONFIG_TOKEN);
    expect(raw).not.toContain(ENV_TOKEN);
  });

  it("updates in place, refresh sees an out-of-band change and a deletion", async () => {
    p.writeProgram(program("second"));
    await p.up();
    const id = (await p.outputs()).memoId as string;
    expect(memos()[id]?.text).toBe("second");

    const data = JSON.parse(readFileSync(store, "utf8")) as { token: string; memos: Record<string, { key: string; text: string }> };
    data.memos[id]!.text = "edited out of band";
    writeFileSync(store, JSON.stringify(data));
    const preview = await p.preview({ refresh: true });
    const step = preview.steps.find((s) => s.urn.endsWith("::note") && s.op !== "refresh");
    expect(step?.op).toBe("update");
    expect(changedInputs(step!)).toEqual(["text"]);

    delete data.memos[id];
    writeFileSync(store, JSON.stringify(data));
    await p.refresh();
    const { resources } = await p.exportStack();
    expect(resourcesOfType(resources, "TestingMemo")).toHaveLength(0);
    await p.up();
    const id2 = (await p.outputs()).memoId as string;
    expect(id2).not.toBe(id);
    expect(memos()[id2]?.text).toBe("second");
  });

  it("destroy removes everything", async () => {
    await p.destroy();
    expect(Object.keys(memos())).toHaveLength(0);
  });
});
