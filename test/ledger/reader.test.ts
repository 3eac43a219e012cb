import { mkdtempSync, rmSync, createReadStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { columnProblems, headerSignature, suggestColumns } from "../../src/ledger/columns.js";
import { fingerprinter } from "../../src/ledger/fingerprint.js";
import { LedgerColumnsError, LedgerFileError } from "../../src/ledger/ledger-errors.js";
import { inspectLedger, readLedger, type ReadLedgerOptions } from "../../src/ledger/read-ledger.js";
import type { BrokenLine, ColumnMapping, LedgerLine } from "../../src/ledger/types.js";
import { writeLedger } from "../support/ledger-fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "ledger-reader-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bytes as a stream cut at `cuts`. */
async function* chunked(bytes: Buffer, cuts: number[] = []): AsyncGenerator<Buffer> {
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
}

async function readAll(source: AsyncIterable<Buffer>, options: Partial<ReadLedgerOptions> = {}) {
  const lines: LedgerLine[] = [];
  const broken: BrokenLine[] = [];
  const reader = readLedger(source, { fileName: "ledger.csv", columns: null, bytesTotal: null, ...options });
  for (;;) {
    const step = await reader.next();
    if (step.done) return { lines, broken, ...step.value };
    lines.push(...step.value.lines);
    broken.push(...step.value.broken);
  }
}

const NB_HEADER = "År;Bilagsdato;Art;Funksjon;Leverandør;Org.nr;Tekst;Beløp";

describe("readLedger: CSV", () => {
  it("reads a Windows-1252 file with ; and gives «Leverandør» its ø", async () => {
    const text = `${NB_HEADER}\r\n2025;31.03.2025;115;201;Bærum Renhold AS;NO 912 345 678 MVA;Såpe;1 234,50\r\n`;
    const read = await readAll(chunked(Buffer.from(text, "latin1")));
    expect(read.format).toEqual({ encoding: "windows-1252", delimiter: ";", kind: "csv", headers: NB_HEADER.split(";") });
    expect(read.lines).toEqual([
      { lineNumber: 2, year: 2025, date: "2025-03-31", account: "115", function: "201", supplierName: "Bærum Renhold AS", orgNumber: "912345678", description: "Såpe", amountOre: 123450 },
    ]);
    expect(read.read).toBe(1);
  });
  it("reads UTF-8 with a BOM and with , as the delimiter (amounts quoted)", async () => {
    const text = '\ufeffYear,Date,Account,Supplier,Amount\n2024,2024-12-31,11500,Østlandske Mat AS,"12 345,67"\n2024,2024-01-02,120,Ørsta AS,-1234.5\n';
    const read = await readAll(chunked(Buffer.from(text, "utf8")));
    expect(read.format.encoding).toBe("utf-8-bom");
    expect(read.format.delimiter).toBe(",");
    expect(read.format.headers[0]).toBe("Year");
    expect(read.lines.map((l) => [l.account, l.supplierName, l.amountOre, l.date])).toEqual([
      ["11500", "Østlandske Mat AS", 1234567, "2024-12-31"],
      ["120", "Ørsta AS", -123450, "2024-01-02"],
    ]);
  });
  it("reads the same lines whatever the chunk boundaries: inside a UTF-8 ø and inside a quoted field", async () => {
    const text = `${NB_HEADER}\n2025;1.2.2025;195;202;"Søppel; og ""Gjenvinning"" AS";;"Henting,\nmars";"2 000,00"\n2025;2025-02-03;200;202;Ærlig AS;;;-10\n`;
    const bytes = Buffer.from(text, "utf8");
    const whole = await readAll(chunked(bytes));
    expect(whole.lines.map((l) => l.supplierName)).toEqual(['Søppel; og "Gjenvinning" AS', "Ærlig AS"]);
    expect(whole.lines[0]!.description).toBe("Henting,\nmars");
    expect(whole.lines.map((l) => l.lineNumber)).toEqual([2, 3]);
    const insideO = bytes.indexOf(Buffer.from("ø", "utf8")) + 1;
    const insideQuote = bytes.indexOf(Buffer.from("Gjenvinning")) + 3;
    const insideBreak = bytes.indexOf(Buffer.from("mars")) - 1;
    for (const cuts of [[insideO], [insideQuote], [insideBreak], [insideO, insideQuote, insideBreak]]) {
      const read = await readAll(chunked(bytes, cuts));
      expect(read.lines).toEqual(whole.lines);
    }
  });
  it("reports every broken line with its number and reason, and reads the rest", async () => {
    const long = "x".repeat(10_001);
    const lines = [
      NB_HEADER,
      "2025;31.03.2025;115;201;A AS;;;100,00", // 2: fine
      "2025;31.03.2025;115;201;A AS;;;", // 3: no amount
      "2025;31.03.2025;115;201;A AS;;;12 34,5", // 4: unreadable amount
      "2025;31.02.2025;115;201;A AS;;;1", // 5: no such date
      "1980;;115;201;A AS;;;1", // 6: year out of range
      ";;115;201;A AS;;;1", // 7: no year, no date
      "2025;;;201;A AS;;;1", // 8: no account
      "2025;;115;201;A AS;12345;;1", // 9: org number
      `2025;;115;201;${long};;;1`, // 10: too long
      "2025;;115", // 11: too few columns
      "", // 12: empty, passed over
      "2025;;115;201;A AS;;;999 999 999 999,00", // 13: too large
      "2026;;120;;;;;(50,00)", // 14: fine, a credit note
    ];
    const read = await readAll(chunked(Buffer.from(lines.join("\n") + "\n")));
    expect(read.broken.map((b) => [b.lineNumber, b.reason, b.field])).toEqual([
      [3, "amount-missing", "amount"],
      [4, "amount-unreadable", "amount"],
      [5, "date-unreadable", "date"],
      [6, "year-out-of-range", "year"],
      [7, "year-missing", "year"],
      [8, "account-missing", "account"],
      [9, "org-number-unreadable", "orgNumber"],
      [10, "line-too-long", null],
      [11, "columns-missing", null],
      [13, "amount-too-large", "amount"],
    ]);
    expect(read.broken[1]!.found).toBe("12 34,5");
    expect(read.lines.map((l) => [l.lineNumber, l.amountOre])).toEqual([
      [2, 10000],
      [14, -5000],
    ]);
    expect(read.read).toBe(12);
  });
  it("reports a quote never closed at the end of the file", async () => {
    const read = await readAll(chunked(Buffer.from(`${NB_HEADER}\n2025;;115;;;;;1\n2025;;115;;"open;;;2\n`)));
    expect(read.lines).toHaveLength(1);
    expect(read.broken).toEqual([{ lineNumber: 3, reason: "quote-not-closed", field: null, found: "" }]);
  });
  it("yields batches of the size asked and reports progress", async () => {
    const file = join(dir, "batches.csv");
    const written = await writeLedger(file, { lines: 12_345, encoding: "windows-1252", delimiter: ";", seed: 7 });
    const sizes: number[] = [];
    const progress: number[] = [];
    const reader = readLedger(createReadStream(file), { fileName: file, columns: null, bytesTotal: null, batchSize: 5_000, onProgress: (p) => progress.push(p.lines) });
    let total = 0;
    let credit = 0;
    for (;;) {
      const step = await reader.next();
      if (step.done) break;
      sizes.push(step.value.lines.length);
      for (const line of step.value.lines) {
        total += line.amountOre;
        if (line.amountOre < 0) credit++;
      }
    }
    expect(sizes).toEqual([5_000, 5_000, 2_345]);
    expect(total).toBe(written.totalOre);
    expect(credit).toBe(written.creditNotes);
    expect(progress.at(-1)).toBe(12_345);
    expect(progress).toContain(10_000);
  });
  it("throws a typed error for a file that is no ledger", async () => {
    await expect(readAll(chunked(Buffer.alloc(0)))).rejects.toEqual(new LedgerFileError("empty"));
    await expect(readAll(chunked(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x0a])))).rejects.toEqual(new LedgerFileError("unreadable"));
    await expect(readAll(chunked(Buffer.from("justonecolumn\n1\n")))).rejects.toEqual(new LedgerFileError("no-header"));
    await expect(readAll(chunked(Buffer.from(`${NB_HEADER}\n`)))).rejects.toEqual(new LedgerFileError("empty"));
    await expect(readAll(chunked(Buffer.from("PK\u0003\u0004not a zip at all")), { fileName: "x.xlsx" })).rejects.toEqual(new LedgerFileError("unreadable"));
  });
  it("throws the column problems before reading a line when the mapping does not fit the file", async () => {
    const wrong: ColumnMapping = { account: "Konto", amount: "Beløp", year: "År" };
    const error = await readAll(chunked(Buffer.from(`${NB_HEADER}\n2025;;115;;;;;1\n`)), { columns: wrong }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerColumnsError);
    expect((error as LedgerColumnsError).problems).toEqual([{ field: "account", code: "not-in-file" }]);
  });
  it("reads the columns the user chose by their header", async () => {
    const text = "Dato;Konto;Mva-beløp;Beløp\n2025-05-05;470;25;100\n";
    const read = await readAll(chunked(Buffer.from(text)), { columns: { date: "Dato", account: "Konto", amount: "Mva-beløp" } });
    expect(read.lines[0]!.amountOre).toBe(2500);
    expect(read.lines[0]!.year).toBe(2025);
  });
});

describe("inspectLedger", () => {
  it("gives the encoding, delimiter and headers from the first bytes", () => {
    expect(inspectLedger("a.csv", Buffer.from(`${NB_HEADER}\n2025;`, "latin1"))).toEqual({ format: { encoding: "windows-1252", delimiter: ";", kind: "csv", headers: NB_HEADER.split(";") } });
    expect(inspectLedger("a.csv", Buffer.alloc(0))).toEqual({ problem: "empty" });
    expect(inspectLedger("a.csv", Buffer.from([1, 0, 2]))).toEqual({ problem: "unreadable" });
    expect(inspectLedger("a.csv", Buffer.from("one column\n1\n"))).toEqual({ problem: "no-header" });
    expect(inspectLedger("a.xlsx", Buffer.from("PK\u0003\u0004"))).toEqual({ format: { encoding: "utf-8", delimiter: ";", kind: "xlsx", headers: [] } });
  });
});

describe("columns", () => {
  it("suggests the columns from Norwegian and English header names", () => {
    expect(suggestColumns([" Bilagsdato ", "Artskonto", "Funksjon", "Leverandørnavn", "Organisasjonsnummer", "Beskrivelse", "Beløp NOK"])).toEqual({
      date: "Bilagsdato",
      account: "Artskonto",
      function: "Funksjon",
      supplierName: "Leverandørnavn",
      orgNumber: "Organisasjonsnummer",
      description: "Beskrivelse",
      amount: "Beløp NOK",
    });
    expect(suggestColumns(["Year", "Account", "Function", "Supplier", "Org.nr", "Description", "Amount"])).toEqual({
      year: "Year",
      account: "Account",
      function: "Function",
      supplierName: "Supplier",
      orgNumber: "Org.nr",
      description: "Description",
      amount: "Amount",
    });
    expect(suggestColumns(["År", "Art", "Beløp i kroner"]).amount).toBe("Beløp i kroner");
  });
  it("says what a mapping lacks", () => {
    expect(columnProblems({}, ["a"])).toEqual([
      { field: "account", code: "required" },
      { field: "amount", code: "required" },
      { field: "date", code: "date-or-year" },
    ]);
    expect(columnProblems({ account: "Art", amount: "Beløp", year: "År" }, ["Art", "beløp ", "År"])).toEqual([]);
  });
  it("gives the same signature for the same headers whatever their case and spaces", () => {
    expect(headerSignature([" År", "BELØP"])).toBe(headerSignature(["år", "beløp "]));
    expect(headerSignature(["a", "b"])).not.toBe(headerSignature(["b", "a"]));
  });
});

describe("readLedger: Excel", () => {
  it("reads the first worksheet: numbers as kroner, date cells as dates, row numbers as line numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Hovedbok");
    sheet.addRow(["År", "Bilagsdato", "Art", "Leverandør", "Org.nr", "Beløp"]);
    sheet.addRow([2025, new Date(Date.UTC(2025, 2, 31)), 115, "Bærum Renhold AS", 912345678, 1234.5]);
    sheet.addRow([2025, new Date(Date.UTC(2025, 3, 1)), "120", "Ørsta AS", "NO 923 456 789 MVA", "-99,90"]);
    sheet.addRow([2025, "not a date", "120", "Ørsta AS", null, 1]);
    workbook.addWorksheet("Andre").addRow(["x", "y"]);
    const file = join(dir, "ledger.xlsx");
    await workbook.xlsx.writeFile(file);
    const read = await readAll(createReadStream(file), { fileName: "ledger.xlsx" });
    expect(read.format).toEqual({ encoding: "utf-8", delimiter: ";", kind: "xlsx", headers: ["År", "Bilagsdato", "Art", "Leverandør", "Org.nr", "Beløp"] });
    expect(read.lines).toEqual([
      { lineNumber: 2, year: 2025, date: "2025-03-31", account: "115", function: null, supplierName: "Bærum Renhold AS", orgNumber: "912345678", description: null, amountOre: 123450 },
      { lineNumber: 3, year: 2025, date: "2025-04-01", account: "120", function: null, supplierName: "Ørsta AS", orgNumber: "923456789", description: null, amountOre: -9990 },
    ]);
    expect(read.broken).toEqual([{ lineNumber: 4, reason: "date-unreadable", field: "date", found: "not a date" }]);
  });
});

describe("fingerprints", () => {
  it("are the same for the same file read twice, and differ for two identical lines in one file", async () => {
    const text = `${NB_HEADER}\n2025;31.03.2025;115;201;A AS;;Såpe;100,00\n2025;31.03.2025;115;201;A AS;;Såpe;100,00\n2025;31.03.2025;115;201;A AS;;Såpe;100,01\n`;
    const once = async () => {
      const fp = fingerprinter();
      return (await readAll(chunked(Buffer.from(text)))).lines.map(fp);
    };
    const first = await once();
    expect(await once()).toEqual(first);
    expect(new Set(first).size).toBe(3);
    expect(first.every((f) => /^[A-Za-z0-9_-]{27}$/.test(f))).toBe(true);
  });
  it("do not depend on the line number, so an overlapping period's lines match", async () => {
    const line = "2025;31.03.2025;115;201;A AS;;Såpe;100,00";
    const a = (await readAll(chunked(Buffer.from(`${NB_HEADER}\n${line}\n`)))).lines.map(fingerprinter());
    const b = (await readAll(chunked(Buffer.from(`${NB_HEADER}\n2025;01.01.2025;120;;B AS;;;1\n${line}\n`)))).lines.map(fingerprinter());
    expect(b[1]).toBe(a[0]);
  });
  it("keep counting past the table's first size (100 000 lines, every content twice)", () => {
    const fp = fingerprinter();
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(fp({ lineNumber: i + 2, year: 2025, date: null, account: "115", function: null, supplierName: null, orgNumber: null, description: null, amountOre: i % 50_000 }));
    expect(seen.size).toBe(100_000);
  });
});
