import { describe, expect, it } from "vitest";
import { TransportError, VendorError } from "./http/index.js";
import {
  AdoptionError,
  ApiIdentityError,
  ConfigurationError,
  LostCreateError,
  VendorCallError,
  alreadyExists,
  describeFailure,
  vendorCall,
} from "./errors.js";

const notFound = new VendorError({ vendor: "Uptrends", method: "POST", pathTemplate: "/ApiUser", status: 404, vendorMessage: "The specified operator was not found." });
const reset = new TransportError({ vendor: "Uptrends", method: "POST", pathTemplate: "/ApiUser", code: "CONNECTION", detail: "connection reset", outcomeUnknown: true });

describe("describeFailure", () => {
  it("a 401 for tokens that kept expiring does not blame the credentials; a fresh token refused does", () => {
    const init = { vendor: "UiPath", method: "POST", pathTemplate: "/RobotAccount", status: 401, vendorMessage: "Unauthorized" };
    const stale = describeFailure("UiPathRobotAccount", "creating", new VendorError({ ...init, staleToken: true }));
    expect(stale.message).toContain("Tokens expired or were revoked faster than calls completed; run 'pulumi up' again.");
    expect(stale.message).not.toContain("credentials were rejected");
    const fresh = describeFailure("UiPathRobotAccount", "creating", new VendorError(init));
    expect(fresh.message).toContain("The provider credentials were rejected");
  });
  it("a vendor refusal: one line with kind, action, call, vendor message and a hint; keeps the cause", () => {
    const e = describeFailure("UptrendsApiAccount", "creating the API account", notFound);
    expect(e).toBeInstanceOf(VendorCallError);
    expect(e).toBeInstanceOf(ApiIdentityError);
    expect(e.cause).toBe(notFound);
    expect(e.message).toBe(
      "UptrendsApiAccount: creating the API account failed: Uptrends POST /ApiUser failed with HTTP 404: The specified operator was not found. The vendor does not know this object; it may have been deleted out of band (run 'pulumi refresh').",
    );
    expect(e.message).not.toContain("\n");
  });
  it("a transport failure says to check the base URL and network", () => {
    const e = describeFailure("X", "reading", reset);
    expect(e.message).toBe("X: reading failed: Uptrends POST /ApiUser: connection reset. Check the base URL setting and network access to the vendor.");
    expect(e.cause).toBe(reset);
  });
  it("an error already worded for this kind passes unchanged; a setting error keeps its own words", () => {
    const worded = new AdoptionError("X", "7", "gone", "check it");
    expect(describeFailure("X", "adopting", worded)).toBe(worded);
    const config = new ConfigurationError("Uptrends: missing provider setting 'uptrendsUsername'.");
    const e = describeFailure("X", "reading", config);
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toBe("X: Uptrends: missing provider setting 'uptrendsUsername'.");
    expect(e.cause).toBe(config);
  });
  it("vendorCall rethrows as a described failure", async () => {
    await expect(vendorCall("X", "reading", () => Promise.reject(notFound))).rejects.toThrow(/^X: reading failed: Uptrends POST/);
    await expect(vendorCall("X", "reading", () => Promise.resolve(3))).resolves.toBe(3);
  });
});

describe("the shared wording of adoption, lost creates and duplicates", () => {
  it("adoption: importId, the reason and what to do", () => {
    const e = new AdoptionError("K", "42", "Acme has no user with this id", "Check the id, or remove importId to create a new one");
    expect(e.message).toBe('K: importId "42": Acme has no user with this id. Check the id, or remove importId to create a new one.');
    expect(e.importId).toBe("42");
  });
  it("lost create: the action, the lost answer, what happened and what to do; keeps the cause", () => {
    const e = new LostCreateError("K", "creating user 'a'", "no user was made. Run 'pulumi up' again", { cause: reset });
    expect(e.message).toBe("K: creating user 'a' lost its answer (Uptrends POST /ApiUser: connection reset); no user was made. Run 'pulumi up' again.");
    expect(e.cause).toBe(reset);
  });
  it("already exists: the vendor's message, the id to adopt, the alternative", () => {
    const e = alreadyExists("K", "creating user 'a'", notFound, { vendor: "Acme", existing: "a user with this name", id: 9, rename: "choose another username" });
    expect(e.message).toBe(
      "K: creating user 'a' failed: Uptrends POST /ApiUser failed with HTTP 404: The specified operator was not found. A user with this name already exists at Acme (id 9): to manage it, adopt it with importId: \"9\"; otherwise choose another username.",
    );
    expect(e.cause).toBe(notFound);
    expect(alreadyExists("K", "x", notFound, { vendor: "Acme", existing: "an API client with this name", rename: "r" }).message).toContain("An API client with this name");
  });
});
