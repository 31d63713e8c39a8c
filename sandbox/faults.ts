// Fault injection rules of the control API (`/_sandbox/faults`).
import * as z from "zod";
import type { VendorModule } from "./types.js";
import { vendorIdOf } from "./vendor-id.js";
import { vendorModules } from "./vendors/index.js";

export const faultEffectSchema = z.discriminatedUnion("type", [
  /** Answer with this status and the vendor's own error body. */
  z.object({ type: z.literal("status"), status: z.number().int().min(400).max(599), message: z.string().optional() }),
  /** 429 with a `Retry-After` header (seconds). */
  z.object({ type: z.literal("rateLimit"), retryAfterSeconds: z.number().min(0).default(1) }),
  /** Delay before handling: fixed `ms`, or uniformly random in [minMs, maxMs]. */
  z.object({
    type: z.literal("latency"),
    ms: z.number().min(0).optional(),
    minMs: z.number().min(0).optional(),
    maxMs: z.number().min(0).optional(),
  }),
  /** Destroy the connection before any response; the request is not handled. */
  z.object({ type: z.literal("reset") }),
  /** Handle the request (the write happens), then destroy the connection instead of answering. */
  z.object({ type: z.literal("commitThenReset") }),
  /**
   * Destroy the connection without handling the request, and handle it just before the next request
   * to the same vendor, method and route: a create that lands late, after the client looked for it.
   */
  z.object({ type: z.literal("lateCommit") }),
  /** Expire every token the vendor issued, then handle the request normally. */
  z.object({ type: z.literal("expireTokens") }),
  /** Handle the request, then rename the key `from` to `to` at every depth of the JSON answer. */
  z.object({ type: z.literal("renameField"), from: z.string().min(1), to: z.string().min(1) }),
  /** Handle the request, then add `name: value` to every object of the JSON answer that lacks it. */
  z.object({ type: z.literal("addField"), name: z.string().min(1), value: z.json().default("sandbox-extra") }),
  /** Handle the request, then set `name` to `value` in every object of the JSON answer that has it (a wrong type). */
  z.object({ type: z.literal("setField"), name: z.string().min(1), value: z.json() }),
  /** Handle the request (a write happens), then send only the first `keepFraction` of its JSON answer. */
  z.object({ type: z.literal("truncateAnswer"), keepFraction: z.number().gt(0).lt(1).default(0.5) }),
  /** Handle the request (a write happens), then answer `status` with no body at all. */
  z.object({ type: z.literal("emptyAnswer"), status: z.number().int().min(200).max(599).default(200) }),
  /** Do not handle the request: answer `status` with an HTML error page, as a gateway in front of the vendor does. */
  z.object({ type: z.literal("htmlPage"), status: z.number().int().min(200).max(599).default(502) }),
]);

/** A vendor named by its id or older id (`vendorIdOf`), as the id of one of `modules`. */
const vendorNamed = (modules: readonly VendorModule[]) =>
  z.string().transform((name, ctx) => {
    const id = vendorIdOf(name, modules);
    if (id === undefined) ctx.addIssue({ code: "custom", message: `no vendor '${name}' in this sandbox (known: ${modules.map((m) => m.id).join(", ")})` });
    return id ?? name;
  });

/** A fault rule whose `vendor` names one of `modules`. */
export const faultRuleSchemaOf = (modules: readonly VendorModule[]) => z.object({
  vendor: vendorNamed(modules).optional(),
  method: z.string().toUpperCase().optional(),
  /** Route template as counted in `/_sandbox/requests` (e.g. `/v4/ApiUser/{apiUserGuid}`); `*` is a wildcard. */
  route: z.string().optional(),
  /** Chance in [0, 1] that a matching request is affected. */
  probability: z.number().min(0).max(1).optional(),
  /** Affect only the first N matching requests. */
  count: z.number().int().min(1).optional(),
  /** Affect matching requests only for this many seconds after the rule is added ("for a while"). */
  forSeconds: z.number().positive().optional(),
  effect: faultEffectSchema,
});

export const faultRuleSchema = faultRuleSchemaOf(vendorModules);

export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultRule = z.output<typeof faultRuleSchema> & { id: string; matched: number; applied: number; until?: number };
export type FaultEffect = z.output<typeof faultEffectSchema>;

function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp("^" + pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*") + "$", "i");
  return re.test(value);
}

export class FaultTable {
  private rules: FaultRule[] = [];
  private seq = 0;
  private readonly schema: typeof faultRuleSchema;

  /** `modules`: the vendors a rule may name (default: the sandbox list). */
  constructor(modules: readonly VendorModule[] = vendorModules) {
    this.schema = faultRuleSchemaOf(modules);
  }

  add(input: unknown): FaultRule {
    const parsed = this.schema.parse(input);
    const rule: FaultRule = { ...parsed, id: `fault-${++this.seq}`, matched: 0, applied: 0, ...(parsed.forSeconds === undefined ? {} : { until: Date.now() + parsed.forSeconds * 1000 }) };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
  }

  /** The effects to apply to this request, in rule order; counts them. */
  select(vendor: string, method: string, template: string): FaultEffect[] {
    const effects: FaultEffect[] = [];
    for (const r of this.rules) {
      if (r.vendor && r.vendor !== vendor) continue;
      if (r.method && r.method !== method) continue;
      if (r.route && !globMatch(r.route, template)) continue;
      if (r.count !== undefined && r.applied >= r.count) continue;
      if (r.until !== undefined && Date.now() > r.until) continue;
      r.matched++;
      if (r.probability !== undefined && Math.random() >= r.probability) continue;
      r.applied++;
      effects.push(r.effect);
    }
    return effects;
  }
}

/** A JSON answer with `renameField` / `addField` / `setField` effects applied; other values pass unchanged. */
export function rewriteAnswer(body: unknown, effects: readonly FaultEffect[]): unknown {
  let out = body;
  for (const e of effects) {
    if (e.type === "renameField") out = mapObjects(out, (o) => (e.from in o ? renameKey(o, e.from, e.to) : o));
    if (e.type === "addField") out = mapObjects(out, (o) => (e.name in o ? o : { ...o, [e.name]: e.value }));
    if (e.type === "setField") out = mapObjects(out, (o) => (e.name in o ? { ...o, [e.name]: e.value } : o));
  }
  return out;
}

/** The HTML page a gateway answers with when the service behind it fails. */
export function gatewayPage(status: number): string {
  return `<!DOCTYPE html>\n<html><head><title>${status} Error</title></head>\n<body><center><h1>${status} Error</h1></center><hr><center>gateway</center></body></html>\n`;
}

/** The first `keepFraction` of an answer's JSON text: a body cut short. */
export function truncatedJson(body: unknown, keepFraction: number): string {
  const text = JSON.stringify(body ?? {});
  return text.slice(0, Math.max(1, Math.floor(text.length * keepFraction)));
}

function renameKey(o: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  // Keeps the key's position so the answer reads like a vendor that simply spells it differently.
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k === from ? to : k, v]));
}

function mapObjects(v: unknown, f: (o: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (Array.isArray(v)) return v.map((x) => mapObjects(x, f));
  if (v === null || typeof v !== "object") return v;
  const inner = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapObjects(x, f)]));
  return f(inner);
}
