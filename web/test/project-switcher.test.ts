import { describe, expect, it } from "vitest";
import { pickCurrentProject } from "../src/components/project-switcher";
import type { Project } from "../src/api/types";

const projects: Project[] = [
  { id: 1, name: "Demo Shop", api_key: "a", organization_id: 1 },
  { id: 7, name: "Acme Web", api_key: "b", organization_id: 2 },
];

describe("the current project", () => {
  it("is the stored one while the user may access it, else the first", () => {
    expect(pickCurrentProject(projects, 7)?.name).toBe("Acme Web");
    expect(pickCurrentProject(projects, 99)?.name).toBe("Demo Shop");
    expect(pickCurrentProject(projects, null)?.name).toBe("Demo Shop");
    expect(pickCurrentProject([], 7)).toBeUndefined();
  });
});
