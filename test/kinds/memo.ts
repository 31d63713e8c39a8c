// Test-only resource kind `TestingMemo`: proves the dynamic adapter end to end without a vendor.
// It keeps memos in a JSON file and, like a real vendor, refuses calls without the right credential
// (`apiidentity:memoToken` or APIIDENTITY_MEMO_TOKEN must equal the file's `token`).
// Not part of the package: the e2e harness installs it into a test project's copy of the package
// (test/e2e/test-kinds.ts), and loading it registers the kind with the provider.
import { randomUUID } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import * as z from "zod";
import { registerSetting } from "../../provider/config.js";
import { registerHandler } from "../../provider/handlers.js";
import { registeredSetting } from "../../provider/settings.js";
import { checkWith, diffProperties, type ResourceHandler, type Settings } from "../../provider/resource.js";

const inputs = z.object({
  key: z.string().min(1, "key must not be empty"),
  text: z.string(),
});
const outputs = inputs.extend({ memoId: z.string() });
type In = z.output<typeof inputs>;
type Out = z.output<typeof outputs>;

interface MemoFile {
  token: string;
  memos: Record<string, { key: string; text: string }>;
}

/** A setting of this test kind, from the settings the provider resolved (stack config, then environment). */
function memoSetting(settings: Settings, name: "memoToken" | "memoStore", env: string): string {
  const v = registeredSetting(settings, name);
  if (!v) throw new Error(`Memo: missing setting '${name}': set apiidentity:${name} or ${env}`);
  return v;
}

function open(settings: Settings): { file: string; data: MemoFile } {
  const file = memoSetting(settings, "memoStore", "APIIDENTITY_MEMO_STORE");
  const data = JSON.parse(readFileSync(file, "utf8")) as MemoFile;
  if (memoSetting(settings, "memoToken", "APIIDENTITY_MEMO_TOKEN") !== data.token) throw new Error("Memo: the memo token was rejected (401)");
  return { file, data };
}

function save(file: string, data: MemoFile): void {
  writeFileSync(file + ".tmp", JSON.stringify(data, null, 2));
  renameSync(file + ".tmp", file);
}

const spec = { properties: ["key", "text"], replaceOnChanges: ["key"] } as const;

export const memo: ResourceHandler<In, Out> = {
  kind: "TestingMemo",
  vendor: "Memo (test)",
  inputs,
  outputs,
  secretOutputs: [],
  replaceOnChanges: spec.replaceOnChanges,
  with: (settings) => ({
    check: async (_olds, news) => checkWith(inputs, news),
    diff: async (_id, olds, news) => diffProperties(olds, news, spec),
    async create(i) {
      const { file, data } = open(settings);
      const id = randomUUID();
      data.memos[id] = { key: i.key, text: i.text };
      save(file, data);
      return { id, outs: { ...i, memoId: id } };
    },
    async read(id) {
      const m = open(settings).data.memos[id];
      if (!m) return {};
      return { id, props: { ...m, memoId: id }, inputs: { ...m } };
    },
    async update(id, _olds, news) {
      const { file, data } = open(settings);
      data.memos[id] = { key: news.key, text: news.text };
      save(file, data);
      return { ...news, memoId: id };
    },
    async delete(id) {
      const { file, data } = open(settings);
      delete data.memos[id];
      save(file, data);
    },
  }),
};

// The package knows no memo settings: the kind brings its own.
registerSetting("memoToken", "APIIDENTITY_MEMO_TOKEN");
registerSetting("memoStore", "APIIDENTITY_MEMO_STORE");
registerHandler(memo);
