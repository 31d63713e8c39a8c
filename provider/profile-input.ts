// The `profile` input every resource kind declares: the name of a settings profile in the stack
// config (`apiidentity:profiles`, provider/profiles.ts). The dynamic provider resolves it
// (provider/dynamic/dispatch.ts) and no handler reads it; the provider plugin refuses it, since a
// program of the plugin addresses another tenant with an explicit provider.
import * as z from "zod";

/** The `profile` argument of a lookup: it then runs in the program with that profile's settings. */
export function profileArgument() {
  return z
    .string("profile must be the name of a settings profile")
    .min(1, "profile must not be empty (leave it out for the stack's own settings)")
    .optional()
    .meta({
      description:
        "Name of the settings profile in the stack config `apiidentity:profiles` whose tenant the lookup asks, instead of the stack's own settings. TypeScript SDK only: with the provider plugin, invoke the lookup with an explicit provider instead.",
    });
}

/** The declaration of `profile`, one schema per kind (each kind's object holds its own). */
export function profileInput() {
  return z
    .string("profile must be the name of a settings profile")
    .min(1, "profile must not be empty (leave it out for the stack's own settings)")
    .optional()
    .meta({
      description:
        "Name of the settings profile in the stack config `apiidentity:profiles` whose settings (tenant URL, credentials) this resource uses instead of the stack's own: how one program addresses a second tenant. State keeps only the name; new credentials in the profile change no resource. Changing it replaces the resource (another tenant). TypeScript SDK only: with the provider plugin, pass an explicit provider instead.",
      onChange: "replace",
    });
}
