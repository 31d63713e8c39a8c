import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { launcherScript, pathAlternative, pluginDir, shQuote } from "./plugin.js";

describe("apiidentity plugin install: the launcher", () => {
  it("quotes paths so that sh reads each as one literal word", () => {
    const dir = mkdtempSync(join(tmpdir(), "apiidentity-quote-"));
    try {
      const odd = "/opt/it's a $HOME `x`/node";
      const script = join(dir, "echo.sh");
      writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' ${shQuote(odd)} "$@"\n`, { mode: 0o755 });
      expect(execFileSync(script, ["a b"], { encoding: "utf8" })).toBe(`${odd}\na b\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs the given Node with the plugin entry and passes the engine's arguments on", () => {
    const s = launcherScript("/usr/local/bin/node", "/srv/app/node_modules/pulumi-apiidentity/dist/provider/plugin/main.js");
    expect(s.startsWith("#!/bin/sh\n")).toBe(true);
    expect(s).toContain(`exec '/usr/local/bin/node' '/srv/app/node_modules/pulumi-apiidentity/dist/provider/plugin/main.js' "$@"\n`);
  });

  it("the plugin cache is $PULUMI_HOME/plugins, else ~/.pulumi/plugins", () => {
    expect(pluginDir({ PULUMI_HOME: "/tmp/ph" }, "1.2.3")).toBe("/tmp/ph/plugins/resource-apiidentity-v1.2.3");
    expect(pluginDir({ PULUMI_HOME: "" }, "1.2.3")).toBe(join(homedir(), ".pulumi", "plugins", "resource-apiidentity-v1.2.3"));
  });

  it("the PATH alternative names this package's bin directory", () => {
    expect(pathAlternative()).toMatch(/^export PATH='.*\/bin':"\$PATH"$/);
  });
});
