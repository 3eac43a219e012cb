/**
 * A generated Norwegian ledger written straight to disk, for the reader's
 * tests and the import benchmark: KOSTRA accounts (art) and functions,
 * suppliers with æøå in their names and their organisation numbers,
 * amounts written as Norwegian Excel writes them ("12 345,67") and some
 * credit notes ("-1 234,00"). Deterministic for a seed; written a block at
 * a time with back-pressure, so a million lines never sit in memory.
 *
 * Example: await writeLedger("/tmp/x/ledger.csv", { lines: 1_000, encoding: "windows-1252", delimiter: ";", seed: 1 })
 *          → { lines: 1000, totalOre: …, creditNotes: … }
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";

export type LedgerFixture = { lines: number; encoding: "utf-8" | "windows-1252"; delimiter: ";" | "," | "\t"; seed: number; bom?: boolean };
/** What was written: the lines (header not counted), the sum of their amounts in øre and how many are credit notes. */
export type LedgerWritten = { lines: number; totalOre: number; creditNotes: number };

export const FIXTURE_HEADERS = ["År", "Bilagsdato", "Art", "Funksjon", "Leverandørnavn", "Org.nr", "Tekst", "Beløp"];

/** KOSTRA art: purchases (1xx, 2xx), salary (010), transfers (429, 470). */
const ACCOUNTS = ["100", "115", "120", "170", "180", "185", "195", "200", "230", "240", "270", "010", "429", "470"];
const FUNCTIONS = ["120", "201", "202", "222", "254", "261", "265", "333", "386"];
const SUPPLIERS: [string, string][] = [
  ["Bærum Renhold AS", "912345678"],
  ["Østlandske Matforsyning AS", "923456789"],
  ["Gjøvik Trafikkskole og Bussdrift AS", "934567890"],
  ["Kontorrekvisita Ålesund AS", "945678901"],
  ["Møller Bil Tromsø AS", "956789012"],
  ["Strøm & Energi Nordland AS", "967890123"],
  ["Byggservice Sør-Trøndelag AS", "978901234"],
  ["Læringsverktøy Norge AS", "989012345"],
];
const TEXTS = ["Kjøp av rengjøringsmidler", "Matvarer til sykehjem", "Skoleskyss, faktura", "Kontormøbler; stoler", "Leie av bil", "Strøm, måned", "Vedlikehold av bygg", "Lisens læremidler"];

/** mulberry32: a small seeded generator, enough for test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** "12 345,67" (a space between groups of three, a decimal comma), with "-" before a credit note. */
export function norwegianAmount(ore: number): string {
  const negative = ore < 0;
  const abs = Math.abs(ore);
  const kroner = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${negative ? "-" : ""}${kroner},${String(abs % 100).padStart(2, "0")}`;
}

const field = (value: string, delimiter: string) => (value.includes(delimiter) || value.includes('"') ? `"${value.replaceAll('"', '""')}"` : value);

/** Writes the ledger to `file` and says what it holds. */
export async function writeLedger(file: string, fixture: LedgerFixture): Promise<LedgerWritten> {
  const out = createWriteStream(file);
  const next = random(fixture.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const encode = (text: string) => (fixture.encoding === "utf-8" ? Buffer.from(text, "utf8") : Buffer.from(text, "latin1"));
  const d = fixture.delimiter;
  let block = `${fixture.bom && fixture.encoding === "utf-8" ? "\ufeff" : ""}${FIXTURE_HEADERS.map((h) => field(h, d)).join(d)}\r\n`;
  let totalOre = 0;
  let creditNotes = 0;
  for (let i = 0; i < fixture.lines; i++) {
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const [supplier, orgNumber] = pick(SUPPLIERS);
    const credit = next() < 0.03;
    const ore = Math.floor(next() * 5_000_000) * (credit ? -1 : 1);
    if (credit) creditNotes++;
    totalOre += ore;
    const cells = ["2025", `${String(day).padStart(2, "0")}.${String(month).padStart(2, "0")}.2025`, pick(ACCOUNTS), pick(FUNCTIONS), supplier, orgNumber, pick(TEXTS), norwegianAmount(ore)];
    block += `${cells.map((c) => field(c, d)).join(d)}\r\n`;
    if (block.length > 1 << 16) {
      if (!out.write(encode(block))) await once(out, "drain");
      block = "";
    }
  }
  out.end(encode(block));
  await once(out, "finish");
  return { lines: fixture.lines, totalOre, creditNotes };
}
