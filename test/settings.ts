// Provider settings for tests: a sandbox's own configuration as a Settings value, optionally with
// some variables changed or removed (undefined), instead of rewriting process.env.
import type { Notes } from "../provider/notes.js";
import type { ResourceHandler, ResourceMethods } from "../provider/resource.js";
import { resolveSettings, type Settings } from "../provider/settings.js";

/** What the settings are read from: a sandbox (its `config().env`) or a plain map of variables. */
type Source = { config(): { env: Record<string, string> } } | Record<string, string | undefined>;

export function sandboxSettings(source: Source, over: Record<string, string | undefined> = {}): Settings {
  const env = typeof source.config === "function" ? (source as { config(): { env: Record<string, string> } }).config().env : (source as Record<string, string | undefined>);
  return resolveSettings({ env: { ...env, ...over } });
}

/** Settings with nothing set but the defaults. */
export const noSettings = (): Settings => resolveSettings({});

/**
 * The settings of a test that changes them as it goes, the way a user would change stack config
 * between runs: `set` changes variables (undefined removes one), `restart` keeps them. Either gives
 * a new settings value, so the next call starts with cold vendor clients, as a new provider process.
 */
export class SettingsUnderTest {
  private vars: Record<string, string | undefined>;
  private current: Settings;

  constructor(env: Record<string, string | undefined> = {}) {
    this.vars = { ...env };
    this.current = resolveSettings({ env: this.vars });
  }

  get value(): Settings {
    return this.current;
  }

  /** The variables the settings are resolved from. */
  get env(): Readonly<Record<string, string | undefined>> {
    return this.vars;
  }

  set(over: Record<string, string | undefined>): void {
    this.vars = { ...this.vars, ...over };
    this.restart();
  }

  /** Exactly these variables, nothing left from earlier changes. */
  reset(env: Record<string, string | undefined>): void {
    this.vars = { ...env };
    this.restart();
  }

  restart(): void {
    this.current = resolveSettings({ env: this.vars });
  }

  /** A handler's methods, each call made with the settings as they are at that moment; notes go to `notes` when given. */
  bind<I extends object, O extends object>(handler: ResourceHandler<I, O>, notes?: Notes): ResourceMethods<I, O> {
    const now = () => handler.with(this.current, notes);
    return {
      check: (olds, news) => now().check(olds, news),
      diff: (id, olds, news) => now().diff(id, olds, news),
      create: (inputs) => now().create(inputs),
      read: (id, props) => now().read(id, props),
      update: (id, olds, news) => now().update(id, olds, news),
      delete: (id, props) => now().delete(id, props),
    };
  }
}
