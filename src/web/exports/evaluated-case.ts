/**
 * The refusal of an export whose stored case no longer passes the checks (a
 * factor set or a rule changed since it was saved): 409 with every problem.
 */
import type { Problem } from "../../case/messages.js";
import { HttpError } from "../errors.js";

export const invalidCase = (problems: Problem[]) => new HttpError(409, "export.invalidCase", problems);
