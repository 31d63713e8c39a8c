// `apiidentity <command>`: drift reports and discovery of existing identities.
import { parseArgs } from "node:util";
import { UsageError, messageOf } from "./errors.js";

/**
 * The help text. `vendors`: the vendors' one names, as the commands take them; `marking`: the
 * vendors that hold a mark of this provider.
 */
const usage = (vendors: readonly string[], marking: readonly string[]) => `usage:
  apiidentity drift [--cwd DIR] [--stack NAME] [--format text|json|markdown]
      Refresh-preview the stack and report identities that drifted at the vendor, each with its
      tenant (its settings profile, or its explicit provider and tenant URL).
      Exit code: 0 no drift, 1 drift, 2 error.
  apiidentity discover <${vendors.join("|")}> [--format ts|yaml|python|json] [--profile NAME | --provider NAME] [--cwd DIR] [--stack NAME]
      List the identities that exist at a vendor and print declarations that adopt them: TypeScript
      with importId, or Pulumi YAML / Python (provider plugin) with the import resource option.
  apiidentity check [${vendors.join("|")}]... [--write] [--json] [--profile NAME | --provider NAME] [--cwd DIR] [--stack NAME]
      Try the vendor contract the provider relies on, with the provider's settings: read-only calls
      (authenticate, list, read roles/groups/entitlements); --write also creates, updates and deletes
      one throw-away identity named apiidentity-check-<random>. No vendor named: every configured one.
      Exit code: 0 nothing contradicted, 1 a vendor contradicts the contract, 2 a check could not run.
      check and discover use the environment's settings; --profile NAME a settings profile of the
      stack's apiidentity:profiles, --provider NAME an explicit provider's settings from its state.
  apiidentity orphans [--cwd DIR] [--stack NAME]... [--profile NAME] [--json]
      Read-only: list identities at each configured vendor that carry this provider's mark (vendors
      that hold one: ${marking.join(", ")}) but are in no state of the given stacks (default: the
      selected one), at the stacks' own settings and at each profile and explicit provider their
      resources use (--profile NAME: that profile's tenant only).
      Exit code: 0 none, 1 some, 2 error.
  apiidentity audit [${vendors.join("|")}]... [--stack NAME]... [--profile NAME]... [--stale-days N] [--format text|json|markdown] [--cwd DIR]
      Read-only: list every identity at each tenant (the stacks' settings, each --profile, each
      explicit provider in their state) with managed by, last used, age and administrative roles;
      findings: unmanaged, stale (unused for more than N days, default 90), privileged and unmanaged.
      Progress on stderr. Exit code: 0 no findings, 1 findings, 2 error.
  apiidentity plugin install [--pulumi PATH]
      Put the provider plugin pulumi-resource-apiidentity (YAML and Python programs, 'pulumi import')
      into the Pulumi CLI's plugin cache ($PULUMI_HOME/plugins), with no download; or put this
      package's bin/ on PATH instead. Exit code: 0 installed, 1 no pulumi CLI found, 2 error.
  apiidentity recover [--cwd DIR] [--stack NAME] [--dry-run] [--json]
      After a killed 'pulumi up' and 'pulumi cancel': puts into state the identities its pending
      creates provably made (by their create marker where the vendor holds one, else by their
      lost-create look-up since the killed run started), deletes an identity whose one-time secret
      died with the run, and drops the pending creates that left nothing (one state edit, then 'pulumi refresh').
      Then run 'pulumi up'. Exit code: 0 settled, 1 a pending create cannot be attributed (named,
      nothing changed in state), 2 error.
`;

/** The help text with the registry's vendor names (loaded only when help is shown). */
async function help(): Promise<string> {
  const { VENDORS } = await import("../provider/vendors/index.js");
  return usage(
    VENDORS.map((v) => v.name),
    VENDORS.filter((v) => v.orphans).map((v) => v.displayName),
  );
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help") {
    process.stdout.write(await help());
    return command ? 0 : 2;
  }
  try {
    if (command === "drift") return await drift(rest);
    if (command === "check") {
      const { check } = await import("./check.js");
      return await check(rest);
    }
    if (command === "orphans") {
      const { orphans } = await import("./orphans.js");
      return await orphans(rest);
    }
    if (command === "audit") {
      const { audit } = await import("./audit.js");
      return await audit(rest);
    }
    if (command === "recover") {
      const { recover } = await import("./recover.js");
      return await recover(rest);
    }
    if (command === "plugin") {
      const { plugin } = await import("./plugin.js");
      return await plugin(rest);
    }
    if (command === "discover") {
      const { discover } = await import("./discover.js");
      return await discover(rest);
    }
    process.stderr.write(`apiidentity: unknown command '${command}'\n${await help()}`);
    return 2;
  } catch (e) {
    process.stderr.write(`apiidentity ${command}: ${messageOf(e)}\n`);
    return 2;
  }
}

async function drift(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { cwd: { type: "string", default: process.cwd() }, stack: { type: "string" }, format: { type: "string", default: "text" } },
  });
  const format = values.format as "text" | "json" | "markdown";
  if (!["text", "json", "markdown"].includes(format)) throw new UsageError(`--format must be text, json or markdown, not '${format}'`);
  // Loaded on demand: the Automation API is only needed here.
  const { formatDrift, runDrift } = await import("./drift.js");
  const { stack, items } = await runDrift({ cwd: values.cwd!, ...(values.stack ? { stack: values.stack } : {}) });
  process.stdout.write(formatDrift(items, format, stack));
  return items.length ? 1 : 0;
}
