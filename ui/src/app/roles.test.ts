import { describe, expect, it } from "vitest";
import { rolesUpTo } from "./roles";

describe("rolesUpTo", () => {
  it("lists the granted role and every role ranked below it, highest first", () => {
    expect(rolesUpTo("admin")).toEqual(["admin", "developer", "support", "troubleshooter"]);
    expect(rolesUpTo("developer")).toEqual(["developer", "support", "troubleshooter"]);
    expect(rolesUpTo("support")).toEqual(["support", "troubleshooter"]);
    expect(rolesUpTo("troubleshooter")).toEqual(["troubleshooter"]);
  });
});
