// The one lifecycle every resource follows (ARCHITECTURE.md, "Layers"): check, diff, create
// with adoption (`importId`) and lost-create recovery, read, update, delete. A vendor folder declares
// its resource with `defineResource` and supplies only the steps that differ between vendors; the
// protocol, the order of its steps and the words the user reads are written here once.
import * as z from "zod";
import { backoffDelay, isOutcomeUnknown, UnexpectedAnswerError, type BackoffOptions } from "./http/index.js";
import { AdoptionError, ConfigurationError, LostCreateError, OutcomeUnknownError, describeFailure, reworded, vendorCall, wordedFor } from "./errors.js";
import { stderrNotes, type Notes } from "./notes.js";
import { diffSpecOf, replacesOf, secretsOf } from "./property-facts.js";
import { checkWith, diffProperties, stripInternal, type CheckResult, type DiffSpec, type DiffResult, type ReadResult, type ResourceHandler, type ResourceMethods } from "./resource.js";
import type { Settings } from "./settings.js";
import { capital, messageOf, plain, sentence } from "./wording.js";

/** The identity a create or an adoption ends with. */
export interface Created<Outputs> {
  id: string;
  outs: Outputs;
}

/** What `converge` did: the outputs after it, and the properties it had to change. */
export interface Converged<Outputs> {
  outs: Outputs;
  changed: string[];
}

/** A refusal, in the words the user reads: why, and what to do instead. */
export interface Refusal {
  reason: string;
  todo: string;
}

/**
 * How often a create proven not to have happened is sent, and the pause before each resend: the
 * transport's own retry budget (5 sends) and backoff (full jitter, 300 ms doubling to 8 s).
 * `sleep` is replaceable by tests.
 */
export const createRetry: { sends: number; backoff: BackoffOptions; sleep(ms: number): Promise<void> } = {
  sends: 5,
  backoff: { baseMs: 300, maxMs: 8_000 },
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

/**
 * The hidden input the SDK classes add to every resource (`__createKey`): project, stack, kind and
 * resource name, known before a create and the same after a crash. It goes into the create (IBM
 * Verify derives its marker from it) and so into the pending create a killed run leaves in state,
 * where `apiidentity recover` reads it to find what that create made. It is no input of the schema
 * and never causes a diff (diffs compare declared properties only).
 */
export const CREATE_KEY = "__createKey";

/** The create key in `news`, if the program's SDK class sent one. */
export function createKeyOf(news: unknown): string | undefined {
  const key = (news as Record<string, unknown> | undefined)?.[CREATE_KEY];
  return typeof key === "string" && key !== "" ? key : undefined;
}

/** What a create knows beyond its inputs. */
export interface CreateContext {
  /** The resource's create key (`CREATE_KEY`), when the program's SDK class sent one. */
  key?: string;
}

/** What `create.deleteMadeLate` is told besides the sends: when the first started, and where to say what it did. */
export interface MadeLateContext {
  /** When the create's first send started (local clock, ms). */
  since: number;
  /** A sentence for the create's note, after its own words (e.g. "API account X, made late …, was deleted"). */
  note(sentence: string): void;
}

/** A create whose answer was lost, as the look-up after it sees it. */
export interface LostAnswer<Plan = unknown> {
  /** How the create is named in messages, e.g. `creating user 'bot'`. */
  action: string;
  /** When the lost request was sent (local clock). */
  startedAt: number;
  /** The error that made the outcome unknown (already redacted). */
  cause: unknown;
  /** 1 for the first send. */
  attempt: number;
  /**
   * The plans of this create's earlier sends, oldest first. Each was proven to have made nothing when
   * it was looked up, but one may still land late: what it made is this create's too.
   */
  earlier: readonly Plan[];
  /**
   * Ids some resource in state holds (`apiidentity recover`): never what this create made. Empty
   * during a create, where the provider cannot see the state.
   */
  held?: ReadonlySet<string>;
  /** `apiidentity recover --dry-run`: the look-up must change nothing at the vendor. */
  dryRun?: boolean;
}

/** What the look-up after a lost create answer found. */
export type OwnCreate<Made> =
  /** Provably what the lost request made: it is taken. */
  | { found: "ours"; made: Made; id: string }
  /** Provably nothing the request made is left (none was made, or it was cleaned up): sending again cannot duplicate. */
  | { found: "none"; note?: string }
  /** Something that may be it, but cannot be proven to be: left alone and named. */
  | { found: "unproven"; id?: string; what: string; why: string };

/**
 * What a vendor folder declares. Type parameters: the resource's Inputs and Outputs, the vendor
 * Client, the Plan one create sends (body, resolved ids, marker), what the create call answers
 * (Made), the Live object an adoption reads, and the Current state `converge` starts from.
 */
export interface ResourceDefinition<Inputs extends object, Outputs extends object, Client, Plan, Made, Live, Current> {
  kind: string;
  vendor: string;
  /** What the identity is called at the vendor, for messages: `API account`, `robot account`. */
  noun: string;
  /** Where a person looks at one, for messages: the console page, e.g. `in the console (Administration > Users)`. */
  console: string;
  /**
   * The types Inputs and Outputs are taken from these two zod objects alone; so are the secret
   * outputs, the inputs that replace, and the default diff (provider/property-facts.ts).
   */
  inputs: z.ZodType<Inputs>;
  outputs: z.ZodType<Outputs>;

  /** The vendor client for these settings (a missing setting fails naming key and variable). */
  client(settings: Settings): Client | Promise<Client>;
  /** Validation beyond the schema (defaults that depend on settings, vendor look-ups); Pulumi's order. */
  check?(olds: unknown, news: unknown, settings: Settings): Promise<CheckResult<NoInfer<Inputs>>> | CheckResult<NoInfer<Inputs>>;
  advise?(inputs: NoInfer<Inputs>): string[];
  /** Default: the declared inputs compared as declared (`diffSpecOf(inputs)`). */
  diff?(olds: NoInfer<Outputs>, news: NoInfer<Inputs>, settings: Settings): DiffResult;
  /** The inputs with defaults filled in (some from settings), as create/update act on them. */
  desired?(news: Inputs, settings: Settings): Inputs;

  create: {
    action(i: Inputs): string;
    /** What to send, resolved once for all attempts (may read from the vendor, e.g. role ids). */
    plan(client: Client, i: Inputs, ctx: CreateContext): Plan | Promise<Plan>;
    /**
     * The plan of a resend after a send proven to have made nothing (e.g. with a fresh marker, where
     * names are not unique); without it every send sends the same plan.
     */
    resendPlan?(plan: Plan): Plan;
    /**
     * One create call. Throws OutcomeUnknownError when it cannot tell what it made; a 2xx answer it
     * cannot read (UnexpectedAnswerError) is an unknown outcome too.
     */
    send(client: Client, plan: Plan, i: Inputs): Promise<Made>;
    /**
     * After a lost answer: finds what the request made (or, with `resendPlan`, what any earlier send
     * of this create made, `lost.earlier`), and says whether it is provably ours. A "none" verdict
     * means the create is sent again, within `createRetry.sends` sends in all. Without it a lost
     * answer is "unproven": the user is told to look in the console, and nothing is sent again.
     */
    findOwnCreate?(client: Client, plan: Plan, i: Inputs, lost: LostAnswer<Plan>): Promise<OwnCreate<Made>>;
    /**
     * After a create that needed more than one send: deletes what an earlier send made late (it was
     * not there when that send was looked up), never `made`. Returns a sentence naming what it could
     * not delete, if anything; the create stands either way. `ctx.since` is when the first send
     * started; `ctx.note` takes a sentence for the user's note (e.g. what it deleted).
     */
    deleteMadeLate?(client: Client, earlier: readonly Plan[], made: Created<Outputs>, i: Inputs, ctx: MadeLateContext): Promise<string | undefined>;
    /**
     * Whether a refusal says the identity already exists (where names are unique). After a lost send,
     * such a refusal of a resend may be that earlier send landing late: the look-up, bounded by the
     * first send's start, decides whether it is taken over.
     */
    duplicate?(e: unknown): boolean;
    /** A refused create that says more than the vendor's words (e.g. the name exists: adopt it); `action` is `create.action`'s words. */
    refused?(client: Client, plan: Plan, i: Inputs, e: unknown, action: string): Promise<Error | undefined>;
    /** Sentence naming what a lost create may have left when the look-up failed too. */
    mayHaveMade?(plan: Plan, i: Inputs): string;
    /** From what the create answered (or the look-up found) to the resource's id and outputs. */
    finish(client: Client, made: Made, i: Inputs, plan: Plan): Created<Outputs> | Promise<Created<Outputs>>;
  };

  /**
   * Adoption of an existing identity (`importId`). Without it, adoption is by id: `read` with the id
   * and no state, and `converge` starts from the outputs it reads (Current is then the outputs).
   */
  adopt?: {
    /** Reads the object `importId` names; undefined when the vendor does not know it. */
    fetch(client: Client, importId: string, i: Inputs): Promise<Live | undefined>;
    /** Says where the id is found; appended to "<vendor> has no <noun> with this id". Default: check the id in the console, or remove importId. */
    notFound?(importId: string, i: Inputs, client: Client): { detail?: string; todo: string };
    /** Why this object must not be managed by this resource, if it must not. */
    guard?(client: Client, live: Live, i: Inputs): Refusal | undefined;
    /**
     * Its id, and the state `converge` starts from (may read more, e.g. held roles); `notes` takes
     * what the user should know of it. Default: adoption by id, the importId and the live object as read.
     */
    current?(client: Client, live: Live, i: Inputs, notes: Notes): Promise<{ id: string; current: Current }> | { id: string; current: Current };
  };

  /** Brings a live identity to the declared inputs with as few vendor calls as the vendor allows. */
  converge(client: Client, id: string, current: Current, desired: Inputs): Promise<Converged<Outputs>>;

  /** Reads the identity; `{}` when it is gone. */
  read(client: Client, id: string, props: Outputs): Promise<ReadResult<Inputs, Outputs>>;
  /** Defaults to `converge` from the outputs in state (when Current is the outputs type). */
  update?(client: Client, id: string, olds: Outputs, news: Inputs): Promise<Outputs>;
  /** Deletes it; already gone counts as deleted. */
  remove(client: Client, id: string, props: Outputs): Promise<void>;
}

/** Each handler's declaration, for the steps that run outside the engine (`settlePendingCreate`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one map for definitions of every type; read back only by the handler it was declared with
const definitions = new WeakMap<ResourceHandler, ResourceDefinition<any, any, any, any, any, any, any>>();

/** The handler for a resource declared by a vendor folder. */
export function defineResource<Inputs extends object, Outputs extends object, Client, Plan, Made, Live, Current>(d: ResourceDefinition<Inputs, Outputs, Client, Plan, Made, Live, Current>): ResourceHandler<Inputs, Outputs> {
  const handler: ResourceHandler<Inputs, Outputs> = {
    kind: d.kind,
    vendor: d.vendor,
    inputs: d.inputs,
    outputs: d.outputs,
    secretOutputs: secretsOf(objectOf(d.outputs)),
    replaceOnChanges: replacesOf(objectOf(d.inputs)),
    ...(d.advise ? { advise: d.advise.bind(d) } : {}),
    with: (settings, notes = stderrNotes) => methods(d, settings, notes),
  };
  definitions.set(handler as unknown as ResourceHandler, d);
  return handler;
}

/** A declared schema as the zod object the property facts are read from (a resource's inputs and outputs are objects). */
function objectOf(schema: z.ZodType): z.ZodObject {
  if (schema instanceof z.ZodObject) return schema;
  throw new TypeError("a resource's inputs and outputs must be declared as a zod object");
}

/** The kind's diff, or the declared comparison of its inputs. */
function diffOf<Inputs extends object, Outputs extends object, Client, Plan, Made, Live, Current>(
  d: ResourceDefinition<Inputs, Outputs, Client, Plan, Made, Live, Current>,
): (olds: Outputs, news: Inputs, settings: Settings) => DiffResult {
  if (d.diff) return d.diff.bind(d);
  const spec = diffSpecOf(objectOf(d.inputs)) as DiffSpec<Inputs>;
  return (olds, news) => diffProperties(olds, news, spec);
}

/** The protocol's steps with one settings value: every step asks for the client of those settings. */
function methods<Inputs extends object, Outputs extends object, Client, Plan, Made, Live, Current>(d: ResourceDefinition<Inputs, Outputs, Client, Plan, Made, Live, Current>, settings: Settings, notes: Notes): ResourceMethods<Inputs, Outputs> {
  const client = () => vendorCall(d.kind, `reading the ${d.vendor} provider settings`, async () => d.client(settings));
  const desired = (news: Inputs) => (d.desired ? d.desired(news, settings) : news);
  const diff = diffOf(d);

  return {
    async check(olds, news) {
      const checkNews = async (n: unknown) => (d.check ? await d.check(olds, n, settings) : checkWith(d.inputs, n));
      let r = await checkNews(news);
      // importId adopts at the first create only. A replacement is a new identity: adopting the replaced
      // one again would fail the adoption guard (it differs in what cannot change) or, were it let
      // through, leave the state on an identity the engine deletes next. So the new inputs are checked
      // again without it, which also asks for what a new identity needs (a password, say).
      if (r.failures.length === 0 && isReplacedAdoption(d, olds, r.inputs, settings)) {
        const { importId: _dropped, ...rest } = news as Record<string, unknown>;
        r = await checkNews(rest);
      }
      // Validation drops engine-internal keys; the create key goes on to the create.
      const key = createKeyOf(news);
      return key === undefined ? r : { ...r, inputs: { ...r.inputs, [CREATE_KEY]: key } };
    },

    async diff(_id, olds, news) {
      return diff(olds, splitCreateKey(news).inputs, settings);
    },

    async create(news) {
      const { inputs, key } = splitCreateKey(news);
      const i = desired(inputs);
      const c = await client();
      const importId = (i as { importId?: unknown }).importId;
      if (typeof importId === "string" && importId !== "") return adopt(d, c, importId, i, notes);
      return createOnce(d, c, i, notes, key === undefined ? {} : { key });
    },

    async read(id, props) {
      return d.read(await client(), id, props);
    },

    async update(id, olds, news) {
      const c = await client();
      const i = desired(splitCreateKey(news).inputs);
      if (d.update) return d.update(c, id, olds, i);
      return (await d.converge(c, id, olds as unknown as Current, i)).outs;
    },

    async delete(id, props) {
      await d.remove(await client(), id, props);
    },
  };
}

/** True when the checked inputs keep an importId while the diff from the old inputs replaces the resource. */
function isReplacedAdoption<Inputs extends object, Outputs extends object, Client, Plan, Made, Live, Current>(d: ResourceDefinition<Inputs, Outputs, Client, Plan, Made, Live, Current>, olds: unknown, news: Inputs, settings: Settings): boolean {
  const importId = (news as { importId?: unknown }).importId;
  const old = stripInternal(olds);
  if (typeof importId !== "string" || importId === "" || Object.keys(old).length === 0) return false;
  try {
    // The old inputs stand in for the old outputs: every property a replacement turns on is an input.
    return diffOf(d)(old as unknown as Outputs, news, settings).replaces.length > 0;
  } catch {
    // A diff that cannot read the old inputs decides nothing; the adoption guard still stands.
    return false;
  }
}

/** The inputs without the hidden create key, and the key. */
function splitCreateKey<Inputs extends object>(news: Inputs): { inputs: Inputs; key?: string } {
  const { [CREATE_KEY]: _key, ...inputs } = news as Record<string, unknown>;
  const key = createKeyOf(news);
  return key === undefined ? { inputs: inputs as Inputs } : { inputs: inputs as Inputs, key };
}

/** Takes an existing identity under management: no create call at the vendor. */
async function adopt<Inputs extends object, Outputs extends object, Client, Plan, Made, Live, Current>(d: ResourceDefinition<Inputs, Outputs, Client, Plan, Made, Live, Current>, c: Client, importId: string, i: Inputs, notes: Notes): Promise<Created<Outputs>> {
  const fetch = async (): Promise<Live | undefined> => {
    if (d.adopt) return d.adopt.fetch(c, importId, i);
    const { id, props } = await d.read(c, importId, {} as Outputs);
    return id === undefined ? undefined : (props as unknown as Live);
  };
  const live = await vendorCall(d.kind, `reading ${d.noun} ${importId} to adopt it (importId)`, fetch);
  if (live === undefined) {
    const { detail, todo } = d.adopt?.notFound?.(importId, i, c) ?? { todo: `Check the id ${d.console}, or remove importId to create a new ${d.noun}` };
    throw new AdoptionError(d.kind, importId, `${d.vendor} has no ${d.noun} with this id${detail ? ` ${detail}` : ""}`, todo);
  }
  const refusal = d.adopt?.guard?.(c, live, i);
  if (refusal) throw new AdoptionError(d.kind, importId, refusal.reason, refusal.todo);
  // Without a `current` hook the live object is what converge starts from (Live and Current agree).
  const { id, current } = d.adopt?.current ? await d.adopt.current(c, live, i, notes) : { id: importId, current: live as unknown as Current };
  let converged: Converged<Outputs>;
  try {
    converged = await d.converge(c, id, current, i);
  } catch (e) {
    throw notManagedYet(d.noun, id, e);
  }
  const { outs, changed } = converged;
  notes.info(`adopted ${d.kind} ${id}; changed: ${changed.length ? changed.join(", ") : "nothing"}`);
  return { id, outs };
}

/**
 * An adoption whose converge failed, perhaps after a write: the identity is in no state yet, so the
 * way to finish is the same importId on the next `pulumi up`. Keeps the error's class and cause.
 */
function notManagedYet(noun: string, id: string, e: unknown): Error {
  const first = sentence(messageOf(e));
  return reworded(e, `${first} ${capital(noun)} ${id} is not managed yet (it is in no state): keep importId: "${id}" and run 'pulumi up' again, which adopts it and finishes.`);
}

/**
 * Creates, and settles a lost answer without guessing: never sends again before a look-up proves
 * nothing the lost request made is left, takes what it made only when that is provable, and names
 * whatever it cannot attribute instead of touching it. A create proven not to have happened is sent
 * again, with the transport's backoff, within one budget of `createRetry.sends` sends.
 */
async function createOnce<Inputs extends object, Outputs extends object, Client, Plan, Made, Live, Current>(d: ResourceDefinition<Inputs, Outputs, Client, Plan, Made, Live, Current>, c: Client, i: Inputs, notes: Notes, ctx: CreateContext = {}): Promise<Created<Outputs>> {
  const action = d.create.action(i);
  let plan: Plan = await vendorCall(d.kind, action, async () => d.create.plan(c, i, ctx));
  const earlier: Plan[] = [];
  let firstStartedAt: number | undefined;
  const done = async (made: Made): Promise<Created<Outputs>> => {
    const created = await d.create.finish(c, made, i, plan);
    if (earlier.length > 0 && d.create.deleteMadeLate) {
      const tidied: string[] = [];
      const ctx: MadeLateContext = { since: firstStartedAt ?? Date.now(), note: (s) => tidied.push(plain(s)) };
      const left = await d.create.deleteMadeLate(c, earlier, created, i, ctx).catch((e: unknown) => `looking for what an earlier send made failed: ${plain(messageOf(e))}`);
      if (left || tidied.length) {
        const and = tidied.map((n) => `, and ${n}`).join("");
        const text = `${d.kind}: ${action} needed ${earlier.length + 1} sends; ${d.noun} ${created.id} is managed${and}${left ? `, but ${plain(left)}` : ""}`;
        // Something an earlier send made is left at the vendor: the user should look at it.
        if (left) notes.warn(text);
        else notes.info(text);
      }
    }
    return created;
  };
  for (let attempt = 1; ; attempt++) {
    const startedAt = Date.now();
    firstStartedAt ??= startedAt;
    let sent: { made: Made } | { cause: unknown };
    try {
      sent = { made: await d.create.send(c, plan, i) };
    } catch (e) {
      // A 2xx answer that cannot be read says the create happened, not what it made: like a lost answer.
      if (!isOutcomeUnknown(e) && !(e instanceof OutcomeUnknownError) && !(e instanceof UnexpectedAnswerError)) {
        // Already worded (by a vendorCall inside send): it passes as it is.
        if (wordedFor(d.kind, e)) throw e;
        if (attempt > 1 && d.create.duplicate?.(e)) {
          // Refused as a duplicate after an earlier send was lost: that send may have landed late.
          const late = await findOwnCreate(d, c, plan, i, { action, startedAt: firstStartedAt, cause: e, attempt, earlier: [...earlier] }).catch(() => undefined);
          if (late?.found === "ours") {
            notes.info(`${d.kind}: ${action} was sent again and refused as a duplicate; ${d.noun} ${late.id} was made by its earlier send (which landed late) and is now managed`);
            return done(late.made);
          }
        }
        throw (await d.create.refused?.(c, plan, i, e, action)) ?? describeFailure(d.kind, action, e);
      }
      sent = { cause: e };
    }
    if ("made" in sent) return done(sent.made);
    const cause = sent.cause;
    const lost: LostAnswer<Plan> = { action, startedAt, cause, attempt, earlier: [...earlier] };
    let verdict: OwnCreate<Made>;
    try {
      verdict = await findOwnCreate(d, c, plan, i, lost);
    } catch (lookup) {
      if (lookup instanceof LostCreateError) throw lookup;
      const why = describeFailure(d.kind, `looking up the ${d.noun} it may have made`, lookup).message.replace(`${d.kind}: `, "");
      const maybe = d.create.mayHaveMade?.(plan, i) ?? `What it may have made at ${d.vendor} is not known`;
      throw new LostCreateError(d.kind, action, `the outcome is unknown, and ${plain(why)}. ${plain(maybe)}: look for it ${d.console}, then delete it or adopt it with importId, and run 'pulumi up' again`, { cause });
    }
    if (verdict.found === "ours") {
      notes.info(`${d.kind}: ${action} lost its answer (${plain(messageOf(cause))}); ${d.noun} ${verdict.id}, made by that request, is now managed`);
      return done(verdict.made);
    }
    if (verdict.found === "unproven") {
      throw new LostCreateError(
        d.kind,
        action,
        `${d.vendor} ${verdict.id === undefined ? "may have" : "now has"} ${verdict.what} that cannot be proven to be the one just created (${verdict.why}), so it was not taken over. Check it ${d.console}, then adopt it with importId${verdict.id === undefined ? "" : `: "${verdict.id}"`} or delete it, and run 'pulumi up' again`,
        { cause },
      );
    }
    if (attempt >= createRetry.sends) {
      const note = verdict.note ?? `no ${d.noun} was made`;
      throw new LostCreateError(d.kind, action, `${attempt > 1 ? `it was attempt ${attempt}, and ${note}` : note}. Nothing is left behind: run 'pulumi up' again`, { cause });
    }
    // Provably nothing left from this send: sending again cannot make a duplicate.
    await createRetry.sleep(backoffDelay(attempt - 1, createRetry.backoff));
    // Every earlier send is remembered (deleteMadeLate looks for what one made late), with or without a new plan.
    earlier.push(plan);
    if (d.create.resendPlan) plan = d.create.resendPlan(plan);
  }
}

/**
 * The kind's look-up after a lost answer; without one, what the create may have made is unproven: it
 * is named for the user to look at, and nothing is sent again.
 */
function findOwnCreate<Inputs extends object, Outputs extends object, Client, Plan, Made, Live, Current>(
  d: ResourceDefinition<Inputs, Outputs, Client, Plan, Made, Live, Current>,
  c: Client,
  plan: Plan,
  i: Inputs,
  lost: LostAnswer<Plan>,
): Promise<OwnCreate<Made>> {
  if (d.create.findOwnCreate) return d.create.findOwnCreate(c, plan, i, lost);
  return Promise.resolve({ found: "unproven", what: `a ${d.noun} made by this request`, why: `${d.kind} has no way to look up what a create made` });
}

/** A create that a killed run left pending in state, as `apiidentity recover` sees it. */
export interface PendingCreate {
  /** The inputs it was sent with (the pending operation's, with the create key). */
  inputs: Record<string, unknown>;
  /**
   * The earliest time (local clock, ms) the killed run can have sent it: the look-up's lower bound
   * for when what it made was created (each kind allows for the vendor's clock as after a lost answer).
   */
  sentAfter: number;
  /** Ids of this kind some resource in state holds: never taken. */
  held: ReadonlySet<string>;
  /** Change nothing at the vendor (`--dry-run`). */
  dryRun?: boolean;
}

/** How `apiidentity recover` settles one pending create. */
export type PendingVerdict =
  /** What it made is provably this one: it becomes the resource. */
  | { action: "import"; id: string; note: string }
  /** It left nothing to take (none made, or what it made was deleted): the pending create is dropped. */
  | { action: "clear"; note: string }
  /** Something may be it but cannot be proven: named, nothing changed. */
  | { action: "unresolved"; id?: string; note: string };

/**
 * Settles a pending create the way a lost create answer is settled: the kind's own look-up
 * (`findOwnCreate`) with the killed run's earliest send time as the request's start, and what a
 * resource in state holds never taken. Reads only, except where the kind's look-up deletes what is
 * provably this create's and unusable (an account whose one-time password was in the lost answer).
 */
export async function settlePendingCreate(handler: ResourceHandler, settings: Settings, pending: PendingCreate): Promise<PendingVerdict> {
  const d = definitions.get(handler);
  if (!d) throw new ConfigurationError(`${handler.kind}: not declared with defineResource, so its pending creates cannot be settled`);
  const { inputs, key } = splitCreateKey(pending.inputs);
  const i = d.desired ? d.desired(inputs, settings) : inputs;
  const importId = (i as { importId?: unknown }).importId;
  if (typeof importId === "string" && importId !== "") {
    return { action: "clear", note: `an adoption (importId) makes nothing: the next 'pulumi up' adopts ${d.noun} ${importId}` };
  }
  const action = d.create.action(i);
  let verdict: OwnCreate<unknown>;
  try {
    const c = await d.client(settings);
    const plan = await d.create.plan(c, i, key === undefined ? {} : { key });
    verdict = await findOwnCreate(d, c, plan, i, { action, startedAt: pending.sentAfter, cause: undefined, attempt: 1, earlier: [], held: pending.held, dryRun: pending.dryRun ?? false });
  } catch (e) {
    return { action: "unresolved", note: `looking up the ${d.noun} it may have made failed: ${plain(messageOf(e))}` };
  }
  // The look-up found the identity with this natural key, and another resource holds it: where names
  // are unique the create cannot have made a second. (Kinds whose names are not unique leave held ids
  // out of their own look-up, or are settled by their mark: the vendor module's settleByMark.)
  if (verdict.found !== "none" && verdict.id !== undefined && pending.held.has(verdict.id)) {
    return { action: "clear", note: `${d.noun} ${verdict.id} with its natural key belongs to a resource in state, so this create made none` };
  }
  if (verdict.found === "ours") return { action: "import", id: verdict.id, note: `${d.noun} ${verdict.id} is provably what it made: imported` };
  if (verdict.found === "none") return { action: "clear", note: verdict.note ?? `no ${d.noun} was made` };
  return {
    action: "unresolved",
    ...(verdict.id === undefined ? {} : { id: verdict.id }),
    note: `${d.vendor} ${verdict.id === undefined ? "may have" : "has"} ${verdict.what} that cannot be proven to be what this create made (${verdict.why}): check it ${d.console}, then adopt it with importId${verdict.id === undefined ? "" : `: "${verdict.id}"`} or delete it`,
  };
}
