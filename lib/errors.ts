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
