// getExampleGroup: one call to the group list, an exact name match; a miss lists the names there are.
import { LookupError } from "../../errors.js";
import type { Settings } from "../../settings.js";
import { messageOf } from "../../wording.js";
import { exampleClient } from "./client.js";
import type { ExampleGroup, ExampleGroupQuery } from "./inputs.js";

export async function findExampleGroup(settings: Settings, args: ExampleGroupQuery): Promise<ExampleGroup> {
  let groups;
  try {
    groups = await exampleClient(settings).groups();
  } catch (e) {
    throw new LookupError(`getExampleGroup('${args.name}'): listing Example groups failed: ${messageOf(e)}`, { cause: e });
  }
  const g = groups.find((x) => x.name === args.name);
  if (!g) throw new LookupError(`getExampleGroup: no Example group is named '${args.name}'; known groups: ${groups.map((x) => `'${x.name}'`).join(", ") || "none"}`);
  return { id: g.id, name: g.name };
}
