// Contract test against UiPath's own OpenAPI file (a trimmed copy in test/fixtures/uipath, MIT, see
// its README): every request body the client sends validates against the operation's request schema,
// and every answer the sandbox gives validates against the operation's response schema. The traffic
// is real: the handler runs against the in-process sandbox through a recording proxy.
import { readFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../../../sandbox/vendors/uipath/test-helpers.js";
import { uiPathClient } from "./client.js";
import { uiPathRobotAccount } from "./handler.js";
import { SettingsUnderTest } from "../../../test/settings.js";

/** The provider settings of this file's runs (the sandbox's, once it is up). */
const settings = new SettingsUnderTest();
const h = settings.bind(uiPathRobotAccount);

// ---- a small OpenAPI 3.0 schema checker (the subset this file uses) ----

type Schema = Record<string, unknown>;
interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

const spec = JSON.parse(readFileSync(new URL("../../../test/fixtures/uipath/identity-openapi.json", import.meta.url), "utf8")) as OpenApi;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// RFC 3339, and the .NET round-trip form without an offset that UiPath's own examples show.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

function resolve(s: Schema): Schema {
  const ref = s.$ref;
  if (typeof ref !== "string") return s;
  const name = ref.replace("#/components/schemas/", "");
  const target = spec.components.schemas[name];
  if (!target) throw new Error(`unknown $ref ${ref}`);
  return resolve(target);
}

/** Properties an object schema declares, its own and those of its allOf parts. */
function declared(s: Schema): Set<string> {
  const out = new Set(Object.keys((s.properties as Record<string, Schema> | undefined) ?? {}));
  for (const part of (s.allOf as Schema[] | undefined) ?? []) for (const k of declared(resolve(part))) out.add(k);
  return out;
}

/**
 * Problems of `value` against `schema`, each naming its path. `closed`: a property the schema does
 * not declare is a problem (our requests and our emulator's answers carry only documented fields).
 */
export function openApiProblems(schemaIn: Schema, value: unknown, path = "body", closed = true): string[] {
  const s = resolve(schemaIn);
  if (value === null) return s.nullable === true ? [] : [`${path}: null where the schema does not allow it`];
  const problems: string[] = [];
  if (s.allOf) for (const part of s.allOf as Schema[]) problems.push(...openApiProblems({ ...resolve(part), properties: { ...(resolve(part).properties as object), ...(s.properties as object) } }, value, path, false));
  if (s.oneOf) {
    const fits = (s.oneOf as Schema[]).filter((alt) => openApiProblems(alt, value, path, closed).length === 0);
    if (fits.length === 0) problems.push(`${path}: fits none of the oneOf alternatives`);
    return problems;
  }
  if (s.enum && !(s.enum as unknown[]).includes(value)) problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
  switch (s.type) {
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return [...problems, `${path}: not an object`];
      const v = value as Record<string, unknown>;
      const props = (s.properties as Record<string, Schema> | undefined) ?? {};
      for (const r of (s.required as string[] | undefined) ?? []) if (!(r in v)) problems.push(`${path}.${r}: required but missing`);
      const known = declared(s);
      for (const [k, x] of Object.entries(v)) {
        if (props[k]) problems.push(...openApiProblems(props[k], x, `${path}.${k}`, closed));
        else if (closed && !known.has(k)) problems.push(`${path}.${k}: not in the schema`);
      }
      break;
    }
    case "array":
      if (!Array.isArray(value)) return [...problems, `${path}: not an array`];
      value.forEach((x, i) => problems.push(...openApiProblems(s.items as Schema, x, `${path}[${i}]`, closed)));
      break;
    case "string":
      if (typeof value !== "string") return [...problems, `${path}: not a string`];
      if (s.format === "uuid" && !UUID.test(value)) problems.push(`${path}: not a uuid`);
      if (s.format === "date-time" && !DATE_TIME.test(value)) problems.push(`${path}: not a date-time`);
      break;
    case "integer":
      if (!Number.isInteger(value)) return [...problems, `${path}: not an integer`];
      break;
    case "number":
      if (typeof value !== "number") return [...problems, `${path}: not a number`];
      break;
    case "boolean":
      if (typeof value !== "boolean") return [...problems, `${path}: not a boolean`];
      break;
  }
  if (typeof value === "number") {
    if (typeof s.minimum === "number" && value < s.minimum) problems.push(`${path}: below ${s.minimum}`);
    if (typeof s.maximum === "number" && value > s.maximum) problems.push(`${path}: above ${s.maximum}`);
  }
  return problems;
}

/** The OpenAPI operation for a concrete API path (below `/identity_`), or undefined. */
function operation(method: string, apiPath: string): { template: string; op: OpenApi["paths"][string][string] } | undefined {
  for (const [template, ops] of Object.entries(spec.paths)) {
    const re = new RegExp("^" + template.replace(/\{[^}]+\}/g, "[^/]+") + "$");
    const op = ops[method.toLowerCase()];
    if (op && re.test(apiPath)) return { template, op };
  }
  return undefined;
}

describe("the OpenAPI checker itself", () => {
  const dto = { $ref: "#/components/schemas/RobotAccountDto" };
  const ok = { id: "0b5e0f6e-1111-4a2b-9c3d-123456789abc", name: "r", displayName: null, creationTime: "2021-10-19T18:05:17.3465735", lastLoginTime: null, groupIds: [] };
  it("accepts a valid RobotAccountDto and names each problem of an invalid one", () => {
    expect(openApiProblems(dto, ok)).toEqual([]);
    expect(openApiProblems(dto, { ...ok, id: "rb-12", creationTime: null, extra: 1 })).toEqual([
      "body.id: not a uuid",
      "body.creationTime: null where the schema does not allow it",
      "body.extra: not in the schema",
    ]);
  });
  it("checks enums, oneOf members and integer ranges", () => {
    expect(openApiProblems({ $ref: "#/components/schemas/GroupType" }, "dynamic")).toEqual(['body: "dynamic" is not one of ["builtIn","custom"]']);
    const group = { id: ok.id, name: "g", type: "custom", creationTime: ok.creationTime, members: [{ objectType: "DirectoryRobotUser", identifier: ok.id }] };
    expect(openApiProblems({ $ref: "#/components/schemas/GroupDto" }, group)).toEqual([]);
    expect(openApiProblems({ $ref: "#/components/schemas/GroupDto" }, { ...group, members: [{ identifier: 1 }] })).toEqual(["body.members[0]: fits none of the oneOf alternatives"]);
    expect(openApiProblems({ type: "integer", maximum: 1000 }, 1001)).toEqual(["body: above 1000"]);
  });
});

// ---- real traffic through a recording proxy ----

interface Exchange {
  method: string;
  apiPath: string;
  query: URLSearchParams;
  request: unknown;
  status: number;
  response: unknown;
}

let sb: Harness;
let proxy: Server;
const traffic: Exchange[] = [];

function parse(text: string): unknown {
  return text ? (JSON.parse(text) as unknown) : undefined;
}

beforeAll(async () => {
  sb = await startHarness();
  const target = new URL(sb.base);
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const out = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: target.pathname.replace(/\/$/, "") + req.url, headers: req.headers },
        (up) => {
          const back: Buffer[] = [];
          up.on("data", (c: Buffer) => back.push(c));
          up.on("end", () => {
            const text = Buffer.concat(back).toString("utf8");
            const url = new URL(req.url ?? "/", "http://x");
            const i = url.pathname.indexOf("/identity_");
            const json = /json/.test(String(req.headers["content-type"] ?? ""));
            traffic.push({
              method: req.method ?? "",
              apiPath: url.pathname.slice(i + "/identity_".length),
              query: url.searchParams,
              request: json ? parse(body.toString("utf8")) : undefined,
              status: up.statusCode ?? 0,
              response: /json/.test(String(up.headers["content-type"] ?? "")) ? parse(text) : undefined,
            });
            res.writeHead(up.statusCode ?? 502, up.headers);
            res.end(text);
          });
        },
      );
      out.end(body);
    });
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  settings.set({ ...sb.sandbox.config().env, UIPATH_BASE_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` });

  // One full walk: group lookup, create with groups, read, list by name, update both ways, delete, read after.
  const groups = await uiPathClient(settings.value).listGroups(sb.partitionGlobalId);
  const ids = groups.map((g) => g.id);
  const checked = await h.check(undefined, { name: "openapi-contract-bot", groupIds: ids.slice(0, 1) });
  expect(checked.failures).toEqual([]);
  const { id, outs } = await h.create(checked.inputs);
  await h.read(id, outs);
  await uiPathClient(settings.value).findRobotsByName(sb.partitionGlobalId, "openapi-contract-bot");
  const changed = await h.update(id, outs, { ...checked.inputs, displayName: "Contract bot", groupIds: ids.slice(1, 3) });
  await h.delete(id, changed);
  await h.read(id, changed);
});

afterAll(async () => {
  settings.restart();
  await new Promise((r) => proxy.close(r));
  await sb.sandbox.close();
});

describe("UiPath traffic against the vendor's OpenAPI file", () => {
  const api = () => traffic.filter((t) => t.apiPath.startsWith("/api/"));

  it("covers every operation the resource uses", () => {
    const seen = new Set(api().map((t) => `${t.method} ${operation(t.method, t.apiPath)?.template ?? t.apiPath}`));
    expect([...seen].sort()).toEqual(
      [
        "DELETE /api/RobotAccount/{partitionGlobalId}/{robotAccountId}",
        "GET /api/Group/{partitionGlobalId}",
        "GET /api/RobotAccount/{partitionGlobalId}",
        "GET /api/RobotAccount/{partitionGlobalId}/{robotAccountId}",
        "POST /api/RobotAccount",
        "PUT /api/RobotAccount/{robotAccountId}",
      ].sort(),
    );
  });

  it("every call is an operation of the OpenAPI file", () => {
    expect(api().filter((t) => !operation(t.method, t.apiPath)).map((t) => `${t.method} ${t.apiPath}`)).toEqual([]);
  });

  it("the client's request bodies validate against the request schemas", () => {
    const problems: string[] = [];
    let bodies = 0;
    for (const t of api()) {
      const op = operation(t.method, t.apiPath)!.op;
      const schema = op.requestBody?.content["application/json"]?.schema;
      if (!schema) {
        if (t.request !== undefined) problems.push(`${t.method} ${t.apiPath}: sends a body the operation does not take`);
        continue;
      }
      bodies++;
      problems.push(...openApiProblems(schema, t.request, `${t.method} ${t.apiPath} request`));
    }
    expect(problems).toEqual([]);
    // The create and the update (display name and group deltas) at least.
    expect(bodies).toBeGreaterThanOrEqual(2);
  });

  it("the client's query parameters are declared and in range", () => {
    const problems: string[] = [];
    for (const t of api()) {
      const op = operation(t.method, t.apiPath)!;
      const params = ((spec.paths[op.template] as unknown as { parameters?: Schema[] }).parameters ?? []).concat(((op.op as unknown as { parameters?: Schema[] }).parameters ?? []));
      for (const [k, v] of t.query) {
        const p = params.find((x) => x.name === k && x.in === "query");
        if (!p) problems.push(`${t.method} ${op.template}: query ${k} is not declared`);
        else {
          const s = resolve(p.schema as Schema);
          problems.push(...openApiProblems(s, s.type === "integer" ? Number(v) : v, `${t.method} ${op.template} ?${k}`));
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("the sandbox's answers validate against the response schemas of their status", () => {
    const problems: string[] = [];
    let checkedAnswers = 0;
    for (const t of api().filter((x) => x.status < 300)) {
      const op = operation(t.method, t.apiPath)!.op;
      const declaredStatus = op.responses[String(t.status)];
      if (!declaredStatus) {
        problems.push(`${t.method} ${t.apiPath}: status ${t.status} is not declared`);
        continue;
      }
      const schema = declaredStatus.content?.["application/json"]?.schema;
      if (!schema) {
        if (t.response !== undefined) problems.push(`${t.method} ${t.apiPath}: answers a body where none is declared`);
        continue;
      }
      checkedAnswers++;
      problems.push(...openApiProblems(schema, t.response, `${t.method} ${t.apiPath} ${t.status}`));
    }
    expect(problems).toEqual([]);
    expect(checkedAnswers).toBeGreaterThanOrEqual(5);
  });
});
