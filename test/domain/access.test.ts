import { describe, expect, it } from "vitest";
import { mayCreateIncident, mayWriteForUnit } from "../../src/domain/access";

describe("who may write", () => {
  it("lets an admin act for any unit, an editor for their own unit only, and a viewer for none", () => {
    expect(mayWriteForUnit({ role: "admin", unitId: "hq" }, "water")).toBe(true);
    expect(mayWriteForUnit({ role: "editor", unitId: "water" }, "water")).toBe(true);
    expect(mayWriteForUnit({ role: "editor", unitId: "water" }, "hospital")).toBe(false);
    expect(mayWriteForUnit({ role: "viewer", unitId: "water" }, "water")).toBe(false);
  });

  it("lets admins and editors open incidents, not viewers", () => {
    expect(mayCreateIncident({ role: "editor", unitId: "hospital" })).toBe(true);
    expect(mayCreateIncident({ role: "viewer", unitId: "hq" })).toBe(false);
  });
});
