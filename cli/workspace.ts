// Opening the Pulumi project the commands read (audit, orphans, check and discover with --profile or
// --provider): its workspace, the stacks to read, and a failed pulumi command's own words.
import { LocalWorkspace } from "@pulumi/pulumi/automation/index.js";
import { CommandRunError, UsageError, messageOf } from "./errors.js";

/** The workspace of the project in `cwd`; a missing pulumi CLI is a CommandRunError that says to install it. */
export async function workspaceAt(cwd: string, env?: Record<string, string>): Promise<LocalWorkspace> {
  try {
    return await LocalWorkspace.create({ workDir: cwd, ...(env ? { envVars: env } : {}) });
  } catch (e) {
    throw new CommandRunError(`the pulumi CLI could not be run (${messageOf(e).split("\n")[0]}): install it and put it on PATH`, { cause: e });
  }
}

/** The given stacks, else the selected one; a UsageError when neither is there. */
export async function stacksOrSelected(ws: LocalWorkspace, given: readonly string[], cwd: string): Promise<string[]> {
  const names = given.length ? [...given] : [(await ws.stack())?.name].filter((s): s is string => !!s);
  if (!names.length) throw new UsageError(`no stack selected in ${cwd}: pass --stack NAME`);
  return names;
}

/** What a failed pulumi command said (its stderr, without the leading "error: "), else the error's message. */
export function pulumiSaid(e: unknown): string {
  const text = (e as { commandResult?: { stderr?: string } }).commandResult?.stderr?.trim() || messageOf(e);
  return text.replace(/^error: /, "");
}
