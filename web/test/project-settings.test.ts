import { describe, expect, it } from "vitest";
import type { ProjectWithSettings } from "../src/api/project-settings-types";
import { draftToUpdate, percentTextToRate, projectToDraft, rateToPercentText, textToSelectors } from "../src/settings/settings-draft";

const project: ProjectWithSettings = {
  id: 1,
  name: "Demo Shop",
  api_key: "key",
  retention_days: 90,
  settings: {
    replay_capture_enabled: true,
    replay_sample_rate: 0.255,
    privacy_level: "medium",
    privacy_block_selectors: [".ads"],
    privacy_mask_selectors: [],
    privacy_unmask_selectors: [".price", ".sku"],
    console_capture_enabled: true,
    console_levels: ["log", "info", "warn", "error"],
    network_capture_enabled: true,
    interaction_capture_enabled: false,
  },
};

describe("the replay settings form", () => {
  it("shows the rate as a percentage and selectors one per line", () => {
    const draft = projectToDraft(project);
    expect(draft.sampleRatePercent).toBe("25.5");
    expect(draft.blockSelectors).toBe(".ads");
    expect(draft.unmaskSelectors).toBe(".price\n.sku");
    expect(draft.retentionDays).toBe(90);
  });

  it("sends back what the form shows, selectors trimmed and blank lines dropped", () => {
    const draft = { ...projectToDraft(project), sampleRatePercent: "10", maskSelectors: "  .secret \n\n#card\n", consoleCaptureEnabled: false, retentionDays: 30 };
    const converted = draftToUpdate(draft);
    expect(converted).toEqual({
      update: {
        retention_days: 30,
        settings: {
          replay_capture_enabled: true,
          replay_sample_rate: 0.1,
          privacy_level: "medium",
          privacy_block_selectors: [".ads"],
          privacy_mask_selectors: [".secret", "#card"],
          privacy_unmask_selectors: [".price", ".sku"],
          console_capture_enabled: false,
          interaction_capture_enabled: false,
        },
      },
    });
  });

  it("refuses a rate outside 0 to 100 %", () => {
    expect(percentTextToRate("100")).toBe(1);
    expect(percentTextToRate("0")).toBe(0);
    expect(percentTextToRate("12.5 %")).toBe(0.125);
    expect(typeof percentTextToRate("101")).toBe("string");
    expect(typeof percentTextToRate("-1")).toBe("string");
    expect(typeof percentTextToRate("")).toBe("string");
    expect(typeof percentTextToRate("lots")).toBe("string");
    expect(rateToPercentText(1)).toBe("100");
    expect(textToSelectors("\n \n")).toEqual([]);
  });
});
