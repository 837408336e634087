/**
 * A bound on waiting for a pooled connection, which postgres.js does not have: its queries wait
 * for a free connection for as long as it takes (seen: 16.9 s during an outage). The gate admits
 * at most `size` operations at once — a top-level query, or a whole transaction — and refuses
 * one that waited `waitMs` with DatabaseUnavailableError("pool-wait"), before it reaches the
 * driver, so a refused operation never runs later behind the caller's back.
 * Queries inside a transaction use the transaction's own connection and do not pass the gate.
 */
import type { Sql } from "postgres";
import { DatabaseUnavailableError } from "@/lib/database-unavailable";

type Waiter = { grant: () => void; timer: NodeJS.Timeout };

export class PoolGate {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    readonly size: number,
    readonly waitMs: number,
  ) {}

  /** Resolves with the function that gives the place back; rejects after waitMs. */
  acquire(): Promise<() => void> {
    if (this.active < this.size) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new DatabaseUnavailableError("pool-wait", `No database connection became free within ${this.waitMs} ms (DATABASE_POOL_WAIT_MS)`));
        }, this.waitMs),
      };
      this.waiting.push(waiter);
    });
  }

  /** Places taken and callers waiting, for tests and diagnostics. */
  get state() {
    return { active: this.active, waiting: this.waiting.length };
  }

  private releaser() {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The place passes straight to the next waiter: `active` stays the same.
      if (next) next.grant();
      else this.active--;
    };
  }
}

/**
 * The query drizzle gets from `unsafe()`: the real query is created only once the gate admits
 * it. Drizzle awaits it, optionally after `.values()`; nothing else is used through the gate.
 */
class GatedQuery<T> implements PromiseLike<T> {
  private mode: "rows" | "values" = "rows";
  private running?: Promise<T>;

  constructor(
    private readonly sql: Sql,
    private readonly args: Parameters<Sql["unsafe"]>,
    private readonly gate: PoolGate,
  ) {}

  values() {
    this.mode = "values";
    return this;
  }

  then<A = T, B = never>(onFulfilled?: ((value: T) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.run().then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null) {
    return this.run().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null) {
    return this.run().finally(onFinally);
  }

  private run(): Promise<T> {
    this.running ??= (async () => {
      const release = await this.gate.acquire();
      try {
        const query = this.sql.unsafe(...this.args);
        return (await (this.mode === "values" ? query.values() : query)) as T;
      } finally {
        release();
      }
    })();
    return this.running;
  }
}

/** The pool as drizzle sees it: `unsafe()` and `begin()` pass the gate; everything else is the pool's own. */
export function gatedSql(sql: Sql, gate: PoolGate): Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === "unsafe") return (...args: Parameters<Sql["unsafe"]>) => new GatedQuery(target, args, gate);
      if (prop === "begin")
        return async (...args: unknown[]) => {
          const release = await gate.acquire();
          try {
            return await (target.begin as (...a: unknown[]) => Promise<unknown>)(...args);
          } finally {
            release();
          }
        };
      return Reflect.get(target, prop, receiver);
    },
  });
}
