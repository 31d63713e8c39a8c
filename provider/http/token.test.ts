// tokenAuth: the one bearer-token helper of Verify, UiPath and the Control Room.
import { describe, expect, it } from "vitest";
import { tokenAuth, type IssuedToken } from "./token.js";

function issuer() {
  let n = 0;
  const waiting: ((t: IssuedToken) => void)[] = [];
  return {
    get fetches() {
      return n;
    },
    /** Answers every fetch at once with a fresh token. */
    instant: async (): Promise<IssuedToken> => ({ token: `tok-${++n}`, expiresInSeconds: 3600 }),
    /** Answers only when `release` is called. */
    held: (): Promise<IssuedToken> => {
      n++;
      return new Promise((r) => waiting.push(r));
    },
    release: () => waiting.splice(0).forEach((r, i) => r({ token: `held-${i + 1}`, expiresInSeconds: 3600 })),
  };
}

describe("tokenAuth", () => {
  it("concurrent callers share one fetch", async () => {
    const t = issuer();
    const auth = tokenAuth({ fetch: t.held, header: (token) => ({ authorization: `Bearer ${token}` }) });
    const all = Promise.all([auth.headers(), auth.headers(), auth.token()]);
    t.release();
    expect(await all).toEqual([{ authorization: "Bearer held-1" }, { authorization: "Bearer held-1" }, "held-1"]);
    expect(t.fetches).toBe(1);
    await auth.headers();
    expect(t.fetches).toBe(1);
  });

  it("invalidate (after a 401) leads to exactly one new fetch, however many callers follow", async () => {
    const t = issuer();
    const auth = tokenAuth({ fetch: t.instant, header: (token) => ({ "x-authorization": token }) });
    expect(await auth.headers()).toEqual({ "x-authorization": "tok-1" });
    auth.invalidate({ "x-authorization": "tok-1" });
    expect(await Promise.all([auth.headers(), auth.headers(), auth.headers()])).toEqual(Array(3).fill({ "x-authorization": "tok-2" }));
    expect(t.fetches).toBe(2);
  });

  it("a 401 for a token no longer in use drops nothing: a late refusal never throws away a fresh token", async () => {
    const t = issuer();
    const auth = tokenAuth({ fetch: t.instant, header: (token) => ({ authorization: `Bearer ${token}` }) });
    const first = await auth.headers();
    auth.invalidate(first);
    expect(await auth.headers()).toEqual({ authorization: "Bearer tok-2" });
    // Requests sent with tok-1 before the renewal come back refused, one by one.
    auth.invalidate(first);
    auth.invalidate({ authorization: "Bearer tok-1" });
    expect(await Promise.all([auth.headers(), auth.token()])).toEqual([{ authorization: "Bearer tok-2" }, "tok-2"]);
    expect(t.fetches).toBe(2);
    // A refusal while the renewal is still under way drops nothing either.
    const held = issuer();
    const late = tokenAuth({ fetch: held.held, header: (token) => ({ a: token }) });
    const pending = late.headers();
    late.invalidate({ a: "never-issued" });
    held.release();
    expect(await pending).toEqual({ a: "held-1" });
    late.invalidate({ a: "something-else" });
    expect(await late.headers()).toEqual({ a: "held-1" });
    expect(held.fetches).toBe(1);
  });

  it("acquire says whether the call waited for a fetch (started or joined one) or took the cached token", async () => {
    const t = issuer();
    const auth = tokenAuth({ fetch: t.held, header: (token) => ({ a: token }) });
    const both = Promise.all([auth.acquire(), auth.acquire()]);
    t.release();
    expect(await both).toEqual([
      { headers: { a: "held-1" }, fetched: true },
      { headers: { a: "held-1" }, fetched: true },
    ]);
    expect(await auth.acquire()).toEqual({ headers: { a: "held-1" }, fetched: false });
    auth.invalidate({ a: "held-1" });
    const next = auth.acquire();
    t.release();
    expect(await next).toEqual({ headers: { a: "held-1" }, fetched: true });
    expect(t.fetches).toBe(2);
  });

  it("renews early: a token within earlyRefreshSeconds of its expiry is fetched again", async () => {
    let now = 0;
    let n = 0;
    const auth = tokenAuth({ fetch: async () => ({ token: `t${++n}`, expiresInSeconds: 100 }), header: (t) => ({ a: t }), earlyRefreshSeconds: 30, now: () => now });
    expect(await auth.token()).toBe("t1");
    now = 69_000;
    expect(await auth.token()).toBe("t1");
    now = 70_001;
    expect(await auth.token()).toBe("t2");
  });

  it("names the token and the credentials among the secrets to redact, once a token is held", async () => {
    const t = issuer();
    const auth = tokenAuth({ fetch: t.instant, header: (token) => ({ authorization: `Bearer ${token}` }), credentials: () => ["client-secret-1"] });
    expect(auth.secrets()).toEqual(["client-secret-1"]);
    expect(auth.cached()).toBeUndefined();
    await auth.headers();
    expect(auth.secrets()).toEqual(["client-secret-1", "tok-1"]);
  });

  it("a failed fetch is not cached: the next caller fetches again", async () => {
    let n = 0;
    const auth = tokenAuth({
      fetch: async () => {
        if (++n === 1) throw new Error("token endpoint down");
        return { token: "ok", expiresInSeconds: 60 };
      },
      header: (t) => ({ a: t }),
    });
    await expect(auth.headers()).rejects.toThrow("token endpoint down");
    expect(await auth.headers()).toEqual({ a: "ok" });
  });
});
