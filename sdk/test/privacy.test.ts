import { describe, expect, it } from "vitest";
import type { PrivacySettings } from "../src/capture-settings";
import type { ElementLike } from "../src/privacy";
import { createPrivacyRules, isSensitiveField, maskCharacters, scrubSensitiveText } from "../src/privacy";

/** A fake element: its own attributes and the selectors that match it or an ancestor. */
function element(tagName: string, attributes: Record<string, string> = {}, closestMatches: string[] = []): ElementLike {
  return {
    tagName: tagName.toUpperCase(),
    getAttribute: (name) => attributes[name] ?? null,
    closest: (selector) => (selector.split(",").some((part) => closestMatches.includes(part.trim())) ? {} : null),
  };
}

function rules(level: PrivacySettings["level"], overrides: Partial<PrivacySettings> = {}) {
  return createPrivacyRules({ level, blockSelectors: [], maskSelectors: [], unmaskSelectors: [], ...overrides });
}

describe("masking text", () => {
  it("keeps length and spaces", () => {
    expect(maskCharacters("Ada Lovelace")).toBe("*** ********");
    expect(maskCharacters(" a\tb\n")).toBe(" *\t*\n");
  });

  it("masks all text only at the conservative level", () => {
    const paragraph = element("p");
    expect(rules("conservative").isTextMasked(paragraph)).toBe(true);
    expect(rules("medium").isTextMasked(paragraph)).toBe(false);
    expect(rules("light").isTextMasked(paragraph)).toBe(false);
    expect(rules("conservative").maskTextSelector).toBe("*");
  });

  it("masks amp-mask, data-amp-mask and mask selectors at every level, before amp-unmask", () => {
    for (const level of ["light", "medium", "conservative"] as const) {
      expect(rules(level).isTextMasked(element("p", {}, [".amp-mask"]))).toBe(true);
      expect(rules(level).isTextMasked(element("p", {}, ["[data-amp-mask]"]))).toBe(true);
      expect(rules(level, { maskSelectors: [".secret"] }).isTextMasked(element("p", {}, [".secret"]))).toBe(true);
      expect(rules(level).isTextMasked(element("p", {}, [".amp-mask", ".amp-unmask"]))).toBe(true);
    }
    expect(rules("conservative").isTextMasked(element("p", {}, [".amp-unmask"]))).toBe(false);
    expect(rules("conservative", { unmaskSelectors: ["#public"] }).isTextMasked(element("p", {}, ["#public"]))).toBe(false);
  });

  it("treats contenteditable text as typed text from the medium level on", () => {
    const editor = element("div", {}, ['[contenteditable]:not([contenteditable=false])']);
    expect(rules("medium").isTextMasked(editor)).toBe(true);
    expect(rules("light").isTextMasked(editor)).toBe(false);
  });

  it("survives an invalid selector from the settings", () => {
    const throwing: ElementLike = { tagName: "P", getAttribute: () => null, closest: () => { throw new SyntaxError("bad selector"); } };
    expect(rules("medium", { maskSelectors: ["[[["] }).isTextMasked(throwing)).toBe(false);
  });

  it("scrubs card numbers, social security numbers and emails from analytics texts", () => {
    expect(scrubSensitiveText("Card 4111 1111 1111 1111, SSN 123-45-6789, mail ada@example.com ok")).toBe("Card *****, SSN *****, mail ***** ok");
  });
});

describe("masking field values", () => {
  const textInput = element("input", { type: "text", name: "nickname" });

  it("masks every field at medium and conservative", () => {
    expect(rules("medium").maskInputValue("Ada", textInput)).toBe("***");
    expect(rules("conservative").maskInputValue("Ada", textInput)).toBe("***");
  });

  it("masks only passwords, hidden, card-like, email and phone fields at light", () => {
    const light = rules("light");
    expect(light.maskInputValue("Ada", textInput)).toBe("Ada");
    expect(light.maskInputValue("a@b.c", element("input", { type: "email" }))).toBe("*****");
    expect(light.maskInputValue("555", element("input", { type: "tel" }))).toBe("***");
    expect(light.maskInputValue("x", element("input", { type: "password" }))).toBe("*");
    expect(light.maskInputValue("token", element("input", { type: "hidden" }))).toBe("*****");
    expect(light.maskInputValue("4111", element("input", { autocomplete: "cc-number" }))).toBe("****");
    expect(light.maskInputValue("123", element("input", { name: "cvv" }))).toBe("***");
    expect(light.maskInputValue("4111 1111 1111 1111", textInput)).toBe("**** **** **** ****");
  });

  it("shows amp-unmask fields, but never passwords, card fields or card numbers", () => {
    const medium = rules("medium");
    expect(medium.maskInputValue("Ada", element("input", {}, [".amp-unmask"]))).toBe("Ada");
    expect(medium.maskInputValue("pw", element("input", { type: "password" }, [".amp-unmask"]))).toBe("**");
    expect(medium.maskInputValue("4242424242424242", element("input", {}, [".amp-unmask"]))).toBe("****************");
    expect(medium.maskInputValue("Ada", element("input", {}, [".amp-unmask", ".amp-mask"]))).toBe("***");
  });

  it("recognises sensitive fields by type, autocomplete and name", () => {
    expect(isSensitiveField(element("input", { type: "PASSWORD" }))).toBe(true);
    expect(isSensitiveField(element("input", { autocomplete: "shipping cc-exp" }))).toBe(true);
    expect(isSensitiveField(element("input", { id: "card-number" }))).toBe(true);
    expect(isSensitiveField(element("input", { name: "security_code" }))).toBe(true);
    expect(isSensitiveField(element("input", { name: "discount-card-holder" }))).toBe(false);
    expect(isSensitiveField(element("input", { name: "email" }))).toBe(false);
  });

  it("blocks amp-block and the block selectors", () => {
    const blocking = rules("light", { blockSelectors: ["#ads"] });
    expect(blocking.blockSelector).toBe(".amp-block,#ads");
    expect(blocking.isBlocked(element("div", {}, ["#ads"]))).toBe(true);
    expect(blocking.isBlocked(element("div"))).toBe(false);
  });
});
