import { describe, expect, it } from "vitest";
import { parseNok } from "../../src/case/money.js";

const nok = (input: string | number) => {
  const r = parseNok(input);
  return r.ok ? r.nok.toString() : r.problem;
};

describe("parseNok", () => {
  it("reads NOK, kr and plain numbers", () => {
    expect(nok("180000 NOK")).toBe("180000");
    expect(nok("180000 kr")).toBe("180000");
    expect(nok("1500.50")).toBe("1500.5");
    expect(nok(2500)).toBe("2500");
    expect(nok("99nok")).toBe("99");
  });
  it("refuses other currencies, text, negative and huge amounts", () => {
    expect(nok("5 EUR")).toBe("money-syntax");
    expect(nok("lots")).toBe("money-syntax");
    // a number written with group spaces is told apart from text: the message can say how to write it
    expect(nok("1 234 kr")).toBe("number-format");
    expect(nok("12,5 kr")).toBe("number-format");
    expect(nok("-3")).toBe("negative");
    expect(nok(-3)).toBe("negative");
    expect(nok("2e15")).toBe("too-large");
  });
});
