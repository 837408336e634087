/** Errors thrown inside db/queries and lib, turned into values at the edges (forms, API). */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** A save that started from an older version than the one now stored (optimistic concurrency). */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly details: { currentVersion: number; changes: { field: string; before: unknown; after: unknown }[]; by?: string; at?: string },
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

/** Input that passed its schema but breaks a fact in the database (unknown country, duplicate key). */
export class InvalidInputError extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super("invalid input");
    this.name = "InvalidInputError";
  }
}

/**
 * Allowed by role, refused by a fact about this record (e.g. four eyes: nobody decides a request
 * they made). `reason` is a message key under "errors" that the edges show.
 */
export class ForbiddenError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "ForbiddenError";
  }
}
