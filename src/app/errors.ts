/**
 * The application layer's typed refusals, whatever the door (page, API,
 * command line): each edge turns them into its own answer (the web: 401,
 * 403, 404, 409, 413, 429 and a page or JSON).
 */
import type { Problem } from "../case/messages.js";

/** Nobody is signed in, or the credentials (password, token) are wrong. */
export class UnauthenticatedError extends Error {
  constructor() {
    super("not signed in");
    this.name = "UnauthenticatedError";
  }
}

/** Signed in, but the role does not allow the action in this organisation. */
export class ForbiddenError extends Error {
  constructor(readonly action: string) {
    super(`not allowed: ${action}`);
    this.name = "ForbiddenError";
  }
}

/** No such thing in this organisation (whether or not it exists in another). */
export class NotFoundError extends Error {
  constructor() {
    super("not found");
    this.name = "NotFoundError";
  }
}

/** Someone saved in between, the change would break a rule (the last administrator), or another import of the organisation is running. */
export class ConflictError extends Error {
  constructor(readonly reason: "version" | "last-admin" | "email-taken" | "import-running") {
    super(`conflict: ${reason}`);
    this.name = "ConflictError";
  }
}

/** The input is wrong: every problem with its path. `tooLarge` when it is beyond what one request may compute. */
export class InvalidInputError extends Error {
  constructor(
    readonly problems: Problem[],
    readonly tooLarge = false,
  ) {
    super("invalid input");
    this.name = "InvalidInputError";
  }
}

/** Too many failed logins for this account or from this address; try again after `retryAfterSeconds`. */
export class ThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("too many attempts");
    this.name = "ThrottledError";
  }
}

/** A new password that the rules refuse (too short, too long, too common). */
export class PasswordRefusedError extends Error {
  constructor(readonly problem: "too-short" | "too-long" | "common" | "wrong-current") {
    super(`password refused: ${problem}`);
    this.name = "PasswordRefusedError";
  }
}
