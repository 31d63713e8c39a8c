// Lookups run in the program process, not in the dynamic provider: point the provider settings at
// the program's stack config (namespace `apiidentity`), with environment variables as fallback.
import * as pulumi from "@pulumi/pulumi";
import { CONFIG_NAMESPACE, setStackConfig } from "../provider/config.js";

export function useProgramConfig(): void {
  let cfg: pulumi.Config | undefined;
  setStackConfig((key) => {
    const [ns, name] = key.split(":");
    if (ns !== CONFIG_NAMESPACE || !name) return undefined;
    try {
      cfg ??= new pulumi.Config(CONFIG_NAMESPACE);
      return cfg.get(name);
    } catch {
      // Outside a Pulumi program (e.g. a plain script) there is no stack config.
      return undefined;
    }
  });
}
