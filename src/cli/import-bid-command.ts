/**
 * `kalkyle import-bid CASE.json bid.xlsx [-o OUT.json] [--replace] [--lang nb|en]`:
 * a filled bidder template read into one more alternative of the case; the
 * case with it is written to OUT.json, or to standard output.
 * A case whose award has a quality criterion gets a note on standard error:
 * the award waits for the new bid's quality points (the buyer's to give).
 * Exit status: 0 imported, 2 every problem of the form listed with its
 * sheet and cell (nothing written), 1 a file could not be written.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { bidProblemMessage } from "../bids/bid-problems.js";
import { readBid } from "../bids/read-bid.js";
import { bidsWithoutQualityPoints } from "../case/resolve-award.js";
import type { CaseDocument } from "../case/schema.js";
import { documentWithBid } from "../bids/with-bid.js";
import { loadFactorLibrary } from "../factors/load.js";
import { text } from "../i18n/catalogue.js";
import { chosenLang, type CliArgs } from "./cli-args.js";
import { readCaseFile } from "./case-file.js";
import type { Io } from "./main.js";

export async function importBidFromArgs({ values, positionals }: CliArgs, io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const lang = chosenLang(values.lang, env);
  const [, caseFile, bidFile] = positionals;
  if (!caseFile || !bidFile || positionals.length > 3) return io.err(text(lang, "cli.usage")), 2;
  const input = readCaseFile(caseFile, io, lang);
  if (!input.ok) return 2;
  let bytes: Buffer;
  try {
    bytes = readFileSync(bidFile);
  } catch (error) {
    io.err((error as NodeJS.ErrnoException).code === "ENOENT" ? text(lang, "cli.no-such-file", { file: bidFile }) : `${bidFile}: ${(error as Error).message}`);
    return 2;
  }
  const reading = await readBid(bytes, input.value, loadFactorLibrary(), { replace: values.replace === true });
  if (!reading.ok) {
    for (const p of reading.problems) io.err(`${bidFile}: ${bidProblemMessage(p, lang)}`);
    return 2;
  }
  const withBid = documentWithBid(input.value as Record<string, unknown>, reading.alternative);
  const json = JSON.stringify(withBid, null, 2);
  // readBid has checked the case with the bid in it, so it has the case's shape
  const qualityNeeded = bidsWithoutQualityPoints(withBid as CaseDocument).some((b) => b.id === reading.alternativeId);
  const noteQuality = () => {
    if (qualityNeeded) io.err(text(lang, "cli.import-bid.quality-needed", { id: reading.alternativeId }));
  };
  if (values.output === undefined) {
    io.out(json);
    noteQuality();
    return 0;
  }
  try {
    writeFileSync(values.output, `${json}\n`);
  } catch (error) {
    io.err(`${values.output}: ${(error as Error).message}`);
    return 1;
  }
  io.out(text(lang, reading.replaced ? "cli.import-bid.replaced" : "cli.import-bid.added", { id: reading.alternativeId, file: values.output }));
  noteQuality();
  return 0;
}
