import { describe, expect, it } from "vitest";
import { readDate, readOrgNumber, readYear } from "../../src/ledger/ledger-line.js";

describe("readDate: the date forms a ledger holds", () => {
  it("reads ISO, Norwegian with and without leading zeros, slashes, compact and a time after the date", () => {
    expect(readDate("2025-03-31")).toBe("2025-03-31");
    expect(readDate("2025-3-1")).toBe("2025-03-01");
    expect(readDate("31.03.2025")).toBe("2025-03-31");
    expect(readDate("31.3.2025")).toBe("2025-03-31");
    expect(readDate("1.3.2025")).toBe("2025-03-01");
    expect(readDate("31/03/2025")).toBe("2025-03-31");
    expect(readDate("20250331")).toBe("2025-03-31");
    expect(readDate("2025-03-31T00:00:00")).toBe("2025-03-31");
    expect(readDate("2025-03-31 12:00")).toBe("2025-03-31");
    expect(readDate(" 31.03.2025 ")).toBe("2025-03-31");
  });
  it("reads a workbook's date and its serial number (days since 1899-12-30)", () => {
    expect(readDate(new Date(Date.UTC(2025, 2, 31)))).toBe("2025-03-31");
    expect(readDate(45747)).toBe("2025-03-31"); // 1899-12-30 + 45 747 days
  });
  it("refuses dates that do not exist and text that is no date", () => {
    expect(readDate("2025-02-29")).toBeNull();
    expect(readDate("29.02.2025")).toBeNull();
    expect(readDate("29.02.2024")).toBe("2024-02-29");
    expect(readDate("31.04.2025")).toBeNull();
    expect(readDate("2025-13-01")).toBeNull();
    expect(readDate("mars 2025")).toBeNull();
    expect(readDate("31.03.25")).toBeNull();
    expect(readDate(45747.5)).toBeNull();
  });
});

describe("readYear and readOrgNumber", () => {
  it("reads a four-digit year as text or number", () => {
    expect(readYear("2025")).toBe(2025);
    expect(readYear(2025)).toBe(2025);
    expect(readYear("25")).toBeNull();
    expect(readYear("2025/26")).toBeNull();
  });
  it("reads nine digits once spaces, NO and MVA are taken out", () => {
    expect(readOrgNumber("912345678")).toBe("912345678");
    expect(readOrgNumber("912 345 678")).toBe("912345678");
    expect(readOrgNumber("NO 912 345 678 MVA")).toBe("912345678");
    expect(readOrgNumber("no912345678mva")).toBe("912345678");
    expect(readOrgNumber("91234567")).toBeNull();
    expect(readOrgNumber("SE5561234567")).toBeNull();
  });
});
