// What each resource-provider call does, on plain property values (secrets still wrapped as the
// engine sends them): the handlers of provider/handlers.ts with the settings resolved once per
// process at Configure, the create key derived from the URN, secrets unwrapped for the handlers and
// marked again on everything returned, and no vendor call during a preview. server.ts only
// translates between these values and the protocol's messages; this module is loaded after the
// plugin has answered the handshake, so the vendor code does not slow its start.
import { declarationOf, RESOURCES, secretPropertiesOf, shapeOf, secretsOf } from "../declare.js";
import { handlerFor } from "../handlers.js";
import { CREATE_KEY } from "../lifecycle.js";
import { UNKNOWN, holdsUnknown, type CheckFailure, type ResourceHandler } from "../resource.js";
import { environmentSettings, sameSettings, type Settings } from "../settings.js";
import { settingsFromConfigure } from "./config.js";
import { engineDiff, type DiffAnswer } from "./diff.js";
import { invoke, type InvokeAnswer } from "./invoke.js";
import type { Notes } from "../notes.js";
import type { NoteSink } from "./notes.js";
import { unwrap, withSecrets, reveal, type Values } from "./struct.js";
import { createKeyOfUrn, kindOfPluginToken, parseUrn } from "./urn.js";
import { ApiIdentityError } from "../errors.js";
import { withCallStatus } from "../http/pacing-settings.js";

interface Kind {
  handler: ResourceHandler;
  /** Inputs kept as secrets: the declared secret inputs. */
  secretInputs: readonly string[];
  /** Outputs kept as secrets: every declared secret property and the handler's secret outputs. */
  secretOutputs: readonly string[];
  /** The declared output properties (what a preview of a create marks unknown). */
  outputs: readonly string[];
  /** The declared input properties. */
  inputNames: readonly string[];
}

/** What each kind's calls need from its declaration, worked out once per kind. */
const kinds = new Map<string, Kind>();

function kindOf(urn: string): Kind {
  const kind = kindOfPluginToken(parseUrn(urn).type);
  const known = kinds.get(kind);
  if (known) return known;
  const decl = declarationOf(kind);
  if (!decl) throw new ApiIdentityError(`apiidentity: unknown resource type 'apiidentity:index:${kind}'; this version serves ${RESOURCES.map((r) => r.kind).join(", ")}`);
  const handler = handlerFor(kind);
  const k: Kind = {
    handler,
    secretInputs: secretsOf(decl.inputs),
    secretOutputs: [...new Set([...secretPropertiesOf(kind), ...handler.secretOutputs])],
    outputs: Object.keys(shapeOf(decl.outputs)),
    inputNames: Object.keys(shapeOf(decl.inputs)),
  };
  kinds.set(kind, k);
  return k;
}

/** Without the hidden create key: what the engine stores as outputs. */
function withoutCreateKey(values: Values): Values {
  const { [CREATE_KEY]: _key, ...rest } = values;
  return rest;
}

export interface Created {
  id: string;
  properties: Values;
}

export interface Read {
  /** Empty when the identity is gone at the vendor. */
  id: string;
  properties: Values;
  inputs: Values;
}

/** The calls of one plugin process, sharing one settings value (and so one client per vendor). */
export class PluginCalls {
  private settings: Settings | undefined;

  /**
   * `note` shows a note on a resource (the engine's log, via notes.ts): the lifecycle's notes, and
   * as warnings the handler's advice, which the TypeScript classes show with `pulumi.log.warn`.
   */
  constructor(
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
    private readonly note: NoteSink = () => undefined,
  ) {}

  /** Notes of the provider itself, not of a resource: a setting given under its former name (each once). */
  private readonly providerNotes: Notes = { info: (text) => this.tell(text, undefined, "info"), warn: (text) => this.tell(text, undefined, "warning") };

  /** Settings from Configure; a Configure with equal settings keeps the value, and its clients. */
  configure(variables: ReadonlyMap<string, string>, args: Values): void {
    const next = settingsFromConfigure(variables, args, this.env, this.providerNotes);
    if (this.settings === undefined || !sameSettings(this.settings, next)) this.settings = next;
  }

  /** The settings calls run with: Configure's, else (an engine that never configures) the environment's. */
  current(): Settings {
    return (this.settings ??= environmentSettings());
  }

  /**
   * The kind's methods for one call: its notes are the resource's, `urn`, and so is the status the
   * transport shows while a vendor call waits for the vendor's rate limit (an ephemeral log entry).
   */
  private methods(k: Kind, urn: string): ReturnType<ResourceHandler["with"]> {
    const m = k.handler.with(this.current(), { info: (text) => this.tell(text, urn, "info"), warn: (text) => this.tell(text, urn, "warning") });
    const status = (text: string) => this.tell(text, urn, "info", true);
    return {
      check: (...a) => withCallStatus(status, () => m.check(...a)),
      diff: (...a) => withCallStatus(status, () => m.diff(...a)),
      create: (...a) => withCallStatus(status, () => m.create(...a)),
      read: (...a) => withCallStatus(status, () => m.read(...a)),
      update: (...a) => withCallStatus(status, () => m.update(...a)),
      delete: (...a) => withCallStatus(status, () => m.delete(...a)),
    };
  }

  /** A note that cannot be shown never fails the call that wrote it. */
  private tell(text: string, urn: string | undefined, severity: "info" | "warning", ephemeral = false): void {
    try {
      if (ephemeral) this.note(text, urn, severity, true);
      else this.note(text, urn, severity);
    } catch {
      // The engine's log is gone (the engine is shutting down): the call's own answer still counts.
    }
  }

  async check(urn: string, olds: Values, news: Values): Promise<{ inputs: Values; failures: CheckFailure[] }> {
    const k = kindOf(urn);
    const n = unwrap(news);
    if (n.values.profile !== undefined) {
      // Settings profiles live in the stack config the dynamic provider reads; a plugin program names its tenant with a provider.
      const reason = `profile names a settings profile of the TypeScript SDK's dynamic classes, which the provider plugin does not read: to address another tenant, declare an explicit provider (pulumi:providers:apiidentity) with that tenant's settings and pass it with the provider resource option.`;
      return { inputs: n.values, failures: [{ property: "profile", reason }] };
    }
    // The same create key the TypeScript SDK sends, so create recovery works the same way.
    const given = { ...n.values, [CREATE_KEY]: n.values[CREATE_KEY] ?? createKeyOfUrn(urn) };
    const r = await this.methods(k, urn).check(unwrap(olds).values, given);
    // Valid inputs that break only a guessed vendor rule: a warning, judged once all values are known.
    if (r.failures.length === 0 && k.handler.advise && !holdsUnknown(r.inputs)) {
      for (const w of k.handler.advise(withoutCreateKey(r.inputs as Values) as object)) this.tell(w, urn, "warning");
    }
    return { inputs: withSecrets(r.inputs as Values, [...k.secretInputs, ...n.secrets]), failures: r.failures };
  }

  async diff(urn: string, id: string, olds: Values, news: Values, oldInputs: Values): Promise<DiffAnswer> {
    const k = kindOf(urn);
    const o = unwrap(olds).values;
    const n = unwrap(news).values;
    const r = await this.methods(k, urn).diff(id, o, n);
    const before = Object.keys(oldInputs).length > 0 ? unwrap(oldInputs).values : o;
    return engineDiff(r, before, n);
  }

  async create(urn: string, properties: Values, preview: boolean): Promise<Created> {
    const k = kindOf(urn);
    const p = unwrap(properties);
    if (preview) {
      // Nothing is sent to the vendor: the inputs as they will be, every other output not known yet.
      const outs: Values = Object.fromEntries(k.outputs.map((name) => [name, UNKNOWN]));
      for (const [name, v] of Object.entries(withoutCreateKey(p.values))) if (k.outputs.includes(name)) outs[name] = v;
      return { id: "", properties: withSecrets(outs, [...k.secretOutputs, ...p.secrets]) };
    }
    if (holdsUnknown(p.values)) throw new ApiIdentityError(`${k.handler.kind}: create got inputs that are not known yet; this is a bug in the engine or the plugin, please report it`);
    const r = await this.methods(k, urn).create(p.values);
    return { id: r.id, properties: withSecrets(r.outs as Values, [...k.secretOutputs, ...p.secrets]) };
  }

  async read(urn: string, id: string, properties: Values, inputs: Values): Promise<Read> {
    const k = kindOf(urn);
    const p = unwrap(properties);
    const i = unwrap(inputs);
    const r = await this.methods(k, urn).read(id, p.values);
    if (r.id === undefined) return { id: "", properties: {}, inputs: {} };
    const readInputs: Values = { ...((r.inputs as Values | undefined) ?? withoutCreateKey(i.values)) };
    // A read with the id alone is `pulumi import`: the inputs it gives become the declaration the CLI
    // prints. With `importId` that declaration adopts this very identity (a state lost later makes
    // the next up adopt it again, never a duplicate), and kinds whose password is never read back
    // (declared write-only inputs) accept it without one: an adopted identity keeps the password it
    // has, so the printed code runs with no change and no vendor write.
    const importing = Object.keys(p.values).length === 0 && Object.keys(i.values).length === 0;
    if (importing && k.inputNames.includes("importId") && readInputs.importId === undefined) readInputs.importId = r.id;
    return {
      id: r.id,
      properties: withSecrets((r.props as Values | undefined) ?? {}, [...k.secretOutputs, ...p.secrets]),
      inputs: withSecrets(readInputs, [...k.secretInputs, ...i.secrets]),
    };
  }

  async update(urn: string, id: string, olds: Values, news: Values, preview: boolean): Promise<Values> {
    const k = kindOf(urn);
    const o = unwrap(olds);
    const n = unwrap(news);
    const secrets = [...k.secretOutputs, ...o.secrets, ...n.secrets];
    if (preview) {
      const outs: Values = { ...o.values };
      for (const [name, v] of Object.entries(withoutCreateKey(n.values))) if (k.outputs.includes(name)) outs[name] = v;
      return withSecrets(outs, secrets);
    }
    if (holdsUnknown(n.values)) throw new ApiIdentityError(`${k.handler.kind}: update got inputs that are not known yet; this is a bug in the engine or the plugin, please report it`);
    return withSecrets((await this.methods(k, urn).update(id, o.values, n.values)) as Values, secrets);
  }

  async delete(urn: string, id: string, properties: Values): Promise<void> {
    const k = kindOf(urn);
    await this.methods(k, urn).delete(id, unwrap(properties).values);
  }

  /** A lookup; arguments not known yet (a preview) are not sent to the vendor: the answer is empty. */
  async invoke(tok: string, args: Values): Promise<InvokeAnswer> {
    const a = reveal(args) as Values;
    if (holdsUnknown(a)) return { result: {}, failures: [] };
    return invoke(tok, a, this.current());
  }

  /** The properties of an identity a failed create or update left behind, secrets marked. */
  leftBehind(urn: string, properties: Values): Values {
    try {
      return withSecrets(properties, kindOf(urn).secretOutputs);
    } catch {
      return properties;
    }
  }
}
