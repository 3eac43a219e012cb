import { describe, expect, it } from "vitest";
import { occurrenceYears, yearOf } from "../../src/core/occurrences.js";

describe("occurrenceYears (CASE-FORMAT: every / at / end)", () => {
  it("without every occurs once, in year at", () => {
    expect(occurrenceYears({ at: 3 }, 10, 0)).toEqual([3]);
  });
  it("without every or at uses the kind's default: year 0, or end = year N", () => {
    expect(occurrenceYears({}, 10, 0)).toEqual([0]);
    expect(occurrenceYears({}, 10, "end")).toEqual([10]);
  });
  it("'end' means year N", () => {
    expect(occurrenceYears({ at: "end" }, 7, 0)).toEqual([7]);
    expect(yearOf("end", 7)).toBe(7);
    expect(yearOf(4, 7)).toBe(4);
  });
  it("every 1 is years 1..N", () => {
    expect(occurrenceYears({ every: 1 }, 5, 0)).toEqual([1, 2, 3, 4, 5]);
  });
  it("at 0, every 1 is years 0..N", () => {
    expect(occurrenceYears({ at: 0, every: 1 }, 5, 0)).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it("every 3 over 10 years starts in year 3: 3, 6, 9", () => {
    expect(occurrenceYears({ every: 3 }, 10, 0)).toEqual([3, 6, 9]);
  });
  it("every 4 from year 2 over 10 years: 2, 6, 10 (N itself included)", () => {
    expect(occurrenceYears({ at: 2, every: 4 }, 10, 0)).toEqual([2, 6, 10]);
  });
  it("every k from 'end' is year N only", () => {
    expect(occurrenceYears({ at: "end", every: 2 }, 6, 0)).toEqual([6]);
  });
  it("every k longer than the period never occurs (default start k > N)", () => {
    expect(occurrenceYears({ every: 15 }, 10, 0)).toEqual([]);
  });
  it("with N = 0: a one-off in year 0 occurs, every 1 does not, 'end' is year 0", () => {
    expect(occurrenceYears({}, 0, 0)).toEqual([0]);
    expect(occurrenceYears({ every: 1 }, 0, 0)).toEqual([]);
    expect(occurrenceYears({}, 0, "end")).toEqual([0]);
    expect(occurrenceYears({ at: 0, every: 1 }, 0, 0)).toEqual([0]);
  });
  it("a one-off year after the period does not occur (the resolver reports it first)", () => {
    expect(occurrenceYears({ at: 12 }, 10, 0)).toEqual([]);
  });
});
