import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../resource.js";
import { fromStruct, holdsSecret, RESOURCE_SIG, reveal, secret, SECRET_SIG, SIG_KEY, toStruct, unwrap, withSecrets } from "./struct.js";

describe("Struct conversion", () => {
  it("round-trips nested objects, arrays, null, numbers, booleans and the unknown sentinel", () => {
    const values = { a: "x", n: 3.5, b: false, nil: null, list: [1, "two", { three: [true] }], nested: { deep: { v: UNKNOWN } } };
    expect(fromStruct(toStruct(values))).toEqual(values);
  });

  it("leaves undefined values out (a Struct cannot hold them), in objects and arrays", () => {
    expect(fromStruct(toStruct({ a: undefined, b: { c: undefined, d: 1 }, e: [undefined, 2] }))).toEqual({ b: { d: 1 }, e: [2] });
  });

  it("keeps a secret's signature on the wire", () => {
    expect(fromStruct(toStruct({ p: secret("s3cret") }))).toEqual({ p: { [SIG_KEY]: SECRET_SIG, value: "s3cret" } });
  });

  it("reads an absent Struct as no properties", () => {
    expect(fromStruct(undefined)).toEqual({});
  });
});

describe("secrets", () => {
  it("unwrap reveals secrets at any depth and names the top-level properties that held one", () => {
    const r = unwrap({ password: secret("pw"), scopes: [{ name: secret("n") }, { name: "m" }], plain: "x", nothing: null });
    expect(r.values).toEqual({ password: "pw", scopes: [{ name: "n" }, { name: "m" }], plain: "x", nothing: null });
    expect([...r.secrets].sort()).toEqual(["password", "scopes"]);
  });

  it("a secret holding an object is revealed whole", () => {
    expect(reveal(secret({ a: secret(1), b: [2] }))).toEqual({ a: 1, b: [2] });
  });

  it("withSecrets wraps the named properties that are set, once, and leaves the others", () => {
    const out = withSecrets({ password: "pw", already: secret("x"), empty: undefined, nil: null, plain: "p" }, ["password", "already", "empty", "nil", "missing"]);
    expect(out).toEqual({ password: secret("pw"), already: secret("x"), empty: undefined, nil: null, plain: "p" });
    expect(holdsSecret(out.password)).toBe(true);
    expect(holdsSecret(out.plain)).toBe(false);
  });

  it("a secret wrapping nothing is an absent value (ignoreChanges on a property the old state lacks)", () => {
    // The engine keeps the old value of an ignored property and wraps it as the new one was: a secret
    // of nothing when state has no such property (e.g. an Ivanti password after pulumi import).
    const empty = { [SIG_KEY]: SECRET_SIG };
    const r = unwrap({ password: empty, nil: secret(null), emailAddress: "a@example.com", nested: { x: empty, y: secret("s") } });
    expect(r.values).toEqual({ emailAddress: "a@example.com", nested: { y: "s" } });
    expect(r.values).not.toHaveProperty("password");
    expect(r.values).not.toHaveProperty("nil");
    expect([...r.secrets]).toEqual(["nested"]);
    // Through the wire form as the engine sends it.
    expect(unwrap(fromStruct(toStruct({ password: empty }))).values).toEqual({});
    // A plain null stays null (a property cleared on purpose).
    expect(unwrap({ nothing: null }).values).toEqual({ nothing: null });
  });

  it("an unknown value stays the plain sentinel, also inside a secret", () => {
    expect(unwrap({ a: UNKNOWN, b: secret(UNKNOWN) }).values).toEqual({ a: UNKNOWN, b: UNKNOWN });
  });
});

describe("resource references", () => {
  it("are taken as the id of the resource they name, or its URN while it has none", () => {
    const urn = "urn:pulumi:dev::p::apiidentity:index:UptrendsApiAccount::a";
    expect(reveal({ [SIG_KEY]: RESOURCE_SIG, urn, id: "guid-1" })).toBe("guid-1");
    expect(reveal({ [SIG_KEY]: RESOURCE_SIG, urn, id: "" })).toBe(urn);
    expect(reveal([{ [SIG_KEY]: RESOURCE_SIG, urn, id: "g" }])).toEqual(["g"]);
  });
});
