// What one vendor folder tells the rest of the package, in one value (`provider/vendors/<v>/index.ts`
// exports it as `vendor`); provider/vendors/index.ts lists these values and nothing else lists vendors.
import type * as z from "zod";
import type { RateLimits } from "./http/pacer.js";
import { factsOf } from "./property-facts.js";
import type { Probe } from "./probe.js";
import type { ResourceHandler } from "./resource.js";
import type { Settings } from "./settings.js";

/** One provider setting: stack config key `apiidentity:<name>`, else the environment variable `env`. */
export interface SettingDeclaration {
  env: string;
  /** Full sentences: what to put there. */
  description: string;
  /** A credential: set it with `pulumi config set --secret`. */
  secret?: boolean;
  /** What the setting is when neither stack config nor the environment sets it. */
  default?: string;
  /**
   * The setting names the tenant (its URL or organization), not a way to reach it: a provider given a
   * new value manages other identities, so the plugin's DiffConfig replaces the provider's resources.
   */
  namesTenant?: boolean;
}

/** SDK-only choices no declaration can make: types naming lookup results, and a conversion applied first. */
export interface SdkHints {
  /**
   * A module of the vendor folder (e.g. `./sdk.js`) that the SDK re-exports from sdk/lookups.ts,
   * holding what a program uses beside the class; and the names the class imports from it (types
   * start with a capital).
   */
  from?: string;
  imports?: readonly string[];
  /** TypeScript element type of an input, by property. */
  args?: Readonly<Record<string, string>>;
  /** TypeScript element type of an output, by property. */
  outputs?: Readonly<Record<string, string>>;
  /** A function of sdk/lookups.ts applied to an input before it is sent, by property. */
  convert?: Readonly<Record<string, string>>;
}

/** The fewest vendor requests per identity, and once per provider process and phase (a shared look-up). */
export interface Minimum {
  perIdentity: number;
  perPhase: number;
}

/** The phases the benchmark measures. */
export type BenchPhase = "up" | "preview --refresh" | "update" | "destroy";

export interface KindModule {
  /** The resource kind, e.g. the type name in `apiidentity:index:<kind>`. */
  kind: string;
  /** The SDK module under sdk/ that holds the generated class. */
  sdkModule: string;
  handler: ResourceHandler;
  /** The declared inputs and outputs: what schema.json, the SDK class and the docs tables say. */
  inputs: z.ZodObject;
  outputs: z.ZodObject;
  /**
   * Export names of the folder's inputs.js, the input schema and the advise rules, when the kind has
   * advise rules: the SDK loads that module alone to advise in the program process.
   */
  adviceExports?: { inputs: string; advise: string };
  sdk?: SdkHints;
  /**
   * The fewest vendor requests the kind needs per phase, as docs/performance.md lists them with the
   * reason for each (authentication counted apart): what the benchmark holds the provider to.
   */
  minimum: Readonly<Record<BenchPhase, Minimum>>;
  /**
   * `apiidentity recover`: settles a pending create by the mark its create key left at the vendor.
   * Absent: the lifecycle's lost-create look-up settles it.
   */
  settleByMark?(settings: Settings, pending: PendingCreateFacts): Promise<PendingCreateOutcome>;
}

/** A pending create a killed run left in state, as `apiidentity recover` sees it. */
export interface PendingCreateFacts {
  inputs: Readonly<Record<string, unknown>>;
  /** The create key the SDK gave it; undefined when an older SDK made it. */
  key: string | undefined;
  /** Ids of the kind that some resource in state already holds. */
  held: ReadonlySet<string>;
}

/** How one pending create is settled: `import` the identity it made, `clear` (it made none), or leave it `unresolved`. */
export interface PendingCreateOutcome {
  action: "import" | "clear" | "unresolved";
  id?: string;
  /** For people: what was found and what to do. */
  note: string;
}

/**
 * A lookup, as `defineLookup` makes it from its declaration: everything but `call` is read from the
 * `.meta()` of its two zod objects (provider/property-facts.ts), and the SDK function, its types,
 * schema.json's function and the plugin's Invoke table are derived from them.
 */
export interface LookupModule {
  /** Function name in the SDK and token `apiidentity:index:<name>` (the arguments' `lookup`). */
  readonly name: string;
  /** The arguments: `.meta({ description, lookup, sdkDoc, sdkType })`, a description on each property. */
  readonly inputs: z.ZodObject;
  /** The result: `.meta({ sdkType })`, a description on each property. */
  readonly outputs: z.ZodObject;
  /** Runs the lookup with the provider settings; `args` passed the declared inputs. */
  call(settings: Settings, args: Record<string, unknown>): Promise<object>;
}

/** A lookup from its declared arguments and result, and what runs it; the name is the one the arguments declare. */
export function defineLookup<Args extends z.ZodObject, Result extends z.ZodObject>(
  inputs: Args,
  outputs: Result,
  run: (settings: Settings, args: z.output<Args>) => Promise<z.output<Result>>,
): LookupModule {
  const facts = factsOf(inputs);
  const missing = (["lookup", "sdkDoc", "sdkType"] as const).filter((k) => !facts[k]);
  if (missing.length || !factsOf(outputs).sdkType) {
    throw new TypeError(`a lookup declares its name, SDK documentation and SDK types in .meta() (missing: ${[...missing, ...(factsOf(outputs).sdkType ? [] : ["the result's sdkType"])].join(", ")})`);
  }
  return { name: facts.lookup!, inputs, outputs, call: (settings, args) => run(settings, args as z.output<Args>) };
}

/** An identity at a vendor that `discover` found. */
export interface Found {
  id: string;
  /** A readable name for the Pulumi resource. */
  label: string;
}

/** An identity at a vendor carrying this provider's mark. */
export interface Marked {
  id: string;
  /** The vendor's name of it. */
  name: string;
  /** The mark, as the vendor holds it. */
  mark: string;
}

export interface OrphanSupport {
  /** The kind whose identities carry the mark. */
  kind: string;
  /** Whether these settings name a tenant of the vendor at all. */
  configured(settings: Settings): boolean;
  /** The tenant these settings manage (stacks of different tenants are not compared). */
  tenant(settings: Settings): string | undefined;
  /** The vendor's identities that carry the mark. */
  marked(settings: Settings): Promise<Marked[]>;
}

/** One vendor's entry of the sandbox's `GET /_sandbox/config` (base URL and the seeded admin's credentials). */
export type SandboxEntry = Readonly<Record<string, string | undefined>>;

/** One identity at a vendor as `apiidentity audit` lists it. */
export interface InventoryEntry {
  /** One of the module's kinds; `id` is the vendor id Pulumi state holds for a resource of it. */
  kind: string;
  id: string;
  /** The vendor's name of it (login name, client name, robot name). */
  name: string;
  /** When it was made (ISO 8601), where the vendor's answer carries it. */
  createdAt?: string;
  /**
   * When it was last used (ISO 8601); null when the vendor reports it never was. Undefined when the
   * vendor does not report use (`AuditSupport.lastUsed` absent) or reports it as unknown.
   */
  lastUsedAt?: string | null;
  /** The roles, groups or entitlements it holds, as the vendor names them. */
  roles: readonly string[];
  /** The identity the provider itself logs in with: named as such, never reported as unmanaged. */
  self?: boolean;
}

/** A vendor's side of `apiidentity audit`; the facts' sources are in docs/vendors/<vendor>.md. */
export interface AuditSupport {
  /** The vendor's field that tells last use; absent when the vendor reports none (the audit says "not reported by <vendor>"). */
  lastUsed?: { field: string };
  /** The roles or entitlements that count as administrative: exact vendor names, or patterns. */
  administrative: readonly (string | RegExp)[];
  /**
   * Every identity of the vendor's kinds at the tenant these settings address, with list and read
   * calls only (one list where it carries what is needed) and one authentication; `progress` gets the
   * running count after each page.
   */
  inventory(settings: Settings, progress?: (listed: number) => void): Promise<InventoryEntry[]>;
}

/** A stack config value of examples/quickstart. */
export interface DemoConfig {
  value: string;
  secret?: boolean;
}

/**
 * What `npm run demo` (cli/demo.ts, examples/quickstart against the sandbox) and the transport
 * benchmark (bench/transport.mjs) do at this vendor; the vendor calls go to the sandbox as to the vendor.
 */
export interface VendorDemo {
  /** The stack config examples/quickstart needs for this vendor's resources; `password` makes one both vendors' rules accept. */
  config?(sandbox: SandboxEntry, password: () => string): Promise<Readonly<Record<string, DemoConfig>>>;
  /** The name the demo's table shows for an identity, from what its handler's read answers. */
  name(props: Readonly<Record<string, unknown>>): string | undefined;
  /** When the identity was last used, from the same props; absent when the vendor's API never reports use. */
  lastUsed?(props: Readonly<Record<string, unknown>>): string | undefined;
  /** A first call with a credential the stack made (read from the stack's outputs); says what it did. */
  use?(sandbox: SandboxEntry, outputs: Readonly<Record<string, unknown>>): Promise<string>;
  /** An edit someone makes in the vendor's console to identity `id` (through the vendor's API); says what it did. */
  consoleEdit?(sandbox: SandboxEntry, id: string): Promise<string>;
  /** A path below the base URL that the sandbox entry's `username`/`password` may GET with HTTP Basic, changing nothing. */
  basicRead?: string;
}

export interface VendorModule<S extends Readonly<Record<string, SettingDeclaration>> = Readonly<Record<string, SettingDeclaration>>> {
  /** The one name: folder, CLI argument and sandbox id. */
  name: string;
  /** Other spellings the CLI accepts (older keys people have in scripts). */
  aliases: readonly string[];
  /** The vendor's name in messages and reports. */
  displayName: string;
  /**
   * Each setting's name starts with the one name in camelCase (`settingsPrefixOf`) and its environment
   * variable is that name in upper snake case (`envNameOf`); provider/vendors/index.test.ts holds every
   * module to it.
   */
  settings: S;
  /**
   * The prefix the settings had before they followed the one name: each setting is
   * still read under that prefix, as a deprecated stack config key and environment variable.
   */
  formerSettingsPrefix?: string;
  /** Settings that show the vendor is configured at all (`apiidentity check` with no vendor named). */
  configuredBy: readonly (keyof S & string)[];
  kinds: readonly KindModule[];
  lookups: readonly LookupModule[];
  /** The vendor's side of `apiidentity check`. */
  probe: Probe;
  /** `apiidentity discover`: existing identities, without the account the provider logs in with. */
  discover: { kind: string; list(settings: Settings): Promise<Found[]> };
  /** `apiidentity orphans`: absent when the vendor holds no mark of this provider. */
  orphans?: OrphanSupport;
  /**
   * The vendor's published rate limits, per call class, window and tenant, with the source in
   * docs/vendors/<vendor>.md; absent when it publishes none (the transport then adapts to its 429s).
   * The client passes the same value to the HttpClients of the tenant's API.
   */
  rateLimits?: RateLimits;
  /** `apiidentity audit`: every identity of the vendor's kinds, its last-used field and administrative roles. */
  audit: AuditSupport;
  /**
   * What the demo and the transport bench do at this vendor, loaded on first use: `demo.ts` and
   * `provider/demo-calls.ts` need the repository's demo and are left out of the npm package.
   */
  demo(): Promise<VendorDemo>;
}
