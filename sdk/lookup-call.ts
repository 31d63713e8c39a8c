// Runs a lookup in the program process with the stack's provider settings. The vendor registry (and
// with it the vendor clients and the HTTP transport) is loaded when a lookup is called, not when the
// SDK is: most programs call none (docs/performance.md, findings).

/** The result of the registry's lookup `name` for `args`. */
export async function callLookup<Result>(name: string, args: object): Promise<Result> {
  const [{ VENDORS }, { programSettings, programProfileSettings }] = await Promise.all([import("../provider/vendors/index.js"), import("./program-config.js")]);
  const lookup = VENDORS.flatMap((v) => v.lookups).find((l) => l.name === name);
  if (!lookup) {
    // Loaded with the registry above already: no cost to a program that calls no lookup.
    const { LookupError } = await import("../provider/errors.js");
    throw new LookupError(`apiidentity: no lookup '${name}' in this version of the package`);
  }
  // A named settings profile: the lookup asks that tenant, with the profile's settings (resolved before any call).
  const { profile, ...rest } = args as Record<string, unknown>;
  const settings = typeof profile === "string" && profile !== "" ? programProfileSettings(profile) : programSettings();
  return (await lookup.call(settings, rest)) as Result;
}
