import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { declarationOf } from "../declare.js";
import { CreatedButFailedError } from "../error-root.js";
import { handlerFor } from "../handlers.js";
import { FUNCTION_TOKENS } from "./invoke.js";
import { packageRoot } from "./package-info.js";
import { any, grpc, provider, status } from "./proto.js";
import { grpcFailure } from "./server.js";
import { fromStruct, secret } from "./struct.js";
import { kindOfPluginToken } from "./urn.js";

describe("grpcFailure", () => {
  it("a plain failure is UNKNOWN with the handler's own message and no details", () => {
    const f = grpcFailure(new Error("UptrendsApiAccount: creating API account failed: 401 Unauthorized."));
    expect(f.code).toBe(grpc.status.UNKNOWN);
    expect(f.details).toBe("UptrendsApiAccount: creating API account failed: 401 Unauthorized.");
    expect(f.metadata?.get("grpc-status-details-bin")).toEqual([]);
  });

  it("a failure that names the identity it made is ErrorResourceInitFailed with its id and properties, secrets marked", () => {
    const e = new CreatedButFailedError("IseApiUser: assigning roles failed", "10005", { accountId: "10005", password: "pw" });
    const f = grpcFailure(e, (p) => ({ ...p, password: secret(p.password) }));
    const [bin] = f.metadata!.get("grpc-status-details-bin") as Buffer[];
    const st = status.Status.deserializeBinary(new Uint8Array(bin!));
    expect(st.getMessage()).toBe("IseApiUser: assigning roles failed");
    const detail = st.getDetailsList()[0] as InstanceType<typeof any.Any>;
    expect(detail.getTypeName()).toBe("pulumirpc.ErrorResourceInitFailed");
    const init = provider.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
    expect(init.getId()).toBe("10005");
    expect(init.getReasonsList()).toEqual(["IseApiUser: assigning roles failed"]);
    expect(fromStruct(init.getProperties())).toEqual({ accountId: "10005", password: secret("pw") });
  });
});

describe("the tokens schema.json declares are the ones the plugin serves", () => {
  const schema = JSON.parse(readFileSync(join(packageRoot, "schema.json"), "utf8")) as { resources: Record<string, unknown>; functions: Record<string, unknown> };

  it("every resource token names a shipped kind with its declaration and handler", () => {
    const tokens = Object.keys(schema.resources);
    expect(tokens).toHaveLength(5);
    for (const t of tokens) {
      const kind = kindOfPluginToken(t);
      expect(declarationOf(kind), t).toBeDefined();
      expect(handlerFor(kind).kind).toBe(kind);
    }
  });

  it("every function token is a lookup Invoke answers, and no other", () => {
    expect([...FUNCTION_TOKENS].sort()).toEqual(Object.keys(schema.functions).sort());
  });
});
