import { describe, expect, it } from "vitest";
import { amountFromNumber, parseAmountOre } from "../../src/ledger/amount.js";

const ore = (text: string) => {
  const read = parseAmountOre(text);
  return read.ok ? read.ore : read.reason;
};

describe("parseAmountOre: Norwegian ledger amounts in whole øre, exactly", () => {
  it("reads the forms Norwegian Excel and ERPs write", () => {
    expect(ore("1 234,50")).toBe(123450);
    expect(ore("1\u00a0234,50")).toBe(123450); // nb-NO's no-break space
    expect(ore("1\u202f234,50")).toBe(123450); // narrow no-break space
    expect(ore("1.234,50")).toBe(123450);
    expect(ore("1 234 567,5")).toBe(123456750);
    expect(ore("1234")).toBe(123400);
    expect(ore("0,07")).toBe(7);
    expect(ore(",5")).toBe(50);
    expect(ore("  12 345,67  ")).toBe(1234567);
  });
  it("reads credit notes as negative: minus, U+2212, trailing minus, parentheses", () => {
    expect(ore("-1234,5")).toBe(-123450);
    expect(ore("\u22121 234,00")).toBe(-123400);
    expect(ore("1234,50-")).toBe(-123450);
    expect(ore("(1 234,50)")).toBe(-123450);
    expect(ore("+100")).toBe(10000);
    expect(ore("-0,00")).toBe(0);
    expect(Object.is(ore("-0,00"), -0)).toBe(false);
  });
  it("takes kr, kr. and NOK away before or after the number", () => {
    expect(ore("kr 1 234,50")).toBe(123450);
    expect(ore("1 234,50 kr")).toBe(123450);
    expect(ore("NOK 99,90")).toBe(9990);
    expect(ore("99,90 NOK")).toBe(9990);
    expect(ore("kr. 10")).toBe(1000);
    expect(ore("-kr 10,00")).toBe(-1000);
    expect(ore("kr -10,00")).toBe(-1000);
  });
  it("reads a machine export's decimal point, and a single point before three digits as thousands", () => {
    expect(ore("1234.50")).toBe(123450);
    expect(ore("1234.5")).toBe(123450);
    expect(ore("1,234.50")).toBe(123450);
    expect(ore("-1234.5")).toBe(-123450);
    // an amount in kroner has at most two decimals: three digits after a lone point are a group
    expect(ore("1.234")).toBe(123400);
    expect(ore("1.234.567")).toBe(123456700);
    // a lone comma is the decimal sign, whatever follows
    expect(ore("1,234")).toBe(123);
  });
  it("rounds more than two decimals half away from zero to whole øre", () => {
    expect(ore("0,125")).toBe(13); // 12.5 øre → 13
    expect(ore("-0,125")).toBe(-13);
    expect(ore("0,1249")).toBe(12);
    expect(ore("1234.5000001")).toBe(123450);
    expect(ore("0,995")).toBe(100);
  });
  it("refuses what is no amount, and says which", () => {
    expect(ore("")).toBe("amount-missing");
    expect(ore("   ")).toBe("amount-missing");
    expect(ore("abc")).toBe("amount-unreadable");
    expect(ore("12 34,50")).toBe("amount-unreadable"); // a group of two
    expect(ore("1 2345,50")).toBe("amount-unreadable");
    expect(ore("1,2,3,4")).toBe("amount-unreadable");
    expect(ore("1 234,")).toBe("amount-unreadable");
    expect(ore("1.234 567,00")).toBe("amount-unreadable"); // two kinds of group separator
    expect(ore("12a")).toBe("amount-unreadable");
    expect(ore("-")).toBe("amount-unreadable");
    expect(ore("kr")).toBe("amount-unreadable");
  });
  it("refuses an amount beyond 10^13 øre", () => {
    expect(ore("100 000 000 000,00")).toBe(10_000_000_000_000); // 10^11 kr = 10^13 øre: the limit itself
    expect(ore("100 000 000 000,01")).toBe("amount-too-large");
    expect(ore("-999999999999999999999")).toBe("amount-too-large");
  });
});

describe("amountFromNumber: a workbook's number cell", () => {
  it("reads the number's decimal text, never multiplying the float", () => {
    expect(amountFromNumber(1234.5)).toEqual({ ok: true, ore: 123450 });
    expect(amountFromNumber(0.1 + 0.2)).toEqual({ ok: true, ore: 30 }); // 0.30000000000000004
    expect(amountFromNumber(1.005)).toEqual({ ok: true, ore: 101 }); // 1.005 × 100 in floats is 100.49999…
    expect(amountFromNumber(-2.675)).toEqual({ ok: true, ore: -268 });
    expect(amountFromNumber(1.234)).toEqual({ ok: true, ore: 123 }); // a point in a number is always decimal
    expect(amountFromNumber(1e15)).toEqual({ ok: false, reason: "amount-too-large" });
  });
});
