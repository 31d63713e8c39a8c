// Wire ↔ resource mappers of ControlRoomUser.
import { describe, expect, it } from "vitest";
import type { Inputs } from "./inputs.js";
import { inputsOf, isFromCreate, liveInputs, toBody, toOutputs } from "./mappers.js";
import type { UserBody, WireUser } from "./wire.js";

const user: WireUser = {
  id: 2075,
  username: "svc-bot",
  domain: null,
  firstName: "Svc",
  lastName: null,
  email: "svc@example.com",
  description: null,
  version: 0,
  deleted: false,
  roles: [{ name: "Bot_Runner", id: 26 }, { name: "AAE_Basic", id: 2 }],
  licenseFeatures: ["DEVELOPMENT", "RUNTIME"],
  emailVerified: false,
  passwordSet: true,
  enableAutoLogin: false,
  disabled: false,
  createdBy: 1,
  createdOn: "2024-05-01T10:00:00.500Z",
  updatedOn: "2024-05-01T10:00:00.500Z",
};
const prior: Inputs = { username: "svc-bot", email: "svc@example.com", password: "Passw0rd!", roles: ["aae_basic", "Bot_Runner"], firstName: "Svc", disabled: false, licenseFeatures: ["RUNTIME", "DEVELOPMENT"], importId: "2075" };

describe("toBody", () => {
  it("create: every field, username, domain and the password", () => {
    expect(toBody(prior, [2, 26], { create: true, password: true })).toEqual({
      username: "svc-bot", domain: null, email: "svc@example.com", password: "Passw0rd!", roles: [{ id: 2 }, { id: 26 }],
      firstName: "Svc", lastName: null, description: null, disabled: false, enableAutoLogin: false, licenseFeatures: ["RUNTIME", "DEVELOPMENT"],
    });
  });
  it("update: the username unchanged (mandatory on older Control Rooms), no domain, password only when asked", () => {
    const b = toBody(prior, [2], { create: false, password: false });
    expect(b).toEqual({
      username: "svc-bot", email: "svc@example.com", roles: [{ id: 2 }],
      firstName: "Svc", lastName: null, description: null, disabled: false, enableAutoLogin: false, licenseFeatures: ["RUNTIME", "DEVELOPMENT"],
    });
    expect(b).not.toHaveProperty("domain");
    expect(b).not.toHaveProperty("password");
    expect(toBody(prior, [2], { create: false, password: true }).password).toBe("Passw0rd!");
  });
});

describe("liveInputs / toOutputs", () => {
  it("an unchanged user gives back exactly the program's inputs (spelling, order, write-only values)", () => {
    expect(liveInputs(user, prior)).toEqual(prior);
  });
  it("real changes come from the vendor", () => {
    const changed: WireUser = { ...user, roles: [{ name: "AAE_Admin", id: 1 }], licenseFeatures: [], description: "x", enableAutoLogin: true, email: "o@example.com" };
    expect(liveInputs(changed, prior)).toEqual({ ...prior, roles: ["AAE_Admin"], licenseFeatures: [], description: "x", enableAutoLogin: true, email: "o@example.com" });
  });
  it("leaves out vendor defaults the program left out", () => {
    const { licenseFeatures: _l, firstName: _f, ...p } = prior;
    const i = liveInputs({ ...user, licenseFeatures: [], firstName: null }, p);
    expect(i).not.toHaveProperty("licenseFeatures");
    expect(i).not.toHaveProperty("enableAutoLogin");
    expect(i).not.toHaveProperty("firstName");
  });
  it("outputs add id, role ids in the order of roles, and vendor facts", () => {
    const o = toOutputs(user, prior);
    expect(o).toMatchObject({ userId: "2075", roleIds: [2, 26], passwordSet: true, emailVerified: false, createdOn: user.createdOn, password: "Passw0rd!" });
    expect(inputsOf({ ...o, __provider: "p" } as never)).toEqual(prior);
  });
});

describe("isFromCreate", () => {
  const body: UserBody = toBody(prior, [2, 26], { create: true, password: true });
  const opts = { startedMs: Date.parse("2024-05-01T10:00:00.000Z"), callerId: 1, skewMs: 2000 };
  it("takes the exact user made by us after the request started", () => {
    expect(isFromCreate(user, body, opts)).toBe(true);
  });
  it("refuses anything that is not provably ours", () => {
    expect(isFromCreate({ ...user, createdOn: "2024-05-01T09:59:57.000Z" }, body, opts)).toBe(false);
    expect(isFromCreate({ ...user, createdBy: 7 }, body, opts)).toBe(false);
    expect(isFromCreate({ ...user, version: 1 }, body, opts)).toBe(false);
    expect(isFromCreate({ ...user, email: "else@example.com" }, body, opts)).toBe(false);
    expect(isFromCreate({ ...user, roles: [{ id: 2, name: "AAE_Basic" }] }, body, opts)).toBe(false);
    expect(isFromCreate({ ...user, passwordSet: false }, body, opts)).toBe(false);
    expect(isFromCreate({ ...user, createdOn: null }, body, opts)).toBe(false);
  });
});
