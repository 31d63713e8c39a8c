// roleNames turns ControlRoomUser roles (names or looked-up roles) into names, and leaves a value that
// is not a list to the resource's check, which names the property, instead of crashing the program.
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { roleNames } from "./lookups.js";

const valueOf = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply((v) => (resolve(v), v)));

describe("roleNames", () => {
  it("maps looked-up roles to their names and keeps names", async () => {
    expect(await valueOf(roleNames(["AAE_Basic", { id: 9, name: "Bot_Runner", description: "" }])!)).toEqual(["AAE_Basic", "Bot_Runner"]);
  });

  it("passes a value that is not a list through unchanged, for check to refuse", async () => {
    const notAList = "AAE_Basic" as unknown as string[];
    expect(await valueOf(roleNames(notAList)!)).toBe("AAE_Basic");
  });
});
