// A persisted sandbox keeps API accounts (and their LastUsed) across restarts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../server.js";
import type { VendorModule } from "../../types.js";
import { uptrends } from "./index.js";
import { client, obj } from "./test-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "uptrends-sandbox-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("state file", () => {
  it("an API account created before a restart still authenticates after it", async () => {
    const stateFile = join(dir, "state.json");
    const modules = [uptrends as unknown as VendorModule];
    const first = await startSandbox({ modules, stateFile });
    const created = obj(await client(first)("POST", "/ApiUser", { body: { OperatorGuid: uptrends.config("", uptrends.seed()).operatorGuid, Description: "kept" } }));
    const creds = { username: created.UserName as string, password: created.Password as string };
    await client(first)("GET", "/Account", { auth: creds });
    const lastUsed = obj(await client(first)("GET", `/ApiUser/${created.ApiUserGuid as string}`)).LastUsed;
    expect(typeof lastUsed).toBe("string");
    // The server writes the state file only after non-GET requests, so make one before the restart.
    await client(first)("PUT", `/ApiUser/${created.ApiUserGuid as string}`, { body: { Description: "kept" } });
    await first.close();

    const second = await startSandbox({ modules, stateFile });
    try {
      const before = obj(await client(second)("GET", `/ApiUser/${created.ApiUserGuid as string}`, { auth: null }));
      expect(before.Messages).toBeDefined();
      const again = await client(second)("GET", `/ApiUser/${created.ApiUserGuid as string}`);
      expect(obj(again)).toMatchObject({ Description: "kept", LastUsed: lastUsed });
      expect((await client(second)("GET", "/Account", { auth: creds })).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
