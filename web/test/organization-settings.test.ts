import { describe, expect, it } from "vitest";
import { matchRoute } from "../src/navigation";
import { memberRequest } from "../src/settings/organization-forms";

describe("organizations settings", () => {
  it("has its own route next to the project settings", () => {
    expect(matchRoute("/settings/organizations")).toEqual({ name: "organizations-settings" });
    expect(matchRoute("/settings/organizations/")).toEqual({ name: "organizations-settings" });
    expect(matchRoute("/settings/project")).toEqual({ name: "project-settings" });
  });

  it("sends a member's password only when one was typed", () => {
    expect(memberRequest("  ada@example.com ", "")).toEqual({ email: "ada@example.com" });
    expect(memberRequest("ada@example.com", "correct horse")).toEqual({ email: "ada@example.com", password: "correct horse" });
  });
});
