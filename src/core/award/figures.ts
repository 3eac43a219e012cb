/**
 * One evaluated alternative's figures as the award reads them. The price
 * criterion is what the bid costs to buy and install: the present value of
 * its acquisition and installation costs (docs/decisions.md).
 */
import { ZERO, type Decimal } from "../decimal.js";
import type { AlternativeResult } from "../types.js";
import type { AwardFigures } from "./award.js";

/** `carbonCost`: the present value of the alternative's CO2e under the award's reference path. */
export function awardFigures(a: Pick<AlternativeResult, "id" | "emissions" | "lcc">, carbonCost: Decimal): AwardFigures {
  return {
    id: a.id,
    price: (a.lcc.byKind.acquisition ?? ZERO).plus(a.lcc.byKind.installation ?? ZERO),
    lcc: a.lcc.presentValue,
    totalKg: a.emissions.totalKg,
    ...(a.emissions.markedUp && { markedUpKg: a.emissions.markedUp.totalKg }),
    lccWithCarbon: a.lcc.presentValue.plus(carbonCost),
  };
}
